using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Security;

/// <summary>api.md "Throttling": per account (5 failures in 15 minutes) and per address (100 a minute).</summary>
public abstract class LockoutTests(RecetaApp app)
{
    [Fact]
    public async Task CreateToken_AfterFiveFailures_Returns429WithRetryAfterEvenForRightPasswordUntilWindowPasses()
    {
        await using var own = await OwnApp.StartAsync(app);
        var user = await own.CreateUserAsync();
        using var client = own.CreateApiClient();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = OwnApp.StrongPassword(), name = "guess" });
            await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
        using var locked = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "me" });
        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);

        using var browser = new Browser(own);
        using var lockedSession = await browser.PostAsync("/api/v1/auth/session", new { email = user.Email, password = user.Password });
        await lockedSession.AssertProblemAsync(HttpStatusCode.TooManyRequests);

        own.Clock.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "me" });
        await stillLocked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(1), stillLocked.Headers.RetryAfter?.Delta);

        own.Clock.Advance(TimeSpan.FromMinutes(1));
        using var open = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "me" });
        await open.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateToken_FailuresSpreadOverMoreThanTheWindow_DoNotLock()
    {
        await using var own = await OwnApp.StartAsync(app);
        var user = await own.CreateUserAsync();
        using var client = own.CreateApiClient();

        for (var i = 0; i < 8; i++)
        {
            using var wrong = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = OwnApp.StrongPassword(), name = "guess" });
            await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
            own.Clock.Advance(TimeSpan.FromMinutes(4));
        }
        using var right = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "me" });

        await right.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateToken_LockedOut_AnswersAlikeWhetherOrNotTheAccountExists()
    {
        await using var own = await OwnApp.StartAsync(app);
        var user = await own.CreateUserAsync();
        using var client = own.CreateApiClient();
        var unknown = OwnApp.UniqueEmail();

        foreach (var email in new[] { user.Email, unknown })
        {
            for (var i = 0; i < 5; i++)
            {
                using var wrong = await client.PostJsonAsync("/api/v1/auth/tokens", new { email, password = OwnApp.StrongPassword(), name = "guess" });
                await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
            }
        }
        using var known = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = OwnApp.StrongPassword(), name = "guess" });
        using var nobody = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = unknown, password = OwnApp.StrongPassword(), name = "guess" });

        var knownProblem = await known.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var nobodyProblem = await nobody.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(WithoutTraceId(knownProblem), WithoutTraceId(nobodyProblem));
        Assert.Equal(known.Headers.RetryAfter?.Delta, nobody.Headers.RetryAfter?.Delta);

        own.Clock.Advance(TimeSpan.FromMinutes(15));
        using var later = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = unknown, password = OwnApp.StrongPassword(), name = "guess" });
        await later.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignInRequests_MoreThan100FromOneAddressInAMinute_Return429WithRetryAfter()
    {
        using var client = app.CreateApiClient();
        for (var i = 0; i < 100; i++)
        {
            // Refused as invalid before any password is checked, but counted all the same.
            using var invalid = await client.PostJsonAsync("/api/v1/auth/tokens", new { });
            await invalid.AssertStatusAsync(HttpStatusCode.BadRequest);
        }

        using var tokens = await client.PostJsonAsync("/api/v1/auth/tokens", new { });
        using var session = await client.PostJsonAsync("/api/v1/auth/session", new { });
        using var otherClient = app.CreateApiClient();
        using var otherAddress = await otherClient.PostJsonAsync("/api/v1/auth/tokens", new { });

        await tokens.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(tokens.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 must say when to retry.");
        await session.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await otherAddress.AssertStatusAsync(HttpStatusCode.BadRequest);
    }

    private static string WithoutTraceId(JsonElement problem) =>
        string.Join('\n', problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
}

public sealed class LockoutTests_Sqlite(SqliteApp app) : LockoutTests(app);

public sealed class LockoutTests_Postgres(PostgresApp app) : LockoutTests(app);
