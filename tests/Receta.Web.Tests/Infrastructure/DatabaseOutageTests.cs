using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Infrastructure;
using Receta.Web.Tests.Pages;

namespace Receta.Web.Tests.Infrastructure;

/// <summary>
/// While the database does not answer, every call answers 503 with <c>Retry-After</c>, never 500:
/// problem details on the API, the error page in the person's language on a page, wherever the
/// failure surfaced (here: looking up the caller's token or session, and a sign-in's own queries).
/// When the database is back, the same call answers again, and a signed-in person is still signed in.
/// Each provider runs an app of its own on a database it can take away (<see cref="OutageDatabase"/>).
/// </summary>
public abstract class DatabaseOutageTests(OutageDatabase database)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private RecetaApp App => database.App;

    [Fact]
    public async Task GetMe_WithATokenWhileTheDatabaseIsDown_Answers503ProblemWithRetryAfterThen200WhenItIsBack()
    {
        var user = await App.CreateUserAsync();

        await database.StopAnsweringAsync();
        try
        {
            using var response = await user.Api.GetAsync("/api/v1/me", Cancellation);

            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            AssertRetryAfter(response);
            Assert.Equal("The database is not answering; try again shortly.", problem.GetProperty("title").GetString());
        }
        finally
        {
            await database.AnswerAgainAsync();
        }

        using var after = await user.Api.GetAsync("/api/v1/me", Cancellation);
        await after.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(user.Email, (await after.ReadJsonAsync()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task Healthz_WhileTheDatabaseIsDown_Returns503ThenOkWhenItIsBack()
    {
        using var client = database.App.CreateApiClient();

        await database.StopAnsweringAsync();
        try
        {
            using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

            await response.AssertStatusAsync(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await database.AnswerAgainAsync();
        }
        using var recovered = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        await recovered.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateToken_WhileTheDatabaseIsDown_Answers503Problem()
    {
        var user = await App.CreateUserAsync();
        using var client = App.CreateApiClient();

        await database.StopAnsweringAsync();
        try
        {
            using var response = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "laptop" });

            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            AssertRetryAfter(response);
        }
        finally
        {
            await database.AnswerAgainAsync();
        }
    }

    [Theory]
    [InlineData("en", "Receta is not available right now", "Receta cannot reach its database right now.")]
    [InlineData("es", "Receta no está disponible en este momento", "Receta no puede comunicarse con su base de datos en este momento.")]
    public async Task GetDashboard_SignedInWhileTheDatabaseIsDown_ShowsTheLocalized503PageAndStaysSignedIn(
        string language, string heading, string text)
    {
        var user = await App.CreateUserAsync();
        using var browser = new PageBrowser(App, language);
        await browser.SignInAsync(user);

        await database.StopAnsweringAsync();
        try
        {
            using var response = await browser.GetMessageAsync("/");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancellation));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            AssertRetryAfter(response);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
            Assert.Contains(text, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Set-Cookie", response.Headers.Select(h => h.Key), StringComparer.OrdinalIgnoreCase);
        }
        finally
        {
            await database.AnswerAgainAsync();
        }

        var (status, _) = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task PostSignInForm_WhileTheDatabaseIsDown_ShowsThe503Page()
    {
        var user = await App.CreateUserAsync();
        using var browser = new PageBrowser(App, "en");
        var (_, form) = await browser.GetAsync("/signin");

        await database.StopAnsweringAsync();
        try
        {
            var (status, html, _) = await browser.SubmitAsync("/signin", form, "signin",
                ("Form.Email", user.Email), ("Form.Password", user.Password));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("<h1>Receta is not available right now</h1>", html, StringComparison.Ordinal);
        }
        finally
        {
            await database.AnswerAgainAsync();
        }
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is >= 1 and <= 60, $"Retry-After is a few seconds, not '{response.Headers.RetryAfter}'.");
    }
}

/// <summary>An app of its own on a database that a test can make stop answering, and answer again.</summary>
public abstract class OutageDatabase : IAsyncLifetime
{
    private RecetaApp? _app;

    public RecetaApp App => _app ?? throw new InvalidOperationException("The fixture is not initialized.");

    public abstract Task StopAnsweringAsync();

    public abstract Task AnswerAgainAsync();

    protected abstract Task<RecetaApp> StartAppAsync();

    public async ValueTask InitializeAsync() => _app = await StartAppAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// SQLite that does not answer: another connection holds the database in exclusive locking mode
/// (as a backup tool or a stuck process would), and the app waits for its lock only one second.
/// </summary>
public sealed class LockedSqliteDatabase : OutageDatabase
{
    private SqliteConnection? _holder;

    protected override async Task<RecetaApp> StartAppAsync()
    {
        var app = new RecetaApp(DatabaseProvider.Sqlite) { SqliteLockTimeout = TimeSpan.FromSeconds(1) };
        await app.InitializeAsync();
        return app;
    }

    public override async Task StopAnsweringAsync()
    {
        // In WAL mode a connection gets the exclusive lock only while no other has the file open:
        // close the app's idle pooled connections and those its hot reads keep open first (it opens
        // new ones on its next request).
        App.Services.GetRequiredService<ReadContexts>().Clear();
        using (var pooled = new SqliteConnection(App.ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }
        // Not pooled: the lock must end with this connection.
        var connectionString = new SqliteConnectionStringBuilder(App.ConnectionString) { Pooling = false }.ConnectionString;
        _holder = new SqliteConnection(connectionString);
        await _holder.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = _holder.CreateCommand();
        // In WAL mode an exclusive transaction alone still lets readers in; in exclusive locking
        // mode a write keeps every other connection out until this one closes.
        command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\";";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public override async Task AnswerAgainAsync()
    {
        if (_holder is not null)
        {
            await _holder.DisposeAsync();
            _holder = null;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await AnswerAgainAsync();
        await base.DisposeAsync();
    }
}

/// <summary>PostgreSQL that does not answer: the app's own server, stopped as an administrator would, then started again.</summary>
public sealed class StoppedPostgresDatabase : OutageDatabase
{
    private PostgresServer? _server;

    protected override async Task<RecetaApp> StartAppAsync()
    {
        _server = await PostgresServer.StartAsync();
        var app = new RecetaApp(DatabaseProvider.Postgres, server: _server);
        await app.InitializeAsync();
        return app;
    }

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public override Task StopAnsweringAsync() => Server.StopAsync();

    public override Task AnswerAgainAsync() => Server.StartAgainAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

public sealed class DatabaseOutageTests_Sqlite(LockedSqliteDatabase database)
    : DatabaseOutageTests(database), IClassFixture<LockedSqliteDatabase>;

public sealed class DatabaseOutageTests_Postgres(StoppedPostgresDatabase database)
    : DatabaseOutageTests(database), IClassFixture<StoppedPostgresDatabase>;

/// <summary>What counts as the database not answering, and what stays a bug (500).</summary>
public sealed class DatabaseOutageClassificationTests
{
    private static readonly Dictionary<string, Exception> Outages = new()
    {
        ["refused connection"] = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)),
        ["read timeout"] = new NpgsqlException("Exception while reading from stream", new TimeoutException()),
        ["admin shutdown, wrapped by EF"] = new DbUpdateException("save failed", Postgres("57P01")),
        ["shutting down, wrapped by the execution strategy"] = new InvalidOperationException("transient", Postgres("57P03")),
        ["database does not exist"] = Postgres("3D000"),
        ["connection failure"] = Postgres("08006"),
        ["retries exhausted"] = new Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException("retries", new NpgsqlException("gone", new IOException())),
        ["SQLite busy"] = new SqliteException("database is locked", SQLitePCL.raw.SQLITE_BUSY),
        // SQLITE_BUSY_SNAPSHOT: an extended code, BUSY in its low byte.
        ["SQLite busy snapshot"] = new SqliteException("database is locked", SQLitePCL.raw.SQLITE_BUSY | (2 << 8)),
        ["SQLite locked, wrapped by EF"] = new DbUpdateException("save failed", new SqliteException("locked", SQLitePCL.raw.SQLITE_LOCKED)),
        ["SQLite cannot open"] = new SqliteException("unable to open database file", SQLitePCL.raw.SQLITE_CANTOPEN),
        ["SQLite I/O error"] = new SqliteException("disk I/O error", SQLitePCL.raw.SQLITE_IOERR),
    };

    private static readonly Dictionary<string, Exception> Bugs = new()
    {
        ["undefined table"] = Postgres("42P01"),
        ["serialization failure (transient to Npgsql, a race to us)"] = new DbUpdateException("save failed", Postgres("40001")),
        ["deadlock"] = Postgres("40P01"),
        ["unique violation"] = new DbUpdateException("save failed", Postgres("23505")),
        ["bad connection string"] = new NpgsqlException("No password has been provided"),
        ["SQLite no such table"] = new SqliteException("no such table: Goals", SQLitePCL.raw.SQLITE_ERROR),
        ["SQLite constraint"] = new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed", SQLitePCL.raw.SQLITE_CONSTRAINT)),
        ["plain InvalidOperationException"] = new InvalidOperationException("Sequence contains no elements"),
        ["socket that is not the database's"] = new InvalidOperationException("SMTP", new SocketException((int)SocketError.ConnectionRefused)),
        ["timeout that is not the database's"] = new TimeoutException(),
        ["argument out of range"] = new ArgumentOutOfRangeException("failure"),
    };

    public static TheoryData<string> OutageNames => [.. Outages.Keys];

    public static TheoryData<string> BugNames => [.. Bugs.Keys];

    [Theory]
    [MemberData(nameof(OutageNames))]
    public void IsOutage_TheDatabaseCannotBeReached_IsTrue(string what) =>
        Assert.True(DatabaseOutage.IsOutage(Outages[what]), what);

    [Theory]
    [MemberData(nameof(BugNames))]
    public void IsOutage_AProgrammingErrorOrARace_IsFalse(string what) =>
        Assert.False(DatabaseOutage.IsOutage(Bugs[what]), what);

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);
}
