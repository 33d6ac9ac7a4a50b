using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BoardSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkOrderSearchGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "text", nullable: false),
                    WorkOrderId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderSearchGrams", x => new { x.Gram, x.WorkOrderId });
                });

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
