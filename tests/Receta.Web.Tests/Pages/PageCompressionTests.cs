using System.Net;
using Receta.Testing;

namespace Receta.Web.Tests.Pages;

/// <summary>
/// Pages travel compressed, but never an answer that can carry a secret beside reflected text
/// (BREACH): the profile, which shows new tokens and two-factor keys, and the API.
/// </summary>
public sealed class PageCompressionTests(SqliteApp app)
{
    [Fact]
    public async Task Dashboard_ForABrowserThatTakesBrotli_IsCompressed()
    {
        var user = await app.CreateUserAsync();
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(user);

        var (status, encoding, _) = await browser.GetCompressedAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("br", encoding);
    }

    [Theory]
    [InlineData("/profile")]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/goals")]
    public async Task AnswerThatMayHoldASecret_IsNeverCompressed(string path)
    {
        var user = await app.CreateUserAsync();
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(user);

        var (status, encoding, bytes) = await browser.GetCompressedAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(encoding);
        Assert.True(bytes > 0);
    }
}
