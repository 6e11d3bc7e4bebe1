using System.Globalization;
using Microsoft.Playwright;
using Receta.Testing;

// Cold loads of the demo's dashboard and goal page in Debian's Chromium on a phone's connection
// (FirstPaint.PhoneNetwork), each in a new browser context with nothing cached but the session
// cookie. Prints every load and the medians and worst; exits 1 when the median dashboard is over
// 1.5 s to usable, any dashboard over 40 KB, or any page needed more than its first answer to paint.
// Usage: Receta.FirstPaint <base-url> [runs]. bench/first-paint/run.sh starts the app and calls it.
if (args.Length is < 1 or > 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseUrl))
{
    Console.Error.WriteLine("usage: Receta.FirstPaint <base-url> [runs]");
    return 2;
}
var runs = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
const string Chromium = "/usr/bin/chromium";
if (!File.Exists(Chromium))
{
    Console.Error.WriteLine($"Chromium is missing at {Chromium}: apt-get install -y chromium.");
    return 2;
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async Task<IPage> PhoneAsync()
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl.ToString(),
        ViewportSize = new ViewportSize { Width = 360, Height = 780 },
        IgnoreHTTPSErrors = true,
    });
    return await context.NewPageAsync();
}

// Signed in once, through the page a person uses; every measured load is a new context with its cookie.
var signIn = await PhoneAsync();
await signIn.GotoAsync("/signin");
await signIn.GetByLabel("Email").FillAsync("demo@receta.example");
await signIn.GetByLabel("Password", new() { Exact = true }).FillAsync("apollo-17-dreamer");
await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
await signIn.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
var cookies = await signIn.Context.CookiesAsync();
var goalPath = new Uri(await signIn.GetByRole(AriaRole.Link, new() { Name = "Become a NASA astronaut" }).EvaluateAsync<string>("a => a.href")).PathAndQuery;
await signIn.Context.CloseAsync();

async Task<FirstPaint> ColdAsync(string path)
{
    var page = await PhoneAsync();
    await page.Context.AddCookiesAsync(cookies.Select(c => new Cookie
    {
        Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
        HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
    }));
    await FirstPaint.EmulatePhoneNetworkAsync(page);
    var measured = await FirstPaint.MeasureAsync(page, path);
    await page.Context.CloseAsync();
    return measured;
}

var dashboards = new List<FirstPaint>();
var goals = new List<FirstPaint>();
Console.WriteLine($"{runs} cold loads of each, 360 px, 400 ms a request, 50 KB/s");
for (var run = 0; run < runs; run++)
{
    dashboards.Add(await ColdAsync("/"));
    goals.Add(await ColdAsync(goalPath));
    Console.WriteLine(dashboards[^1]);
    Console.WriteLine(goals[^1]);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

void Summarize(string name, List<FirstPaint> loads) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {name} | {Median(loads.Select(l => (double)l.Bytes)) / 1024:F1} KB | {loads.Max(l => l.RequestsToPaint)} | {Median(loads.Select(l => l.PaintedMs)):F0} ms | {loads.Max(l => l.PaintedMs):F0} ms | {Median(loads.Select(l => l.UsableMs)):F0} ms | {loads.Max(l => l.UsableMs):F0} ms |"));
Console.WriteLine();
Console.WriteLine("| page | transferred (median) | requests needed to paint (most) | painted (median) | painted (worst) | usable (median) | usable (worst) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
Summarize("dashboard", dashboards);
Summarize("goal page", goals);

var failures = new List<string>();
if (Median(dashboards.Select(l => l.UsableMs)) > FirstPaint.UsableWithinMs)
{
    failures.Add($"the dashboard's median time to usable is over {FirstPaint.UsableWithinMs} ms");
}
if (Median(goals.Select(l => l.PaintedMs)) > FirstPaint.UsableWithinMs)
{
    failures.Add($"the goal page's median time to paint is over {FirstPaint.UsableWithinMs} ms");
}
if (dashboards.Any(l => l.Bytes > FirstPaint.MaxBytes))
{
    failures.Add($"a dashboard transferred more than {FirstPaint.MaxBytes} bytes");
}
if (dashboards.Concat(goals).Any(l => l.RequestsToPaint > 1))
{
    failures.Add("a page needed more than its first answer to paint");
}
foreach (var failure in failures)
{
    Console.Error.WriteLine($"FAIL: {failure}");
}
Console.WriteLine(failures.Count == 0 ? "PASS" : "FAIL");
return failures.Count == 0 ? 0 : 1;
