using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Penalties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PenaltyCheckUtc",
                table: "WorkOrderClocks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PenaltyPeriods",
                table: "WorkOrderClocks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Clocks recorded before the ledger existed that may be late are looked at once by the first accrual pass.
            migrationBuilder.Sql(
                "UPDATE \"WorkOrderClocks\" SET \"PenaltyCheckUtc\" = \"DueUtc\" "
                    + "WHERE \"Kind\" IN ('Response', 'Restore') AND \"DueUtc\" IS NOT NULL "
                    + "AND (\"MetAtUtc\" IS NULL OR \"MetAtUtc\" > \"DueUtc\")");

            migrationBuilder.CreateTable(
                name: "PenaltyChains",
                columns: table => new
                {
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccruedFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PenaltyChains", x => x.ContractId);
                    table.ForeignKey(
                        name: "FK_PenaltyChains_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PenaltyEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    WorkOrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    Period = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    BaseFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RateBp = table.Column<int>(type: "INTEGER", nullable: true),
                    Capped = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccruedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClockId = table.Column<long>(type: "INTEGER", nullable: true),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartEventId = table.Column<long>(type: "INTEGER", nullable: true),
                    EndEventId = table.Column<long>(type: "INTEGER", nullable: true),
                    PauseIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PenaltyEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PenaltyEntries_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PenaltyEntries_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PenaltyEntries_PenaltyEntries_OriginalEntryId",
                        column: x => x.OriginalEntryId,
                        principalTable: "PenaltyEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PenaltyEntries_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PenaltyEvidence",
                columns: table => new
                {
                    PenaltyEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PenaltyEvidence", x => new { x.PenaltyEntryId, x.DocumentId });
                    table.ForeignKey(
                        name: "FK_PenaltyEvidence_PenaltyEntries_PenaltyEntryId",
                        column: x => x.PenaltyEntryId,
                        principalTable: "PenaltyEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderClocks_PenaltyCheck",
                table: "WorkOrderClocks",
                columns: new[] { "PenaltyCheckUtc", "Id" },
                filter: "\"PenaltyCheckUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_ContractId_OccurredAtUtc",
                table: "PenaltyEntries",
                columns: new[] { "ContractId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_ContractId_Sequence",
                table: "PenaltyEntries",
                columns: new[] { "ContractId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_CustomerId",
                table: "PenaltyEntries",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_OriginalEntryId",
                table: "PenaltyEntries",
                column: "OriginalEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_WorkOrderId_Kind_Period",
                table: "PenaltyEntries",
                columns: new[] { "WorkOrderId", "Kind", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEvidence_DocumentId",
                table: "PenaltyEvidence",
                column: "DocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PenaltyChains");

            migrationBuilder.DropTable(
                name: "PenaltyEvidence");

            migrationBuilder.DropTable(
                name: "PenaltyEntries");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderClocks_PenaltyCheck",
                table: "WorkOrderClocks");

            migrationBuilder.DropColumn(
                name: "PenaltyCheckUtc",
                table: "WorkOrderClocks");

            migrationBuilder.DropColumn(
                name: "PenaltyPeriods",
                table: "WorkOrderClocks");
        }
    }
}
