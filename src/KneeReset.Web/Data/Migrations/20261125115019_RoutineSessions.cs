using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeReset.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoutineSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RoutineSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RoutineId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PainDuring = table.Column<int>(type: "INTEGER", nullable: false),
                    PainNextMorning = table.Column<int>(type: "INTEGER", nullable: true),
                    Feeling = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutineSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoutineSessions_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoutineSessions_Routines_RoutineId",
                        column: x => x.RoutineId,
                        principalTable: "Routines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoutineSessions_AssessmentId",
                table: "RoutineSessions",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutineSessions_RoutineId",
                table: "RoutineSessions",
                column: "RoutineId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutineSessions_Token",
                table: "RoutineSessions",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoutineSessions");
        }
    }
}
