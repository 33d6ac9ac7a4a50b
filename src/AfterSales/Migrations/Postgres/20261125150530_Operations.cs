using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Operations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "NextDueUtc",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            // Work orders that exist already get their sort key for the dispatch board.
            migrationBuilder.Sql(
                "UPDATE \"WorkOrders\" SET \"NextDueUtc\" = (SELECT MIN(c.\"DueUtc\") FROM \"WorkOrderClocks\" c "
                    + "WHERE c.\"WorkOrderId\" = \"WorkOrders\".\"Id\" AND c.\"MetAtUtc\" IS NULL) WHERE \"Status\" <> 'Closed'"
            );

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkOrderId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AgreedCompletionUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DeclinedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkOrderId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecipientUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecipientKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alerts_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkOrderId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    TechnicianId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TechnicianName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CheckInAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CheckInLocation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    CheckOutAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WorkDone = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FaultCause = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    FaultAnalysis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepairSteps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SignatureDocumentId = table.Column<long>(type: "bigint", nullable: true),
                    SignerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatingComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepairAgreementLine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepairAgreementId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitPriceFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairAgreementLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairAgreementLine_Agreements_RepairAgreementId",
                        column: x => x.RepairAgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = table.Column<long>(type: "bigint", nullable: false),
                    ProductTypeId = table.Column<long>(type: "bigint", nullable: true),
                    Part = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Chargeable = table.Column<bool>(type: "boolean", nullable: false),
                    UnitPriceFen = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitItems_ProductTypes_ProductTypeId",
                        column: x => x.ProductTypeId,
                        principalTable: "ProductTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitItems_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_NextDueUtc_Id",
                table: "WorkOrders",
                columns: new[] { "NextDueUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_OpenDue",
                table: "WorkOrderClocks",
                columns: new[] { "MetAtUtc", "BreachedAtUtc", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_OpenDueSoon",
                table: "WorkOrderClocks",
                columns: new[] { "MetAtUtc", "DueSoonAlertedAtUtc", "DueSoonUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_CustomerId",
                table: "Agreements",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_WorkOrderId",
                table: "Agreements",
                column: "WorkOrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RecipientKey_ReadAtUtc_Id",
                table: "Alerts",
                columns: new[] { "RecipientKey", "ReadAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_WorkOrderId_Kind_Type_RecipientKey",
                table: "Alerts",
                columns: new[] { "WorkOrderId", "Kind", "Type", "RecipientKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairAgreementLine_RepairAgreementId",
                table: "RepairAgreementLine",
                column: "RepairAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitItems_ProductTypeId",
                table: "VisitItems",
                column: "ProductTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitItems_VisitId",
                table: "VisitItems",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_CustomerId",
                table: "Visits",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_TechnicianId_CheckOutAtUtc",
                table: "Visits",
                columns: new[] { "TechnicianId", "CheckOutAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_WorkOrderId",
                table: "Visits",
                column: "WorkOrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "RepairAgreementLine");

            migrationBuilder.DropTable(
                name: "VisitItems");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_NextDueUtc_Id",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_OpenDue",
                table: "WorkOrderClocks");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_OpenDueSoon",
                table: "WorkOrderClocks");

            migrationBuilder.DropColumn(
                name: "NextDueUtc",
                table: "WorkOrders");
        }
    }
}
