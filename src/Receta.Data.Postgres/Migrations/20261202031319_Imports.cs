using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Receta.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "WorkSessions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Skills",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Milestones",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Habits",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Goals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SeedId",
                table: "Goals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "GoalBreaks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Attempts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Imports",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DryRun = table.Column<bool>(type: "boolean", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    Done = table.Column<long>(type: "bigint", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    Duplicates = table.Column<long>(type: "bigint", nullable: false),
                    Ignored = table.Column<long>(type: "bigint", nullable: false),
                    Warnings = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Created = table.Column<string>(type: "jsonb", nullable: false),
                    Errors = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Imports", x => new { x.OwnerId, x.Id });
                    table.ForeignKey(
                        name: "FK_Imports_Users_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkSessions_OwnerId_GoalId_ImportKey",
                table: "WorkSessions",
                columns: new[] { "OwnerId", "GoalId", "ImportKey" },
                unique: true,
                filter: "\"ImportKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Skills_OwnerId_GoalId_ImportKey",
                table: "Skills",
                columns: new[] { "OwnerId", "GoalId", "ImportKey" },
                unique: true,
                filter: "\"ImportKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_OwnerId_GoalId_ImportKey",
                table: "Milestones",
                columns: new[] { "OwnerId", "GoalId", "ImportKey" },
                unique: true,
                filter: "\"ImportKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Habits_OwnerId_GoalId_ImportKey",
                table: "Habits",
                columns: new[] { "OwnerId", "GoalId", "ImportKey" },
                unique: true,
                filter: "\"ImportKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_OwnerId_ImportKey",
                table: "Goals",
                columns: new[] { "OwnerId", "ImportKey" },
                unique: true,
                filter: "\"ImportKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GoalBreaks_OwnerId_GoalId_ImportKey",
                table: "GoalBreaks",
                columns: new[] { "OwnerId", "GoalId", "ImportKey" },
                unique: true,
                filter: "\"ImportKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_OwnerId_GoalId_ImportKey",
                table: "Entries",
                columns: new[] { "OwnerId", "GoalId", "ImportKey" },
                unique: true,
                filter: "\"ImportKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_OwnerId_GoalId_ImportKey",
                table: "Attempts",
                columns: new[] { "OwnerId", "GoalId", "ImportKey" },
                unique: true,
                filter: "\"ImportKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Imports_OwnerId_CreatedAt",
                table: "Imports",
                columns: new[] { "OwnerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Imports");

            migrationBuilder.DropIndex(
                name: "IX_WorkSessions_OwnerId_GoalId_ImportKey",
                table: "WorkSessions");

            migrationBuilder.DropIndex(
                name: "IX_Skills_OwnerId_GoalId_ImportKey",
                table: "Skills");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_OwnerId_GoalId_ImportKey",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Habits_OwnerId_GoalId_ImportKey",
                table: "Habits");

            migrationBuilder.DropIndex(
                name: "IX_Goals_OwnerId_ImportKey",
                table: "Goals");

            migrationBuilder.DropIndex(
                name: "IX_GoalBreaks_OwnerId_GoalId_ImportKey",
                table: "GoalBreaks");

            migrationBuilder.DropIndex(
                name: "IX_Entries_OwnerId_GoalId_ImportKey",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Attempts_OwnerId_GoalId_ImportKey",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "WorkSessions");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Skills");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Habits");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Goals");

            migrationBuilder.DropColumn(
                name: "SeedId",
                table: "Goals");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "GoalBreaks");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Attempts");
        }
    }
}
