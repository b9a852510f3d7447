using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeReset.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReturnToRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RunLogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    LoggedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    PainDuring = table.Column<int>(type: "INTEGER", nullable: false),
                    PainNextMorning = table.Column<int>(type: "INTEGER", nullable: true),
                    PainUsual = table.Column<int>(type: "INTEGER", nullable: true),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Swelling = table.Column<bool>(type: "INTEGER", nullable: true),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RunLogs_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfTestResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Test = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Pain = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfTestResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfTestResults_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RunLogs_AssessmentId_ClientKey",
                table: "RunLogs",
                columns: new[] { "AssessmentId", "ClientKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RunLogs_AssessmentId_DoneOn",
                table: "RunLogs",
                columns: new[] { "AssessmentId", "DoneOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SelfTestResults_AssessmentId_Test",
                table: "SelfTestResults",
                columns: new[] { "AssessmentId", "Test" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RunLogs");

            migrationBuilder.DropTable(
                name: "SelfTestResults");
        }
    }
}
