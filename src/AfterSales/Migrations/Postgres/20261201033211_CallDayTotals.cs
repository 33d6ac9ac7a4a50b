using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CallDayTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CallDayTotals",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Agent = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Counted = table.Column<long>(type: "bigint", nullable: false),
                    Met = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallDayTotals", x => new { x.Day, x.Agent });
                });

            // The rollup starts from the calls already decided; from here on every call change keeps it.
            migrationBuilder.Sql(
                """
                INSERT INTO "CallDayTotals" ("Day", "Agent", "Counted", "Met")
                SELECT "Day", COALESCE("Agent", ''), COUNT(*), SUM(CASE WHEN "MetPromise" THEN 1 ELSE 0 END)
                FROM "Calls" WHERE "Day" IS NOT NULL AND "MetPromise" IS NOT NULL
                GROUP BY "Day", COALESCE("Agent", '')
                """
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallDayTotals");
        }
    }
}
