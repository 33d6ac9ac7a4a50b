using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BreachScanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_OpenDue",
                table: "WorkOrderClocks",
                columns: new[] { "MetAtUtc", "BreachedAtUtc", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_OpenDueSoon",
                table: "WorkOrderClocks",
                columns: new[] { "MetAtUtc", "DueSoonAlertedAtUtc", "DueSoonUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_OpenDue",
                table: "WorkOrderClocks");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_OpenDueSoon",
                table: "WorkOrderClocks");
        }
    }
}
