using Receta.Web.Infrastructure;

namespace Receta.Web.Tests.Infrastructure;

public sealed class LocalizationTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/profile", "/profile")]
    [InlineData("/goals/1?asOf=2025-03-01", "/goals/1?asOf=2025-03-01")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("profile", "/")]
    public void LocalPath_AnyRedirect_StaysOnThisSite(string? requested, string expected) =>
        Assert.Equal(expected, Localization.LocalPath(requested));
}
