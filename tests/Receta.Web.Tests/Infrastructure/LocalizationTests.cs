using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Receta.Web.Features.Work;
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

    [Theory]
    [InlineData("en", 0, "streak 0 days (best 4)")]
    [InlineData("en", 1, "streak 1 day (best 4)")]
    [InlineData("en", 2, "streak 2 days (best 4)")]
    [InlineData("es", 0, "racha de 0 días (mejor 4)")]
    [InlineData("es", 1, "racha de 1 día (mejor 4)")]
    [InlineData("pt-BR", 0, "sequência de 0 dia (melhor: 4)")]
    [InlineData("pt-BR", 1, "sequência de 1 dia (melhor: 4)")]
    [InlineData("pt-BR", 2, "sequência de 2 dias (melhor: 4)")]
    public void Plural_ReadsTheSingularWhereTheReadersLanguageSaysIt(string language, int days, string expected)
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var texts = factory.Create(typeof(WorkSection));

        var streak = Localization.InCulture(CultureInfo.GetCultureInfo(language), () => texts.Plural("Streak", days, days, 4).Value);

        Assert.Equal(expected, streak);
    }
}
