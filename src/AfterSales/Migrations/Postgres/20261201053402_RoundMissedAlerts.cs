using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoundMissedAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "WorkOrderId",
                table: "Alerts",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Alerts",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);

            migrationBuilder.AddColumn<long>(
                name: "InspectionRoundId",
                table: "Alerts",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_InspectionRoundId_Type_RecipientKey",
                table: "Alerts",
                columns: new[] { "InspectionRoundId", "Type", "RecipientKey" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Alerts_InspectionRounds_InspectionRoundId",
                table: "Alerts",
                column: "InspectionRoundId",
                principalTable: "InspectionRounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Alerts_InspectionRounds_InspectionRoundId",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_InspectionRoundId_Type_RecipientKey",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "InspectionRoundId",
                table: "Alerts");

            migrationBuilder.AlterColumn<long>(
                name: "WorkOrderId",
                table: "Alerts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Alerts",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldNullable: true);
        }
    }
}
