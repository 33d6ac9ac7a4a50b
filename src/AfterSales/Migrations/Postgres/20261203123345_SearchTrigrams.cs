using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Postings are trigrams and each text's last bigram now, no longer every bigram: the index
            // is emptied and built again on start (SearchIndexBuild), as for a database from before it.
            migrationBuilder.Sql("DELETE FROM \"WorkOrderSearchGrams\";");
            migrationBuilder.AlterColumn<string>(
                name: "Gram",
                table: "WorkOrderSearchGrams",
                type: "text",
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "text");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM \"WorkOrderSearchGrams\";");
            migrationBuilder.AlterColumn<string>(
                name: "Gram",
                table: "WorkOrderSearchGrams",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldCollation: "C");
        }
    }
}
