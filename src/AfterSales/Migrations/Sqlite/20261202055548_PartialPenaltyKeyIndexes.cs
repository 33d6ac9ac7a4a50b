using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialPenaltyKeyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PenaltyEntries_AccidentId_Kind",
                table: "PenaltyEntries");

            migrationBuilder.DropIndex(
                name: "IX_PenaltyEntries_OriginalEntryId",
                table: "PenaltyEntries");

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_AccidentId_Kind",
                table: "PenaltyEntries",
                columns: new[] { "AccidentId", "Kind" },
                unique: true,
                filter: "\"AccidentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_OriginalEntryId",
                table: "PenaltyEntries",
                column: "OriginalEntryId",
                unique: true,
                filter: "\"OriginalEntryId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PenaltyEntries_AccidentId_Kind",
                table: "PenaltyEntries");

            migrationBuilder.DropIndex(
                name: "IX_PenaltyEntries_OriginalEntryId",
                table: "PenaltyEntries");

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_AccidentId_Kind",
                table: "PenaltyEntries",
                columns: new[] { "AccidentId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_OriginalEntryId",
                table: "PenaltyEntries",
                column: "OriginalEntryId",
                unique: true);
        }
    }
}
