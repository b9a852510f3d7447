using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeReset.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunnerFollows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "EmailOnEscalation",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RunnerFollows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Clinician = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FollowedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    EmailedEscalations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunnerFollows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RunnerFollows_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RunnerFollows_AssessmentId",
                table: "RunnerFollows",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RunnerFollows_Clinician_LinkFingerprint",
                table: "RunnerFollows",
                columns: new[] { "Clinician", "LinkFingerprint" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RunnerFollows");

            migrationBuilder.DropColumn(
                name: "EmailOnEscalation",
                table: "AspNetUsers");
        }
    }
}
