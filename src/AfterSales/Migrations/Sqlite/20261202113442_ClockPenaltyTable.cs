using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClockPenaltyTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.CreateTable(
                name: "WorkOrderClockPenalties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    PenaltyPeriods = table.Column<int>(type: "INTEGER", nullable: false),
                    PenaltyCheckUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderClockPenalties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderClockPenalties_WorkOrderClocks_Id",
                        column: x => x.Id,
                        principalTable: "WorkOrderClocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Each clock's accrual state moves to its own row, as it stands.
            migrationBuilder.Sql(
                "INSERT INTO \"WorkOrderClockPenalties\" (\"Id\", \"PenaltyPeriods\", \"PenaltyCheckUtc\") "
                    + "SELECT \"Id\", \"PenaltyPeriods\", \"PenaltyCheckUtc\" FROM \"WorkOrderClocks\""
            );
            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_PenaltyCheck",
                table: "WorkOrderClocks");

            // SQLite drops the columns in place (ALTER TABLE … DROP COLUMN, 3.35+): EF would rebuild the
            // whole clock table, with foreign keys off outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"WorkOrderClocks\" DROP COLUMN \"PenaltyCheckUtc\"");
            migrationBuilder.Sql("ALTER TABLE \"WorkOrderClocks\" DROP COLUMN \"PenaltyPeriods\"");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClockPenalties_Check",
                table: "WorkOrderClockPenalties",
                columns: new[] { "PenaltyCheckUtc", "Id" },
                filter: "\"PenaltyCheckUtc\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<DateTime>(
                name: "PenaltyCheckUtc",
                table: "WorkOrderClocks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PenaltyPeriods",
                table: "WorkOrderClocks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(
                "UPDATE \"WorkOrderClocks\" SET \"PenaltyPeriods\" = p.\"PenaltyPeriods\", \"PenaltyCheckUtc\" = p.\"PenaltyCheckUtc\" "
                    + "FROM \"WorkOrderClockPenalties\" AS p WHERE p.\"Id\" = \"WorkOrderClocks\".\"Id\""
            );

            migrationBuilder.DropTable(
                name: "WorkOrderClockPenalties");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_PenaltyCheck",
                table: "WorkOrderClocks",
                columns: new[] { "PenaltyCheckUtc", "Id" },
                filter: "\"PenaltyCheckUtc\" IS NOT NULL");
        }
    }
}
