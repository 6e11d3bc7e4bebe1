using System.Reflection;
using Receta.Cli.Output;

namespace Receta.Cli.Tests;

/// <summary>
/// The languages of the command line without a server: which one <see cref="Texts.Choose"/> picks
/// (<c>--lang</c>, else the account's, else LC_ALL, LC_MESSAGES, LANG), and that every instance
/// says something for every text.
/// </summary>
public sealed class TextsTests
{
    public static TheoryData<string> Languages() => new(nameof(Texts.English), nameof(Texts.Spanish), nameof(Texts.Portuguese));

    [Theory]
    [InlineData("pt_BR.UTF-8", "pt-BR")]
    [InlineData("pt_BR", "pt-BR")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("pt", "pt-BR")]
    [InlineData("PT_br.utf8", "pt-BR")]
    [InlineData("es_MX.UTF-8", "es")]
    [InlineData("en_US.UTF-8", "en")]
    [InlineData("fr_FR.UTF-8", "en")]
    [InlineData("C.UTF-8", "en")]
    public void Choose_ByLang_PicksTheLanguageItStartsWith(string lang, string code)
    {
        var texts = Texts.Choose(null, null, Environment(("LANG", lang)));

        Assert.Equal(code, texts.Code);
    }

    [Fact]
    public void Choose_NoLanguageAnywhere_PicksEnglish() =>
        Assert.Same(Texts.English, Texts.Choose(null, null, Environment()));

    [Fact]
    public void Choose_AccountInPortuguese_PicksPortugueseOverTheEnvironment()
    {
        var environment = Environment(("LC_ALL", "es_ES.UTF-8"), ("LANG", "en_US.UTF-8"));

        Assert.Same(Texts.Portuguese, Texts.Choose(null, "pt-BR", environment));
        Assert.Same(Texts.Spanish, Texts.Choose(null, "es", Environment(("LANG", "pt_BR.UTF-8"))));
    }

    [Fact]
    public void Choose_LangOption_WinsOverTheAccount()
    {
        var environment = Environment(("LANG", "es_MX.UTF-8"));

        Assert.Same(Texts.Portuguese, Texts.Choose("pt-BR", "es", environment));
        Assert.Same(Texts.English, Texts.Choose("en", "pt-BR", environment));
        Assert.Same(Texts.Spanish, Texts.Choose("es", "pt-BR", environment));
    }

    [Fact]
    public void Choose_Environment_LcAllThenLcMessagesThenLang()
    {
        Assert.Same(Texts.Portuguese, Texts.Choose(null, null, Environment(("LC_ALL", "pt_BR.UTF-8"), ("LC_MESSAGES", "es_ES.UTF-8"), ("LANG", "en_US.UTF-8"))));
        Assert.Same(Texts.Portuguese, Texts.Choose(null, null, Environment(("LC_MESSAGES", "pt_BR.UTF-8"), ("LANG", "es_ES.UTF-8"))));
        Assert.Same(Texts.Spanish, Texts.Choose(null, null, Environment(("LC_MESSAGES", "es_ES.UTF-8"), ("LANG", "pt_BR.UTF-8"))));
        // An empty variable counts as unset.
        Assert.Same(Texts.Portuguese, Texts.Choose(null, null, Environment(("LC_ALL", ""), ("LANG", "pt_BR.UTF-8"))));
    }

    [Fact]
    public void Portuguese_WritesNumbersWithADecimalComma()
    {
        Assert.Equal("pt-BR", Texts.Portuguese.Code);
        Assert.Equal("2,5", Texts.Portuguese.Number(2.5));
        Assert.Equal("1234,57", Texts.Portuguese.Number(1234.567, "0.##"));
        Assert.Equal("2.5", Texts.English.Number(2.5));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Instance_HasNoBlankText(string language)
    {
        var texts = Instance(language);
        var strings = typeof(Texts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)).ToList();

        Assert.True(strings.Count > 50, $"only {strings.Count} texts found");
        Assert.All(strings, p => Assert.False(string.IsNullOrWhiteSpace((string?)p.GetValue(texts)), $"{language}.{p.Name} is blank."));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Instance_HasNoBlankSentence(string language)
    {
        var texts = Instance(language);
        var sentences = typeof(Texts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)).ToList();

        Assert.NotEmpty(sentences);
        Assert.All(sentences, p =>
        {
            var sentence = (Delegate?)p.GetValue(texts);
            Assert.True(sentence is not null, $"{language}.{p.Name} is missing.");
            var arguments = sentence.Method.GetParameters().Select(parameter => Sample(parameter.ParameterType)).ToArray();
            Assert.False(string.IsNullOrWhiteSpace((string?)sentence.DynamicInvoke(arguments)), $"{language}.{p.Name} says nothing.");
        });
    }

    [Fact]
    public void Instances_HaveTheirOwnCodes() =>
        Assert.Equal(["en", "es", "pt-BR"], new[] { Texts.English, Texts.Spanish, Texts.Portuguese }.Select(t => t.Code));

    private static Texts Instance(string language) =>
        (Texts)typeof(Texts).GetField(language, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static object Sample(Type type) =>
        type == typeof(string) ? "x"
        : type == typeof(int) ? (object)2
        : type == typeof(long) ? (object)2L
        : throw new NotSupportedException(type.Name);

    private static CliEnvironment Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new CliEnvironment(name => values.GetValueOrDefault(name), TimeProvider.System, "test-host");
    }
}
