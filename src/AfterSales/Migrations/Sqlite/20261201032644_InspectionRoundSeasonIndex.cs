using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectionRoundSeasonIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_Season_SeasonYear_DueAtUtc_Id",
                table: "InspectionRounds",
                columns: new[] { "Season", "SeasonYear", "DueAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InspectionRounds_Season_SeasonYear_DueAtUtc_Id",
                table: "InspectionRounds");
        }
    }
}
