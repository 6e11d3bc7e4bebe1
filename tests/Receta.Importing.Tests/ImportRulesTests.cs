using Receta.Importing;

namespace Receta.Importing.Tests;

public sealed class ImportRulesTests
{
    [Fact]
    public void Title_LongerThanTheLimit_IsCutWithOneWarningForAll()
    {
        var problems = new ImportProblems();

        var first = ImportRules.Title(new string('a', 250), "x", problems);
        ImportRules.Title(new string('b', 201), "x", problems);

        Assert.Equal(200, first.Length);
        Assert.Equal(["Titles longer than 200 characters were cut to 200. (2 times)"], problems.Warnings);
    }

    [Fact]
    public void Title_CutAtASurrogatePair_KeepsThePairWhole()
    {
        var text = new string('a', 199) + "😀" + "tail";

        var title = ImportRules.Title(text, "x", new ImportProblems());

        Assert.Equal(new string('a', 199), title);
    }

    [Fact]
    public void CheckDate_OutsideTheCenturies_IsAnErrorNamingThePlace()
    {
        var problems = new ImportProblems();

        Assert.False(ImportRules.CheckDate(new DateOnly(1899, 12, 31), "file.csv, line 2, date", problems));
        Assert.True(ImportRules.CheckDate(new DateOnly(1900, 1, 1), "file.csv, line 3, date", problems));

        Assert.Equal("file.csv, line 2, date", Assert.Single(problems.Errors).Where);
    }

    [Fact]
    public void Error_PastTheFirstTwenty_IsCountedButNotKept()
    {
        var problems = new ImportProblems();

        for (var line = 1; line <= 25; line++)
        {
            problems.Error($"line {line}", "bad");
        }

        Assert.Equal(25, problems.ErrorCount);
        Assert.Equal(20, problems.Errors.Count);
    }

    [Fact]
    public void Ignore_CountsEveryItemAndExplainsEachKindOnce()
    {
        var problems = new ImportProblems();

        problems.Ignore("Loop's YES_AUTO days are derived, not checks");
        problems.Ignore("Loop's YES_AUTO days are derived, not checks");
        problems.Ignore("A running Timewarrior interval");

        Assert.Equal(3, problems.Ignored);
        Assert.Equal(["Loop's YES_AUTO days are derived, not checks (2 times)", "A running Timewarrior interval (1 time)"], problems.Warnings);
    }
}
