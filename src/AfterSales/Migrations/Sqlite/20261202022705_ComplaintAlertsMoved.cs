using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintAlertsMoved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The complaint desk's alerts join the shared inbox: the rows written so far move over.
            // They had no unread state (the desk saw them listed on /Complaints, where they still
            // are), so they arrive read rather than filling every inbox's badge at once.
            migrationBuilder.Sql(
                "INSERT INTO \"Alerts\" (\"ComplaintId\", \"Kind\", \"Type\", \"RecipientKey\", \"CreatedAtUtc\", \"ReadAtUtc\") "
                    + "SELECT \"ComplaintId\", \"Kind\", CASE WHEN \"Breached\" THEN 'Breached' ELSE 'DueSoon' END, 'complaints', \"CreatedAtUtc\", \"CreatedAtUtc\" "
                    + "FROM \"ComplaintAlerts\"");

            // Closing now stops the committed resolution clock; cases closed before that (the customer
            // declined the remedy) stop it at their closing, so breach detection leaves them alone.
            migrationBuilder.Sql(
                "UPDATE \"ComplaintClocks\" SET \"MetAtUtc\" = "
                    + "(SELECT c.\"ClosedAtUtc\" FROM \"Complaints\" AS c WHERE c.\"Id\" = \"ComplaintClocks\".\"ComplaintId\") "
                    + "WHERE \"Kind\" = 'ComplaintResolution' AND \"MetAtUtc\" IS NULL AND \"ComplaintId\" IN "
                    + "(SELECT \"Id\" FROM \"Complaints\" WHERE \"Status\" = 'Closed' AND \"ClosedAtUtc\" IS NOT NULL)");

            // The fairness justification is internal (it compares with other customers' cases); remedy
            // events written before it moved off the timeline carried it in their note, which customers read.
            migrationBuilder.Sql(
                "UPDATE \"ComplaintEvents\" SET \"Note\" = substr(\"Note\", 1, instr(\"Note\", ' · 公平性说明：') - 1) "
                    + "WHERE \"Type\" = 'RemedyProposed' AND instr(\"Note\", ' · 公平性说明：') > 0");

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

            migrationBuilder.Sql(
                "INSERT INTO \"ComplaintAlerts\" (\"ComplaintId\", \"Kind\", \"Breached\", \"CreatedAtUtc\") "
                    + "SELECT \"ComplaintId\", \"Kind\", \"Type\" = 'Breached', \"CreatedAtUtc\" FROM \"Alerts\" "
                    + "WHERE \"ComplaintId\" IS NOT NULL AND \"Kind\" IS NOT NULL AND \"RecipientKey\" = 'complaints'");
            migrationBuilder.Sql("DELETE FROM \"Alerts\" WHERE \"ComplaintId\" IS NOT NULL");
        }
    }
}
