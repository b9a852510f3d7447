using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeReset.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SelfTestKeyCalendarLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientKey",
                table: "SelfTestResults",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CalendarShowsLink",
                table: "Assessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_SelfTestResults_AssessmentId_ClientKey",
                table: "SelfTestResults",
                columns: new[] { "AssessmentId", "ClientKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SelfTestResults_AssessmentId_ClientKey",
                table: "SelfTestResults");

            migrationBuilder.DropColumn(
                name: "ClientKey",
                table: "SelfTestResults");

            migrationBuilder.DropColumn(
                name: "CalendarShowsLink",
                table: "Assessments");
        }
    }
}
