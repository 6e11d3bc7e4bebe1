using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Receta.Data;
using Receta.Testing;

// One app and one browser for the assembly; tests isolate themselves with their own accounts and
// browser contexts. They run one at a time: two cores run the app, Chromium and the tests.
[assembly: AssemblyFixture(typeof(Receta.EndToEnd.Tests.WebUi))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Receta.EndToEnd.Tests;

/// <summary>
/// The real app on Kestrel (SQLite) and Debian's Chromium, headless. Never a downloaded browser:
/// a missing <see cref="ChromiumPath"/> fails the run loudly (test.sh installs the package).
/// </summary>
public sealed partial class WebUi : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public const int DesktopWidth = 1280;
    public const int PhoneWidth = 360;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public RecetaApp App { get; } = new(DatabaseProvider.Sqlite, useKestrel: true) { HttpsCertificate = SelfSignedLoopbackCertificate(), Demo = true };

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}: install Debian's package (apt-get install -y chromium; ./test.sh does). Never 'playwright install'.");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // The offline tests fail a service worker's own requests, which Playwright routes only with these events on.
        Environment.SetEnvironmentVariable("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1");
        await App.InitializeAsync();
        // A browser keeps cookies by the real clock: the app's clock starts at the real now, so the
        // session cookie's expiry (set from the app's clock) is not already in the past.
        App.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
                // The app's certificate is the run's own, self-signed: a page with a certificate
                // error may not register a service worker, which IgnoreHTTPSErrors does not lift.
                "--ignore-certificate-errors",
            ],
        });
    }

    /// <summary>A fresh browser context (no cookies, no cache) and a page in it, on the app.</summary>
    /// <param name="touch">A phone's touch screen: taps, and no hover.</param>
    public async Task<IPage> NewPageAsync(int width = DesktopWidth, string locale = "en-US", bool touch = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            HasTouch = touch,
            IsMobile = touch,
            BaseURL = App.ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = width == PhoneWidth ? 780 : 900 },
            Locale = locale,
            IgnoreHTTPSErrors = true,
            // Each context stands for a device of its own, so the per-address sign-in limit sees many.
            ExtraHTTPHeaders = new Dictionary<string, string> { [RecetaApp.ClientAddressHeader] = App.NewClientAddress() },
        });
        // Generous: test.sh runs the browser tests beside the other suites, on two cores.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs <paramref name="user"/> in through the sign-in page and waits for the dashboard.</summary>
    public static Task SignInAsync(IPage page, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SignInAsync(page, user.Email, user.Password);
    }

    /// <summary>The demo account, José's journey, that <see cref="App"/> starts with.</summary>
    public static Task SignInToTheDemoAsync(IPage page) => SignInAsync(page, DemoEmail, DemoPassword);

    public const string DemoEmail = "demo@receta.example";
    public const string DemoPassword = "apollo-17-dreamer";

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ArriveAtTheDashboardAsync(page);
    }

    /// <summary>Like <see cref="SignInAsync"/>, on a page that speaks Spanish.</summary>
    public static Task SignInAsyncInSpanish(IPage page, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SignInAsyncInSpanish(page, user.Email, user.Password);
    }

    /// <summary>Like <see cref="SignInToTheDemoAsync"/>, on a page that speaks Spanish.</summary>
    public static Task SignInToTheDemoAsyncInSpanish(IPage page) => SignInAsyncInSpanish(page, DemoEmail, DemoPassword);

    private static async Task SignInAsyncInSpanish(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Correo electrónico").FillAsync(email);
        await page.GetByLabel("Contraseña", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar", Exact = true }).ClickAsync();
        await ArriveAtTheDashboardAsync(page);
    }

    // Arrival is the page's address being the dashboard's, polled as an assertion does. WaitForURL also waits for a
    // load state once the address matches, and that wait hung now and then under load (the address already "/", the
    // network idle, the page showing the dashboard): both its default "load" and "commit" did. The callers' own
    // assertions wait for what they need on the page. A sign-in that never arrives says where it stopped and what that
    // page said.
    private static async Task ArriveAtTheDashboardAsync(IPage page)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(DashboardAddress(), new() { Timeout = 30_000 });
        }
        catch (Exception timeout) when (timeout is System.TimeoutException or PlaywrightException)
        {
            string said;
            try
            {
                said = await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 });
            }
            catch (Exception unreadable) when (unreadable is System.TimeoutException or PlaywrightException)
            {
                said = "(nothing readable)";
            }
            throw new System.TimeoutException($"Sign-in did not reach the dashboard; the page is {page.Url}, saying: {said}", timeout);
        }
    }

    // The dashboard: the site's root, with nothing but a query or fragment after it.
    [GeneratedRegex(@"^https?://[^/]+/(?:[?#].*)?$")]
    private static partial Regex DashboardAddress();

    /// <summary>Where the run's artifacts go: TestResults/ at the repository's root.</summary>
    public static string ArtifactFolder(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Receta.slnx")))
        {
            folder = folder.Parent;
        }
        var path = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "TestResults", name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A day-long certificate for 127.0.0.1 and localhost: the session cookie is Secure, so the app is served over https.</summary>
    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
