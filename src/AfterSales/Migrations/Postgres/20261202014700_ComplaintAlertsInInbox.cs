using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExplanationChannel",
                table: "Complaints",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ComplaintId",
                table: "Alerts",
                type: "bigint",
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Breached = table.Column<bool>(type: "boolean", nullable: false),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false)
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
