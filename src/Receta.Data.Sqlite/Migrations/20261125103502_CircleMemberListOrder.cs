using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Receta.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CircleMemberListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CircleMembers_UserId",
                table: "CircleMembers");

            migrationBuilder.AddColumn<long>(
                name: "ListSequence",
                table: "CircleMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CircleMembers_UserId_ListSequence",
                table: "CircleMembers",
                columns: new[] { "UserId", "ListSequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CircleMembers_UserId_ListSequence",
                table: "CircleMembers");

            migrationBuilder.DropColumn(
                name: "ListSequence",
                table: "CircleMembers");

            migrationBuilder.CreateIndex(
                name: "IX_CircleMembers_UserId",
                table: "CircleMembers",
                column: "UserId");
        }
    }
}
