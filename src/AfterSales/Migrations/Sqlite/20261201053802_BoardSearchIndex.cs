using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID (which EF cannot say): the key is the whole row, so the postings are one
            // b-tree rather than a table plus the key's index, half the size and half the writes.
            migrationBuilder.Sql(
                """
                CREATE TABLE "WorkOrderSearchGrams" (
                    "Gram" TEXT NOT NULL,
                    "WorkOrderId" INTEGER NOT NULL,
                    CONSTRAINT "PK_WorkOrderSearchGrams" PRIMARY KEY ("Gram", "WorkOrderId")
                ) WITHOUT ROWID;
                """
            );

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open_Customer",
                table: "WorkOrders",
                columns: new[] { "CustomerId", "NextDueUtc", "Id" },
                filter: "\"Status\" <> 'Closed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkOrderSearchGrams");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open_Customer",
                table: "WorkOrders");
        }
    }
}
