using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeReset.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionDoneOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DoneOn",
                table: "RoutineSessions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DoneOn",
                table: "RoutineSessions");
        }
    }
}
