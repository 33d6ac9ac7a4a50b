using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Accidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AccidentId",
                table: "PenaltyEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Accidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    ContractId = table.Column<long>(type: "bigint", nullable: false),
                    AssetId = table.Column<long>(type: "bigint", nullable: false),
                    SiteId = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LossesFen = table.Column<long>(type: "bigint", nullable: false),
                    LossAssessment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DocumentIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Preventable = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RoundId = table.Column<long>(type: "bigint", nullable: true),
                    FindingId = table.Column<long>(type: "bigint", nullable: true),
                    OpenFindingIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Accidents_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Accidents_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Accidents_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Accidents_InspectionFindings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "InspectionFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Accidents_InspectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "InspectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Accidents_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyEntries_AccidentId_Kind",
                table: "PenaltyEntries",
                columns: new[] { "AccidentId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Accidents_AssetId_OccurredAtUtc",
                table: "Accidents",
                columns: new[] { "AssetId", "OccurredAtUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Accidents_ContractId_OccurredAtUtc",
                table: "Accidents",
                columns: new[] { "ContractId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Accidents_CustomerId_OccurredAtUtc",
                table: "Accidents",
                columns: new[] { "CustomerId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Accidents_FindingId",
                table: "Accidents",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_Accidents_RoundId",
                table: "Accidents",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Accidents_SiteId",
                table: "Accidents",
                column: "SiteId");

            migrationBuilder.AddForeignKey(
                name: "FK_PenaltyEntries_Accidents_AccidentId",
                table: "PenaltyEntries",
                column: "AccidentId",
                principalTable: "Accidents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PenaltyEntries_Accidents_AccidentId",
                table: "PenaltyEntries");

            migrationBuilder.DropTable(
                name: "Accidents");

            migrationBuilder.DropIndex(
                name: "IX_PenaltyEntries_AccidentId_Kind",
                table: "PenaltyEntries");

            migrationBuilder.DropColumn(
                name: "AccidentId",
                table: "PenaltyEntries");
        }
    }
}
