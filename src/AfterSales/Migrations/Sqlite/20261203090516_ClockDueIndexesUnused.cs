using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClockDueIndexesUnused : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_DueSoonUtc",
                table: "WorkOrderClocks");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_DueUtc",
                table: "WorkOrderClocks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_DueSoonUtc",
                table: "WorkOrderClocks",
                column: "DueSoonUtc");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_DueUtc",
                table: "WorkOrderClocks",
                column: "DueUtc");
        }
    }
}
