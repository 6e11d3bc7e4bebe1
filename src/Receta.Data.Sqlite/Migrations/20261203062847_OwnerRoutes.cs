using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Receta.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OwnerRoutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdRoutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdRoutes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecretRoutes",
                columns: table => new
                {
                    SecretHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretRoutes", x => x.SecretHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdRoutes_OwnerId",
                table: "IdRoutes",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_SecretRoutes_UserId",
                table: "SecretRoutes",
                column: "UserId");

            // Every item made before routes existed gets its route (docs/adr/0014).
            migrationBuilder.Sql("""INSERT INTO "IdRoutes" ("Id", "OwnerId") SELECT "Id", "OwnerId" FROM "Goals";""");
            migrationBuilder.Sql("""INSERT INTO "IdRoutes" ("Id", "OwnerId") SELECT "Id", "OwnerId" FROM "CircleMembers";""");
            migrationBuilder.Sql("""INSERT INTO "SecretRoutes" ("SecretHash", "UserId") SELECT "SecretHash", "UserId" FROM "AccessTokens";""");
            migrationBuilder.Sql("""INSERT INTO "SecretRoutes" ("SecretHash", "UserId") SELECT "SecretHash", "UserId" FROM "CalendarFeeds";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdRoutes");

            migrationBuilder.DropTable(
                name: "SecretRoutes");
        }
    }
}
