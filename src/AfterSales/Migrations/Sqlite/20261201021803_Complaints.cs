using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WorkOrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    StaffMember = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Wish = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BackdateReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsMajor = table.Column<bool>(type: "INTEGER", nullable: false),
                    CallId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Thanked = table.Column<bool>(type: "INTEGER", nullable: false),
                    HeardOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    Apologised = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscalatedTo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EscalationReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EscalatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReplyChannel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RepliedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExplanationText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ExplainedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CommittedResolutionUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Remedy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RemedyDetail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RemedyAmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RemedyWorkOrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    FairnessJustification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CustomerAccepted = table.Column<bool>(type: "INTEGER", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResponsibleStaff = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResponsibleDepartment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Improvement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Penalty = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PenaltyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_WorkOrders_RemedyWorkOrderId",
                        column: x => x.RemedyWorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Breached = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintAlerts_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintClocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WindowSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueSoonUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MetAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BreachedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueSoonAlertedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Provisional = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintClocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintClocks_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintEvents_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintAlerts_ComplaintId_Kind_Breached",
                table: "ComplaintAlerts",
                columns: new[] { "ComplaintId", "Kind", "Breached" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintAlerts_CreatedAtUtc",
                table: "ComplaintAlerts",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintClocks_ComplaintId_Kind",
                table: "ComplaintClocks",
                columns: new[] { "ComplaintId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintClocks_OpenDue",
                table: "ComplaintClocks",
                columns: new[] { "MetAtUtc", "BreachedAtUtc", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintClocks_OpenDueSoon",
                table: "ComplaintClocks",
                columns: new[] { "MetAtUtc", "DueSoonAlertedAtUtc", "DueSoonUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEvents_ComplaintId_OccurredAtUtc",
                table: "ComplaintEvents",
                columns: new[] { "ComplaintId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ClosedAtUtc",
                table: "Complaints",
                column: "ClosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CustomerId_ReceivedAtUtc",
                table: "Complaints",
                columns: new[] { "CustomerId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_IdempotencyKey",
                table: "Complaints",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Number",
                table: "Complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RemedyWorkOrderId",
                table: "Complaints",
                column: "RemedyWorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ResponsibleStaff",
                table: "Complaints",
                column: "ResponsibleStaff");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Status_Id",
                table: "Complaints",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_WorkOrderId",
                table: "Complaints",
                column: "WorkOrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintAlerts");

            migrationBuilder.DropTable(
                name: "ComplaintClocks");

            migrationBuilder.DropTable(
                name: "ComplaintEvents");

            migrationBuilder.DropTable(
                name: "Complaints");
        }
    }
}
