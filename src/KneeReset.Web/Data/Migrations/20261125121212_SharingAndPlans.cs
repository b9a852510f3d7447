using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeReset.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharingAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ManageToken",
                table: "Assessments",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Nickname",
                table: "Assessments",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PasscodeHash",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanSeenJson",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeriesKey",
                table: "Assessments",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ShareExpiresAt",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ShareRevoked",
                table: "Assessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PreviousAssessmentId",
                table: "AssessmentDrafts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClinicianPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Clinician = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Avoid = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ItemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClinicianPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClinicianPlans_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Assessments stored before this migration get their own keys (no runner ever had a manage link for them).
            migrationBuilder.Sql("UPDATE Assessments SET ManageToken = lower(hex(randomblob(18))), SeriesKey = lower(hex(randomblob(18))) WHERE ManageToken = '';");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ManageToken",
                table: "Assessments",
                column: "ManageToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SeriesKey",
                table: "Assessments",
                column: "SeriesKey");

            migrationBuilder.CreateIndex(
                name: "IX_ClinicianPlans_AssessmentId",
                table: "ClinicianPlans",
                column: "AssessmentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClinicianPlans");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_ManageToken",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_SeriesKey",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ManageToken",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "Nickname",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "PasscodeHash",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "PlanSeenJson",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "SeriesKey",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ShareExpiresAt",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ShareRevoked",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "PreviousAssessmentId",
                table: "AssessmentDrafts");
        }
    }
}
