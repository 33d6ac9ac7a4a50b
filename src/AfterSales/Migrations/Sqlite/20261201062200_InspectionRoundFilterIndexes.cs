using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectionRoundFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_Season_DueAtUtc_Id",
                table: "InspectionRounds",
                columns: new[] { "Season", "DueAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_Status_Season_DueAtUtc_Id",
                table: "InspectionRounds",
                columns: new[] { "Status", "Season", "DueAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InspectionRounds_Season_DueAtUtc_Id",
                table: "InspectionRounds");

            migrationBuilder.DropIndex(
                name: "IX_InspectionRounds_Status_Season_DueAtUtc_Id",
                table: "InspectionRounds");
        }
    }
}
