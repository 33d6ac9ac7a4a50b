using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChecklistItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductTypeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_ProductTypes_ProductTypeId",
                        column: x => x.ProductTypeId,
                        principalTable: "ProductTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRounds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false),
                    Season = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SeasonYear = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TechnicianId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TechnicianName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CheckInAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckInLocation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CheckOutAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MissedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignatureDocumentId = table.Column<long>(type: "INTEGER", nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    SatisfactionComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PlannedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionRounds_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRounds_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionWindows",
                columns: table => new
                {
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    SummerFromMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    SummerFromDay = table.Column<int>(type: "INTEGER", nullable: false),
                    SummerUntilMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    SummerUntilDay = table.Column<int>(type: "INTEGER", nullable: false),
                    WinterFromMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    WinterFromDay = table.Column<int>(type: "INTEGER", nullable: false),
                    WinterUntilMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    WinterUntilDay = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionWindows", x => x.ContractId);
                    table.ForeignKey(
                        name: "FK_InspectionWindows_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChecklistItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    WorkOrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_ChecklistItems_ChecklistItemId",
                        column: x => x.ChecklistItemId,
                        principalTable: "ChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_InspectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "InspectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRoundAssets",
                columns: table => new
                {
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRoundAssets", x => new { x.RoundId, x.AssetId });
                    table.ForeignKey(
                        name: "FK_InspectionRoundAssets_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRoundAssets_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRoundAssets_InspectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "InspectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_ProductTypeId_SortOrder",
                table: "ChecklistItems",
                columns: new[] { "ProductTypeId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_AssetId_RecordedAtUtc",
                table: "InspectionFindings",
                columns: new[] { "AssetId", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_ChecklistItemId",
                table: "InspectionFindings",
                column: "ChecklistItemId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_ContractId",
                table: "InspectionFindings",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_CustomerId",
                table: "InspectionFindings",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_Outcome_CustomerId",
                table: "InspectionFindings",
                columns: new[] { "Outcome", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_RoundId_AssetId_ChecklistItemId",
                table: "InspectionFindings",
                columns: new[] { "RoundId", "AssetId", "ChecklistItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_WorkOrderId",
                table: "InspectionFindings",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRoundAssets_AssetId",
                table: "InspectionRoundAssets",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRoundAssets_ContractId",
                table: "InspectionRoundAssets",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_CustomerId_DueAtUtc",
                table: "InspectionRounds",
                columns: new[] { "CustomerId", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_DueAtUtc_Id",
                table: "InspectionRounds",
                columns: new[] { "DueAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_SiteId_Season_SeasonYear",
                table: "InspectionRounds",
                columns: new[] { "SiteId", "Season", "SeasonYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_Status_DueAtUtc_Id",
                table: "InspectionRounds",
                columns: new[] { "Status", "DueAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_TechnicianId_Status",
                table: "InspectionRounds",
                columns: new[] { "TechnicianId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "InspectionRoundAssets");

            migrationBuilder.DropTable(
                name: "InspectionWindows");

            migrationBuilder.DropTable(
                name: "ChecklistItems");

            migrationBuilder.DropTable(
                name: "InspectionRounds");
        }
    }
}
