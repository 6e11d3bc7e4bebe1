using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Receta.Web.Tests.Infrastructure;

/// <summary>
/// Every text of the pages exists in English and in Spanish: each resource file has its Spanish
/// twin with the same keys, none blank, and every key a component asks for literally is there.
/// Read from the sources, so a text added to a page without its translation fails here.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly DirectoryInfo WebProject = FindWebProject();

    public static TheoryData<string> ResourceFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in NeutralResourceFiles())
        {
            files.Add(Path.GetRelativePath(WebProject.FullName, file));
        }
        return files;
    }

    public static TheoryData<string> Components()
    {
        var files = new TheoryData<string>();
        foreach (var file in WebProject.EnumerateFiles("*.razor", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f.FullName)))
        {
            if (LocalizerOf().IsMatch(File.ReadAllText(file.FullName)))
            {
                files.Add(Path.GetRelativePath(WebProject.FullName, file.FullName));
            }
        }
        return files;
    }

    [Fact]
    public void Pages_HaveResourceFilesToTranslate() => Assert.True(NeutralResourceFiles().Count() >= 10);

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void SpanishTwin_HasTheSameKeysAndNoBlankText(string resourceFile)
    {
        var english = Texts(Path.Combine(WebProject.FullName, resourceFile));
        var spanishFile = Path.ChangeExtension(Path.Combine(WebProject.FullName, resourceFile), ".es.resx");

        Assert.True(File.Exists(spanishFile), $"{resourceFile} has no Spanish twin.");
        var spanish = Texts(spanishFile);
        Assert.Empty(english.Keys.Except(spanish.Keys, StringComparer.Ordinal));
        Assert.Empty(spanish.Keys.Except(english.Keys, StringComparer.Ordinal));
        Assert.All(english.Concat(spanish), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), $"'{text.Key}' is blank."));
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Component_AsksOnlyForKeysItsResourcesHave(string component)
    {
        var source = File.ReadAllText(Path.Combine(WebProject.FullName, component));
        var resourceName = LocalizerOf().Match(source).Groups["type"].Value.Split('.')[^1];
        var resource = NeutralResourceFiles().SingleOrDefault(f => Path.GetFileNameWithoutExtension(f) == resourceName);
        Assert.True(resource is not null, $"{component} asks for the texts of {resourceName}, which has no resource file.");
        var keys = Texts(resource).Keys.ToHashSet(StringComparer.Ordinal);

        var asked = LiteralKey().Matches(source).Select(m => m.Groups["key"].Value).Distinct().ToList();

        Assert.All(asked, key => Assert.True(keys.Contains(key), $"{component} asks for '{key}', missing from {resourceName}.resx."));
    }

    [Fact]
    public void StatusBadge_NamesEveryStatus()
    {
        var keys = Texts(Path.Combine(WebProject.FullName, "Resources", "Components", "StatusBadge.resx")).Keys;

        Assert.All(Enum.GetNames<Receta.Core.Progress.ProgressStatus>(), status => Assert.Contains(status, keys));
    }

    private static IEnumerable<string> NeutralResourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(WebProject.FullName, "Resources"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.', StringComparison.Ordinal));

    private static Dictionary<string, string> Texts(string resxFile) =>
        XDocument.Load(resxFile).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static DirectoryInfo FindWebProject()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Receta.slnx")))
        {
            folder = folder.Parent;
        }
        return new DirectoryInfo(Path.Combine(folder?.FullName ?? throw new InvalidOperationException("The tests run inside the repository."), "src", "Receta.Web"));
    }

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(?<type>[\w.]+)>\s+L\b")]
    private static partial Regex LocalizerOf();

    [GeneratedRegex("""\bL\["(?<key>[A-Za-z0-9_]+)"[\],]""")]
    private static partial Regex LiteralKey();
}
