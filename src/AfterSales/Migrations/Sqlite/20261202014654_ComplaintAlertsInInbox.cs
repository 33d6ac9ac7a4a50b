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

            // The complaint desk's alerts join the shared inbox: the rows written so far move over.
            migrationBuilder.Sql(
                "INSERT INTO \"Alerts\" (\"ComplaintId\", \"Kind\", \"Type\", \"RecipientKey\", \"CreatedAtUtc\") "
                    + "SELECT \"ComplaintId\", \"Kind\", CASE WHEN \"Breached\" THEN 'Breached' ELSE 'DueSoon' END, 'complaints', \"CreatedAtUtc\" "
                    + "FROM \"ComplaintAlerts\"");

            migrationBuilder.DropTable(
                name: "ComplaintAlerts");
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

            migrationBuilder.CreateTable(
                name: "ComplaintAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Breached = table.Column<bool>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintAlerts_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintAlerts_ComplaintId_Kind_Breached",
                table: "ComplaintAlerts",
                columns: new[] { "ComplaintId", "Kind", "Breached" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintAlerts_CreatedAtUtc",
                table: "ComplaintAlerts",
                column: "CreatedAtUtc");
        }
    }
}
