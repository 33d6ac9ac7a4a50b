using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DispatchBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "NextDueUtc",
                table: "WorkOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkOrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecipientUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecipientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alerts_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_NextDueUtc_Id",
                table: "WorkOrders",
                columns: new[] { "NextDueUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RecipientKey_ReadAtUtc_Id",
                table: "Alerts",
                columns: new[] { "RecipientKey", "ReadAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_WorkOrderId_Kind_Type_RecipientKey",
                table: "Alerts",
                columns: new[] { "WorkOrderId", "Kind", "Type", "RecipientKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_NextDueUtc_Id",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "NextDueUtc",
                table: "WorkOrders");
        }
    }
}
