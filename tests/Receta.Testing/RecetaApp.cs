using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Receta.Data;

namespace Receta.Testing;

/// <summary>
/// The real Receta host on a real, empty database of one provider: SQLite in a temporary folder, or a
/// fresh PostgreSQL database (on <paramref name="server"/>, or on a server of its own when none is
/// given). No demo data, environment <c>Testing</c>, and a <see cref="FakeTimeProvider"/> as the
/// app's clock. Start it with <see cref="InitializeAsync"/> (xunit does for fixtures).
/// </summary>
/// <remarks>
/// Tests sharing one app isolate themselves by creating their own users (<see cref="CreateUserAsync"/>).
/// The clock is shared too: a test that moves it should own its app.
/// </remarks>
/// <param name="provider">The database the app runs on.</param>
/// <param name="useKestrel">Serve on real Kestrel at <see cref="ServerAddress"/> (for browsers) instead of the in-memory test server.</param>
/// <param name="server">For PostgreSQL: the server to create the database on.</param>
public class RecetaApp(DatabaseProvider provider, bool useKestrel = false, PostgresServer? server = null)
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Where <see cref="Clock"/> starts: 2025-03-01T12:00:00Z, a Saturday.</summary>
    public static readonly DateTimeOffset StartInstant = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The PBKDF2 work factor of passwords hashed in tests, far below production's.</summary>
    public const int TestPasswordIterations = 1_000;

    private const string SqliteFolderPrefix = "receta-sqlite-";

    private PostgresServer? _ownedServer;
    private string? _sqliteFolder;
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), $"receta-mail-{Guid.NewGuid():N}");
    private string? _connectionString;
    private int _clientCount;
    private int _disposed;

    public DatabaseProvider Provider { get; } = provider;

    /// <summary>The app's <see cref="TimeProvider"/>; "today" for every user is read from it.</summary>
    public FakeTimeProvider Clock { get; } = new(StartInstant);

    /// <summary>The base address of the app: a real http://127.0.0.1:port with Kestrel, else http://localhost.</summary>
    public Uri ServerAddress { get; private set; } = new("http://localhost");

    public string ConnectionString => _connectionString ?? throw NotStarted();

    /// <summary>For SQLite: the database file the app runs on; null for PostgreSQL.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>Where the app writes the emails it sends (one <c>.eml</c> file each, newest last by name).</summary>
    public string MailFolder => _mailFolder;

    /// <summary>The PostgreSQL server holding the app's database; null for SQLite.</summary>
    public PostgresServer? Postgres => server ?? _ownedServer;

    /// <summary>The PostgreSQL database name; null for SQLite.</summary>
    public string? DatabaseName { get; private set; }

    /// <summary>
    /// Hash passwords at <see cref="TestPasswordIterations"/> instead of the app's own work factor
    /// (default true). A test of password storage itself sets it false on an app of its own.
    /// </summary>
    public bool FastPasswordHashing { get; init; } = true;

    /// <summary>
    /// With Kestrel, serve https with this certificate instead of http: a browser keeps the Secure
    /// session cookie, and the app's antiforgery hands out tokens, over https only.
    /// </summary>
    public X509Certificate2? HttpsCertificate { get; init; }

    /// <summary>Start with José's journey, the demo a new user meets (off by default: most tests want an empty database).</summary>
    public bool Demo { get; init; }

    /// <summary>
    /// For SQLite: how long a command waits for a database locked by another connection before it
    /// fails (the connection string's <c>Default Timeout</c>; 30 s when null). A test of a locked database shortens it.
    /// </summary>
    public TimeSpan? SqliteLockTimeout { get; init; }

    /// <summary>
    /// Run the background scheduler (Quartz.NET) in this app (off by default: its jobs would act on
    /// a test's data at moments the test does not choose). Tests of nudges and webhooks turn it on.
    /// </summary>
    public bool Scheduler { get; init; }

    /// <summary>
    /// For PostgreSQL: a second node of that app, on its database (started
    /// first) instead of a new one, as nodes of one deployment share theirs.
    /// </summary>
    public RecetaApp? SameDatabaseAs { get; init; }

    /// <summary>
    /// Start on this database instead of a new, empty one: for SQLite the path of a database file
    /// (a restored backup, or another app's file, to share it), for PostgreSQL the name of a database
    /// on the server given. Migrations still run on it; it is left in place when the app is disposed.
    /// </summary>
    public string? ExistingDatabase { get; init; }

    /// <summary>More configuration for the app, e.g. an SMTP server's (<see cref="SmtpInbox.AppSettings"/>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// <c>Webhooks:AllowPrivateNetworks</c>: off, as in production, unless a test delivers to a
    /// receiver of its own on loopback.
    /// </summary>
    public bool AllowPrivateWebhooks { get; init; }

    /// <summary>The host environment; <c>Testing</c> unless a test is about another one.</summary>
    public string Environment { get; init; } = "Testing";

    public async ValueTask InitializeAsync()
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres when SameDatabaseAs is { } first:
                DatabaseName = first.DatabaseName;
                _connectionString = first.ConnectionString;
                break;
            case DatabaseProvider.Postgres when ExistingDatabase is { } existing:
                DatabaseName = existing;
                _connectionString = (server ?? throw new InvalidOperationException("An existing PostgreSQL database needs its server.")).ConnectionString(existing);
                break;
            case DatabaseProvider.Postgres:
                var postgres = server ?? (_ownedServer = await PostgresServer.StartAsync());
                DatabaseName = $"receta_app_{Guid.NewGuid().ToString("N")[..12]}";
                _connectionString = await postgres.CreateDatabaseAsync(DatabaseName);
                break;
            case DatabaseProvider.Sqlite when ExistingDatabase is { } file:
                _connectionString = SqliteConnectionString(file);
                break;
            default:
                foreach (var abandoned in TempFolders.Abandoned(SqliteFolderPrefix))
                {
                    TempFolders.Delete(abandoned);
                }
                _sqliteFolder = TempFolders.Create(SqliteFolderPrefix);
                _connectionString = SqliteConnectionString(Path.Combine(_sqliteFolder, "receta.db"));
                break;
        }

        if (useKestrel)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (HttpsCertificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }
            }));
        }
        // Migrations run and the host starts here; a broken app fails the fixture, loudly.
        StartServer();
        if (useKestrel)
        {
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            ServerAddress = new Uri(addresses.Addresses.First());
        }
    }

    /// <summary>
    /// A client of the API with no credentials (or the given bearer token). Each client counts as a
    /// different network address, as separate people's devices would, so that the per-address sign-in
    /// limit is reached only by a test that means to reach it. Redirects are not followed.
    /// </summary>
    public HttpClient CreateApiClient(string? token = null)
    {
        var client = HttpsCertificate is { } certificate
            // The app's own self-signed certificate, pinned: no other is trusted.
            ? new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
            }) { BaseAddress = ServerAddress }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ServerAddress });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, NewClientAddress());
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>The header a test client (an API client, a browser context) sends to stand for a network address of its own.</summary>
    public const string ClientAddressHeader = ClientAddressStartupFilter.HeaderName;

    /// <summary>A network address no other client of this app has been given, for <see cref="ClientAddressHeader"/>.</summary>
    public string NewClientAddress()
    {
        var number = Interlocked.Increment(ref _clientCount);
        return string.Create(CultureInfo.InvariantCulture, $"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}");
    }

    /// <summary>
    /// Registers a new account with a unique email and a strong password, and creates a token for it.
    /// </summary>
    /// <param name="timeZone">An IANA time zone; the API's default (UTC) when null.</param>
    /// <param name="scope"><c>write</c> or <c>read</c>: the scope of the token <see cref="TestUser.Api"/> uses.</param>
    /// <param name="displayName">A display name; "Test user" when null.</param>
    public async Task<TestUser> CreateUserAsync(string? timeZone = null, string scope = "write", string? displayName = null)
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        var password = $"correct horse {Guid.NewGuid():N}";
        displayName ??= "Test user";
        var client = CreateApiClient();

        using var registered = await client.PostJsonAsync("/api/v1/auth/register", new { email, password, displayName, timeZone });
        await registered.AssertStatusAsync(HttpStatusCode.Created);
        var account = await registered.ReadJsonAsync<AccountBody>();

        var token = await TestUser.CreateTokenAsync(client, email, password, scope);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return new TestUser(account.Id, email, password, account.DisplayName, account.TimeZone, token, client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // UseSetting, unlike ConfigureAppConfiguration, is visible to Program before it builds the app.
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:Receta", ConnectionString);
        // Every statement of every test must be ready to shard by owner (docs/adr/0014).
        builder.UseSetting("Database:RequireOwnerFilter", "true");
        builder.UseSetting("Receta:Demo", Demo ? "true" : "false");
        builder.UseSetting("Email:Folder", _mailFolder);
        builder.UseSetting("Scheduler:Enabled", Scheduler ? "true" : "false");
        // A collector named in the environment of the machine gets nothing of the tests' own telemetry.
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Webhooks:AllowPrivateNetworks", AllowPrivateWebhooks ? "true" : "false");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new TestOutputLoggerProvider());
        });
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (FastPasswordHashing)
            {
                // Every test signs up and signs in: at the production 210,000 PBKDF2 iterations the
                // hashing alone was most of the suite's time. Same code path, cheaper work factor.
                services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordIterations);
            }
            services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>();
            // Server-side log lines then land in the output of the test that caused them.
            services.Configure<TestServerOptions>(options => options.PreserveExecutionContext = true);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await base.DisposeAsync();
        if (_ownedServer is not null)
        {
            await _ownedServer.DisposeAsync();
        }
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            TempFolders.Delete(_sqliteFolder);
        }
        GC.SuppressFinalize(this);
    }

    private string SqliteConnectionString(string file)
    {
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file };
        if (SqliteLockTimeout is { } lockTimeout)
        {
            sqlite.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(lockTimeout.TotalSeconds));
        }
        return sqlite.ConnectionString;
    }

    private static InvalidOperationException NotStarted() =>
        new("The app is not started: await InitializeAsync() first (xunit does this for fixtures).");

    private sealed record AccountBody(string Id, string DisplayName, string TimeZone);
}
