using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Testing;

namespace Receta.Web.Tests.Security;

/// <summary>
/// Data Protection keys encrypted at rest with the certificate of <c>DataProtection:Certificate</c>:
/// the database holds no readable key, and every node given the certificate (or given it as a
/// previous one after a rotation) reads what another protected; a node without it cannot.
/// </summary>
public abstract class DataProtectionKeyTests(RecetaApp shared) : IDisposable
{
    private const string Password = "pfx password";

    private readonly string _folder = Directory.CreateTempSubdirectory("receta-keys-").FullName;

    [Fact]
    public async Task Keys_WithCertificate_StoredEncryptedAndReadByAnotherNodeWithIt()
    {
        var certificate = WriteCertificate("current");
        await using var first = await StartAsync(CurrentCertificate(certificate));
        using var browser = await SignedInBrowserAsync(first);

        var keys = await StoredKeysAsync(first);
        await using var second = await StartAsync(CurrentCertificate(certificate), sameDatabaseAs: first);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(second, browser));
    }

    [Fact]
    public async Task Keys_CertificateRotated_PreviousOneStillReadsTheOlderKeys()
    {
        var old = WriteCertificate("old");
        var current = WriteCertificate("new");
        await using var first = await StartAsync(CurrentCertificate(old));
        using var browser = await SignedInBrowserAsync(first);

        var rotated = new Dictionary<string, string>(CurrentCertificate(current))
        {
            ["DataProtection:PreviousCertificates:0:Path"] = old,
            ["DataProtection:PreviousCertificates:0:Password"] = Password,
        };
        await using var second = await StartAsync(rotated, sameDatabaseAs: first);

        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(second, browser));
    }

    [Fact]
    public async Task Keys_NodeWithoutTheCertificate_CannotReadTheSessionCookie()
    {
        await using var first = await StartAsync(CurrentCertificate(WriteCertificate("current")));
        using var browser = await SignedInBrowserAsync(first);

        await using var second = await StartAsync(new Dictionary<string, string>(), sameDatabaseAs: first);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(second, browser));
    }

    protected string WriteCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Receta keys {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2034, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(_folder, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    protected static Dictionary<string, string> CurrentCertificate(string path) => new()
    {
        ["DataProtection:Certificate:Path"] = path,
        ["DataProtection:Certificate:Password"] = Password,
    };

    /// <summary>An app of its own on a new database, or a second node on <paramref name="sameDatabaseAs"/>'s.</summary>
    protected Task<RecetaApp> StartAsync(IReadOnlyDictionary<string, string> settings, RecetaApp? sameDatabaseAs = null) =>
        OwnApp.InitializeOrDisposeAsync(new RecetaApp(shared.Provider, server: shared.Postgres)
        {
            Settings = settings,
            ExistingDatabase = sameDatabaseAs is null ? null : sameDatabaseAs.SqliteFile ?? sameDatabaseAs.DatabaseName,
        });

    private static async Task<Browser> SignedInBrowserAsync(RecetaApp app)
    {
        var user = await app.CreateUserAsync();
        var browser = new Browser(app);
        await browser.SignInAsync(user.Email, user.Password);
        return browser;
    }

    /// <summary>What <c>GET /api/v1/me</c> answers on <paramref name="app"/> to the cookies <paramref name="signedIn"/> holds.</summary>
    private static async Task<HttpStatusCode> MeStatusAsync(RecetaApp app, Browser signedIn)
    {
        using var browser = new Browser(app);
        foreach (var (name, value) in signedIn.Cookies)
        {
            browser.Cookies[name] = value;
        }
        using var response = await browser.GetAsync("/api/v1/me");
        return response.StatusCode;
    }

    private static async Task<List<string>> StoredKeysAsync(RecetaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        return await db.DataProtectionKeys.AsNoTracking().Select(key => key.Xml!).ToListAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class DataProtectionKeyTests_Sqlite(SqliteApp app) : DataProtectionKeyTests(app)
{
    [Fact]
    public async Task Start_CertificateFileMissing_FailsNamingTheSetting()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pfx");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(CurrentCertificate(missing)));

        Assert.Contains($"DataProtection:Certificate:Path: there is no file at {missing}", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WrongCertificatePassword_FailsNamingTheSetting()
    {
        var settings = CurrentCertificate(WriteCertificate("current"));
        settings["DataProtection:Certificate:Password"] = "not the password";

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(settings));

        Assert.Contains("could not be read as a PKCS#12 (.pfx) file with DataProtection:Certificate:Password", failure.ToString(), StringComparison.Ordinal);
    }
}

public sealed class DataProtectionKeyTests_Postgres(PostgresApp app) : DataProtectionKeyTests(app);
