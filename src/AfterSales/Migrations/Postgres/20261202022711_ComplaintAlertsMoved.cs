using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplaintAlertsMoved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.Sql(
                "INSERT INTO \"ComplaintAlerts\" (\"ComplaintId\", \"Kind\", \"Breached\", \"CreatedAtUtc\") "
                    + "SELECT \"ComplaintId\", \"Kind\", \"Type\" = 'Breached', \"CreatedAtUtc\" FROM \"Alerts\" "
                    + "WHERE \"ComplaintId\" IS NOT NULL AND \"Kind\" IS NOT NULL AND \"RecipientKey\" = 'complaints'");
            migrationBuilder.Sql("DELETE FROM \"Alerts\" WHERE \"ComplaintId\" IS NOT NULL");
        }
    }
}
