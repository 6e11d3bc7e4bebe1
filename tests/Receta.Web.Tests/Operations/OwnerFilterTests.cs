using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Data.Sharding;
using Receta.Testing;

namespace Receta.Web.Tests.Operations;

/// <summary>
/// The check that keeps every statement ready to shard by owner (docs/adr/0014). Every test app runs
/// with it on (<c>Database:RequireOwnerFilter</c>), so the whole suite's SQL passes through it: these
/// facts show what it refuses and what it lets through, on SQL as EF Core writes it.
/// </summary>
public sealed class OwnerFilterTests
{
    private static readonly OwnerFilter Filter = new(new Dictionary<string, string>
    {
        ["Goals"] = "OwnerId",
        ["Entries"] = "OwnerId",
        ["AccessTokens"] = "UserId",
    });

    [Fact]
    public void AGoalReadByItsIdAlone_IsNotRouted() =>
        Assert.Equal(["Goals"], Filter.Unrouted("""SELECT "g"."Title" FROM "Goals" AS "g" WHERE "g"."Id" = @id LIMIT 1"""));

    [Fact]
    public void AGoalReadByOwnerAndId_IsRouted_WithItsAliasQuotedOrNot()
    {
        Assert.Empty(Filter.Unrouted("""SELECT "g"."Title" FROM "Goals" AS "g" WHERE "g"."OwnerId" = @owner AND "g"."Id" = @id"""));
        Assert.Empty(Filter.Unrouted("""SELECT g."Title" FROM "Goals" AS g WHERE g."OwnerId" = @owner AND g."Id" = @id"""));
        Assert.Equal(["Goals"], Filter.Unrouted("""SELECT g."Title" FROM "Goals" AS g WHERE g0."OwnerId" = @owner AND g."Id" = @id"""));
    }

    [Fact]
    public void ATableJoinedOnTheOwnerColumnOfARoutedOne_IsRouted() =>
        Assert.Empty(Filter.Unrouted("""
            SELECT "e"."Value" FROM "Entries" AS "e"
            INNER JOIN "Goals" AS "g" ON "e"."OwnerId" = "g"."OwnerId" AND "e"."GoalId" = "g"."Id"
            WHERE "g"."OwnerId" = @owner
            """));

    [Fact]
    public void ATableJoinedOnAnotherColumnOnly_IsNotRouted() =>
        Assert.Equal(["Entries"], Filter.Unrouted("""
            SELECT "e"."Value" FROM "Goals" AS "g"
            INNER JOIN "Entries" AS "e" ON "e"."GoalId" = "g"."Id"
            WHERE "g"."OwnerId" = @owner
            """));

    [Fact]
    public void ASubqueryWithoutTheOwner_IsNotRouted_ThoughTheOuterQueryIs() =>
        Assert.Equal(["Entries"], Filter.Unrouted("""
            SELECT "g"."Title", (SELECT COUNT(*) FROM "Entries" AS "e" WHERE "e"."GoalId" = "g"."Id") FROM "Goals" AS "g"
            WHERE "g"."OwnerId" = @owner
            """));

    [Fact]
    public void AListOfOwners_AndPostgresArrays_Route() =>
        Assert.Empty(Filter.Unrouted("""
            SELECT 1 FROM "Goals" AS "g" WHERE "g"."OwnerId" IN (@o1, @o2);
            SELECT 1 FROM "Entries" AS "e" WHERE "e"."OwnerId" = ANY (@owners)
            """));

    [Fact]
    public void EfCoreOwnUpdatesAndDeletes_ByKey_AreRouted() =>
        Assert.Empty(Filter.Unrouted("""
            UPDATE "Goals" SET "Title" = @p0 WHERE "OwnerId" = @p1 AND "Id" = @p2 RETURNING 1;
            DELETE FROM "Entries" WHERE "OwnerId" = @p3 AND "Id" = @p4 RETURNING 1;
            """));

    [Fact]
    public void AnInsert_IsRoutedByTheOwnerColumnItWrites()
    {
        Assert.Empty(Filter.Unrouted("""INSERT INTO "Entries" ("OwnerId", "Id", "Value") VALUES (@p0, @p1, @p2)"""));
        Assert.Equal(["Entries"], Filter.Unrouted("""INSERT INTO "Entries" ("Id", "Value") VALUES (@p0, @p1)"""));
    }

    [Fact]
    public void ADeleteByAnotherColumn_IsNotRouted() =>
        Assert.Equal(["AccessTokens"], Filter.Unrouted("""DELETE FROM "AccessTokens" AS "a" WHERE "a"."ExpiresAt" < @now"""));

    [Fact]
    public void ASweepTaggedAsCrossOwner_Passes_AndAnUntaggedOneDoesNot()
    {
        const string Sweep = """SELECT "a"."UserId" FROM "AccessTokens" AS "a" WHERE "a"."ExpiresAt" < @now""";
        Assert.Empty(Filter.Unrouted($"-- {OwnerFilter.CrossOwnerTag} expired tokens of every account\n\n{Sweep}"));
        Assert.Equal(["AccessTokens"], Filter.Unrouted($"-- the expired tokens\n\n{Sweep}"));
    }

    [Fact]
    public void TablesWithoutAnOwner_AreNotChecked() =>
        Assert.Empty(Filter.Unrouted("""SELECT "o"."To" FROM "OutgoingEmails" AS "o" WHERE "o"."SentAt" IS NULL"""));

}

/// <summary>The check as the test apps run it, on the app's own model.</summary>
public abstract class OwnerFilterAppTests(RecetaApp app)
{
    [Fact]
    public void TheModelsOwnerTables_AreEveryTableWithAnOwnerOrUserColumn()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        var filter = OwnerFilter.For(db.Model);

        Assert.Equal(["Goals"], filter.Unrouted("""SELECT 1 FROM "Goals" AS "g" WHERE "g"."Id" = @id"""));
        Assert.Equal(["AccessTokens"], filter.Unrouted("""SELECT 1 FROM "AccessTokens" AS "a" WHERE "a"."SecretHash" = @hash"""));
        Assert.Empty(filter.Unrouted("""SELECT 1 FROM "OutgoingEmails" AS "o" WHERE "o"."Id" = @id"""));
    }

    [Fact]
    public async Task TheAppRefusesAnUnroutedStatement_BeforeItReachesTheDatabase()
    {
        var user = await app.CreateUserAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();

        var refused = await Assert.ThrowsAsync<OwnerFilterException>(() =>
            db.AccessTokens.Where(t => t.Name != "").CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["AccessTokens"], refused.Tables);
        Assert.Equal(1, await db.AccessTokens.Where(t => t.UserId == Guid.Parse(user.Id)).CountAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class OwnerFilterAppTests_Sqlite(SqliteApp app) : OwnerFilterAppTests(app);

public sealed class OwnerFilterAppTests_Postgres(PostgresApp app) : OwnerFilterAppTests(app);
