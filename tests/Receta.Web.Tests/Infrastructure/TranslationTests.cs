using System.Text.RegularExpressions;
using System.Xml.Linq;
using Receta.Web.Infrastructure;

namespace Receta.Web.Tests.Infrastructure;

/// <summary>
/// Every text of the pages and of the importers exists in every language the app offers: each
/// resource file has a twin per language (Spanish, Portuguese) with the same keys, none blank, the
/// same placeholders, and every key a
/// component or a class of the web app asks for literally is there. Read from the sources, so a
/// text added without its translation fails here. The importers' texts need no such search: a
/// class generated from <c>ImportTexts.resx</c> names each of them, so a text used in code and
/// missing from the file does not compile.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly DirectoryInfo Sources = FindSources();
    private static readonly DirectoryInfo WebProject = new(Path.Combine(Sources.FullName, "Receta.Web"));

    /// <summary>The folders of resource files, under <c>src/</c>: the web app's and the importers'.</summary>
    private static readonly string[] ResourceFolders = [Path.Combine("Receta.Web", "Resources"), Path.Combine("Receta.Importing", "Resources")];

    /// <summary>Each resource file with each language it is translated into: every supported one but English.</summary>
    public static TheoryData<string, string> Translations()
    {
        var files = new TheoryData<string, string>();
        foreach (var file in NeutralResourceFiles())
        {
            foreach (var culture in Localization.SupportedCultures.Where(c => c.Name != Localization.DefaultCulture.Name))
            {
                files.Add(Path.GetRelativePath(Sources.FullName, file), culture.Name);
            }
        }
        return files;
    }

    public static TheoryData<string> Components() => WebSources("*.razor", LocalizerOf());

    public static TheoryData<string> CodeFiles() => WebSources("*.cs", LocalizerParameter());

    [Fact]
    public void Pages_HaveResourceFilesToTranslate() => Assert.True(NeutralResourceFiles().Count() >= 10);

    [Fact]
    public void Importers_HaveTheirResourceFileToTranslate() =>
        Assert.Contains(Path.Combine(Sources.FullName, "Receta.Importing", "Resources", "ImportTexts.resx"), NeutralResourceFiles());

    [Fact]
    public void Languages_AreEnglishSpanishAndPortuguese() =>
        Assert.Equal(["en", "es", "pt-BR"], Localization.SupportedCultures.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_HasTheSameKeysAndNoBlankText(string resourceFile, string language)
    {
        var english = Texts(Path.Combine(Sources.FullName, resourceFile));
        var translationFile = Twin(resourceFile, language);

        Assert.True(File.Exists(translationFile), $"{resourceFile} has no {language} twin.");
        var translation = Texts(translationFile);
        Assert.Empty(english.Keys.Except(translation.Keys, StringComparer.Ordinal));
        Assert.Empty(translation.Keys.Except(english.Keys, StringComparer.Ordinal));
        Assert.All(english.Concat(translation), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), $"'{text.Key}' is blank."));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_FillsInTheSamePlaceholders(string resourceFile, string language)
    {
        var english = Texts(Path.Combine(Sources.FullName, resourceFile));
        var translation = Texts(Twin(resourceFile, language));

        Assert.All(english.Where(text => translation.ContainsKey(text.Key)), text => Assert.True(
            Placeholders(text.Value).SetEquals(Placeholders(translation[text.Key])),
            $"'{text.Key}' has placeholders {string.Join(" ", Placeholders(text.Value))} in English, {string.Join(" ", Placeholders(translation[text.Key]))} in {language}."));
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Component_AsksOnlyForKeysItsResourcesHave(string component)
    {
        var source = File.ReadAllText(Path.Combine(WebProject.FullName, component));
        var resourceName = LocalizerOf().Match(source).Groups["type"].Value.Split('.')[^1];

        // A count's text has its singular beside it (Localization.Plural): both must be there.
        var plurals = PluralKey().Matches(source).Select(m => m.Groups["key"].Value).SelectMany(key => new[] { key, $"{key}_one" });
        AssertKeysExist(component, resourceName, LiteralKey().Matches(source).Select(m => m.Groups["key"].Value).Concat(plurals));
    }

    [Theory]
    [MemberData(nameof(CodeFiles))]
    public void CodeFile_AsksOnlyForKeysItsResourcesHave(string codeFile)
    {
        var source = File.ReadAllText(Path.Combine(WebProject.FullName, codeFile));
        var localizers = LocalizerParameter().Matches(source)
            .Select(m => (Name: m.Groups["name"].Value, Type: m.Groups["type"].Value.Split('.')[^1]))
            .Distinct()
            .ToList();

        Assert.All(localizers, localizer => AssertKeysExist(
            codeFile,
            localizer.Type,
            Regex.Matches(source, $$"""\b{{localizer.Name}}\["(?<key>[A-Za-z0-9_]+)"[\],]""").Select(m => m.Groups["key"].Value)));
    }

    [Fact]
    public void StatusBadge_NamesEveryStatus()
    {
        var keys = Texts(Path.Combine(WebProject.FullName, "Resources", "Components", "StatusBadge.resx")).Keys;

        Assert.All(Enum.GetNames<Receta.Core.Progress.ProgressStatus>(), status => Assert.Contains(status, keys));
    }

    private static void AssertKeysExist(string source, string resourceName, IEnumerable<string> asked)
    {
        var resource = NeutralResourceFiles().SingleOrDefault(f => Path.GetFileNameWithoutExtension(f) == resourceName);
        Assert.True(resource is not null, $"{source} asks for the texts of {resourceName}, which has no resource file.");
        var keys = Texts(resource).Keys.ToHashSet(StringComparer.Ordinal);

        Assert.All(asked.Distinct(), key => Assert.True(keys.Contains(key), $"{source} asks for '{key}', missing from {resourceName}.resx."));
    }

    private static TheoryData<string> WebSources(string pattern, Regex asksForTexts)
    {
        var files = new TheoryData<string>();
        foreach (var file in WebProject.EnumerateFiles(pattern, SearchOption.AllDirectories).Where(f => !IsBuildOutput(f.FullName)))
        {
            if (asksForTexts.IsMatch(File.ReadAllText(file.FullName)))
            {
                files.Add(Path.GetRelativePath(WebProject.FullName, file.FullName));
            }
        }
        return files;
    }

    private static IEnumerable<string> NeutralResourceFiles() =>
        ResourceFolders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Sources.FullName, folder), "*.resx", SearchOption.AllDirectories))
            .Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.', StringComparison.Ordinal));

    private static string Twin(string resourceFile, string language) =>
        Path.ChangeExtension(Path.Combine(Sources.FullName, resourceFile), $".{language}.resx");

    private static Dictionary<string, string> Texts(string resxFile) =>
        XDocument.Load(resxFile).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static DirectoryInfo FindSources()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Receta.slnx")))
        {
            folder = folder.Parent;
        }
        return new DirectoryInfo(Path.Combine(folder?.FullName ?? throw new InvalidOperationException("The tests run inside the repository."), "src"));
    }

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(?<type>[\w.]+)>\s+L\b")]
    private static partial Regex LocalizerOf();

    [GeneratedRegex("""\bL\["(?<key>[A-Za-z0-9_]+)"[\],]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""\bL\.Plural\("(?<key>[A-Za-z0-9_]+)",""")]
    private static partial Regex PluralKey();

    [GeneratedRegex(@"\bIStringLocalizer<(?<type>[\w.]+)>\s+(?<name>\w+)")]
    private static partial Regex LocalizerParameter();

    // A composite format's argument, with its format if any: {0}, {1:N0}.
    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
