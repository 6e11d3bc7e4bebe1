using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Receta.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BreaksSkipsLessons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FromAttemptId",
                table: "Skills",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FromAttemptId",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GoalBreaks",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalBreaks", x => new { x.OwnerId, x.Id });
                    table.ForeignKey(
                        name: "FK_GoalBreaks_Goals_OwnerId_GoalId",
                        columns: x => new { x.OwnerId, x.GoalId },
                        principalTable: "Goals",
                        principalColumns: new[] { "OwnerId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HabitSkips",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HabitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HabitSkips", x => new { x.OwnerId, x.HabitId, x.Date });
                    table.ForeignKey(
                        name: "FK_HabitSkips_Habits_OwnerId_HabitId",
                        columns: x => new { x.OwnerId, x.HabitId },
                        principalTable: "Habits",
                        principalColumns: new[] { "OwnerId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoalBreaks_OwnerId_GoalId_From",
                table: "GoalBreaks",
                columns: new[] { "OwnerId", "GoalId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_HabitSkips_OwnerId_GoalId_Date",
                table: "HabitSkips",
                columns: new[] { "OwnerId", "GoalId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoalBreaks");

            migrationBuilder.DropTable(
                name: "HabitSkips");

            migrationBuilder.DropColumn(
                name: "FromAttemptId",
                table: "Skills");

            migrationBuilder.DropColumn(
                name: "FromAttemptId",
                table: "Milestones");
        }
    }
}
