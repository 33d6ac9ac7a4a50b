using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BreachScanDueSoonIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_OpenDueSoon",
                table: "WorkOrderClocks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_OpenDueSoon",
                table: "WorkOrderClocks",
                columns: new[] { "MetAtUtc", "BreachedAtUtc", "DueSoonAlertedAtUtc", "DueSoonUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_OpenDueSoon",
                table: "WorkOrderClocks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_OpenDueSoon",
                table: "WorkOrderClocks",
                columns: new[] { "MetAtUtc", "DueSoonAlertedAtUtc", "DueSoonUtc" });
        }
    }
}
