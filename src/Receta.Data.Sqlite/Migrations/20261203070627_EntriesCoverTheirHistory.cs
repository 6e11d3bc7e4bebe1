using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Receta.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EntriesCoverTheirHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_OwnerId_GoalId_Date_Sequence",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_OwnerId_GoalId_Date_Sequence_Value",
                table: "Entries",
                columns: new[] { "OwnerId", "GoalId", "Date", "Sequence", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_OwnerId_GoalId_Date_Sequence_Value",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_OwnerId_GoalId_Date_Sequence",
                table: "Entries",
                columns: new[] { "OwnerId", "GoalId", "Date", "Sequence" });
        }
    }
}
