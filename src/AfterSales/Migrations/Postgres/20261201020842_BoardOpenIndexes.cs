using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BoardOpenIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_NextDueUtc_Id",
                table: "WorkOrders");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open",
                table: "WorkOrders",
                columns: new[] { "NextDueUtc", "Id", "Status", "TechnicianId", "Channel", "IsMajor", "CustomerId" },
                filter: "\"Status\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open_Channel",
                table: "WorkOrders",
                columns: new[] { "Channel", "NextDueUtc", "Id" },
                filter: "\"Status\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open_Major",
                table: "WorkOrders",
                columns: new[] { "NextDueUtc", "Id" },
                filter: "\"IsMajor\" AND \"Status\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open_Status",
                table: "WorkOrders",
                columns: new[] { "Status", "NextDueUtc", "Id" },
                filter: "\"Status\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Open_Technician",
                table: "WorkOrders",
                columns: new[] { "TechnicianId", "NextDueUtc", "Id" },
                filter: "\"Status\" <> 'Closed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open_Channel",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open_Major",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open_Status",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_Open_Technician",
                table: "WorkOrders");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_NextDueUtc_Id",
                table: "WorkOrders",
                columns: new[] { "NextDueUtc", "Id" });
        }
    }
}
