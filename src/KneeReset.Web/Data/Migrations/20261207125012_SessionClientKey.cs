using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeReset.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionClientKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoutineSessions_AssessmentId",
                table: "RoutineSessions");

            migrationBuilder.AddColumn<string>(
                name: "ClientKey",
                table: "RoutineSessions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoutineSessions_AssessmentId_ClientKey",
                table: "RoutineSessions",
                columns: new[] { "AssessmentId", "ClientKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoutineSessions_AssessmentId_ClientKey",
                table: "RoutineSessions");

            migrationBuilder.DropColumn(
                name: "ClientKey",
                table: "RoutineSessions");

            migrationBuilder.CreateIndex(
                name: "IX_RoutineSessions_AssessmentId",
                table: "RoutineSessions",
                column: "AssessmentId");
        }
    }
}
