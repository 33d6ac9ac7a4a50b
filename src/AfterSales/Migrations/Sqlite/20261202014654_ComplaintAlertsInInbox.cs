using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintAlertsInInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EscalatedToUserId",
                table: "Complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExplanationChannel",
                table: "Complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ComplaintId",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ComplaintId_Kind_Type_RecipientKey",
                table: "Alerts",
                columns: new[] { "ComplaintId", "Kind", "Type", "RecipientKey" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Alerts_Complaints_ComplaintId",
                table: "Alerts",
                column: "ComplaintId",
                principalTable: "Complaints",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Alerts_Complaints_ComplaintId",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_ComplaintId_Kind_Type_RecipientKey",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "EscalatedToUserId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ExplanationChannel",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ComplaintId",
                table: "Alerts");
        }
    }
}
