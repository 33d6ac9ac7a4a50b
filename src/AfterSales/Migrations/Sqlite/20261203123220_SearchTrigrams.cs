using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Postings are trigrams and each text's last bigram now, no longer every bigram: the index
            // is emptied and every open work order queued in the same transaction, so the indexer (or
            // the start-up build, SearchIndexBuild) posts them again, and a search takes the queued ones
            // as candidates meanwhile. An instance still on the old scheme that indexes some of them
            // posts every bigram and trigram, a superset of the new grams: nothing is missed either way.
            migrationBuilder.Sql("DELETE FROM \"WorkOrderSearchGrams\";");
            migrationBuilder.Sql("INSERT OR IGNORE INTO \"WorkOrderSearchPending\" (\"WorkOrderId\") SELECT \"Id\" FROM \"WorkOrders\" WHERE \"Status\" <> 'Closed';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM \"WorkOrderSearchGrams\";");
            migrationBuilder.Sql("INSERT OR IGNORE INTO \"WorkOrderSearchPending\" (\"WorkOrderId\") SELECT \"Id\" FROM \"WorkOrders\" WHERE \"Status\" <> 'Closed';");
        }
    }
}
