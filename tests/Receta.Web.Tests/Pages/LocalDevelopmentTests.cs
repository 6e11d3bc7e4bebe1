using System.Net;
using Receta.Data;
using Receta.Testing;

namespace Receta.Web.Tests.Pages;

/// <summary>
/// <c>dotnet run</c> serves the Development environment over plain http://localhost: the pages must
/// sign in there too, with cookies a browser keeps over http. Every other environment is https-only.
/// </summary>
public sealed class LocalDevelopmentTests : IAsyncLifetime
{
    private readonly RecetaApp _app = new(DatabaseProvider.Sqlite) { Environment = "Development", Demo = true };

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignInPage_OverPlainHttpInDevelopment_ReachesTheDemoDashboard()
    {
        using var browser = new PageBrowser(_app, "en", new Uri("http://localhost"));

        var (status, signIn) = await browser.GetAsync("/signin");
        var posted = await browser.SubmitAsync("/signin", signIn, "signin",
            ("Form.Email", "demo@receta.example"), ("Form.Password", "apollo-17-dreamer"));
        var (dashboardStatus, dashboard) = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(HttpStatusCode.OK, dashboardStatus);
        Assert.Contains("Become a NASA astronaut", dashboard, StringComparison.Ordinal);
    }
}
