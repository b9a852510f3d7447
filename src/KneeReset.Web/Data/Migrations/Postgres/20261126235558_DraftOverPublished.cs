using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeReset.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DraftOverPublished : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DraftJson",
                table: "Routines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftImage",
                table: "Exercises",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftJson",
                table: "Exercises",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DraftJson",
                table: "Routines");

            migrationBuilder.DropColumn(
                name: "DraftImage",
                table: "Exercises");

            migrationBuilder.DropColumn(
                name: "DraftJson",
                table: "Exercises");
        }
    }
}
