using Receta.Importing.Timewarrior;

namespace Receta.Importing.Tests.Timewarrior;

public sealed class TimewarriorJsonReaderTests
{
    private static ImportBundle ReadFixture(ImportContext? context = null) =>
        TimewarriorJsonReader.Read(ImportFiles.Fixture("Timewarrior", "intervals.json"), context ?? ImportFiles.InMadrid);

    private static ImportBundle ReadText(string text, ImportContext? context = null)
    {
        using var file = ImportFiles.Write(text);
        return TimewarriorJsonReader.Read(file.Path, context ?? ImportFiles.InMadrid);
    }

    private static ImportContext In(string zone) => ImportFiles.InMadrid with { Zone = TimeZoneInfo.FindSystemTimeZoneById(zone) };

    private static List<(DateOnly Date, int Minutes)> Sessions(ImportBundle bundle, params string[] tags) =>
        [
            .. bundle.TaggedWork
                .Where(work => work.Tags.SequenceEqual(tags))
                .Select(work => (work.Session.Date, work.Session.Minutes)),
        ];

    [Fact]
    public void Read_ClosedInterval_IsASessionOnItsLocalDayWithItsTags()
    {
        var bundle = ReadFixture();

        Assert.False(bundle.Problems.HasErrors);
        var first = bundle.TaggedWork[0];
        Assert.Equal(["Deep work", "receta"], first.Tags);
        Assert.Equal(new DateOnly(2025, 3, 13), first.Session.Date);
        Assert.Equal(105, first.Session.Minutes);
        Assert.Null(first.Session.Note);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_Annotation_IsTheNoteAndTagsKeepTheirSpacesAndQuotes()
    {
        var bundle = ReadFixture();

        var meeting = Assert.Single(bundle.TaggedWork, work => work.Tags.Contains("meeting"));
        Assert.Equal(["meeting", "tag with spaces"], meeting.Tags);
        Assert.Equal("Sprint planning / Q2", meeting.Session.Note);
        Assert.Equal(45, meeting.Session.Minutes);
        Assert.Contains(bundle.TaggedWork, work => work.Tags.Contains("book: \"Dune\""));
    }

    [Fact]
    public void Read_IntervalAcrossLocalMidnight_IsSplitIntoOneSessionPerLocalDay()
    {
        var bundle = ReadFixture();

        // 23:10–01:20 in Madrid.
        Assert.Equal([(new DateOnly(2025, 3, 13), 50), (new DateOnly(2025, 3, 14), 80)], Sessions(bundle, "book: \"Dune\"", "reading"));
    }

    [Fact]
    public void Read_IntervalAcrossMidnightInAnotherZone_IsSplitAtThatZonesMidnight()
    {
        var bundle = ReadFixture(In("UTC"));

        // 22:10–00:20 UTC.
        Assert.Equal([(new DateOnly(2025, 3, 13), 110), (new DateOnly(2025, 3, 14), 20)], Sessions(bundle, "book: \"Dune\"", "reading"));
    }

    [Fact]
    public void Read_NightTheClocksGoForward_CountsTheHoursThatPassed()
    {
        var bundle = ReadFixture();

        // 23:00 on the 29th to 04:00 on the 30th: four hours, as 02:00 became 03:00.
        Assert.Equal(
            [(new DateOnly(2025, 3, 29), 60), (new DateOnly(2025, 3, 30), 180)],
            Sessions(bundle, "receta").Where(session => session.Date.Month == 3 && session.Date.Day >= 29));
    }

    [Fact]
    public void Read_DayTheClocksGoBack_IsCutTo1440MinutesWithAWarning()
    {
        var bundle = ReadFixture();

        // 22:00 on the 25th to 02:00 on the 27th; the 26th lasts 25 hours.
        Assert.Equal(
            [(new DateOnly(2025, 10, 25), 120), (new DateOnly(2025, 10, 26), 1440), (new DateOnly(2025, 10, 27), 120)],
            Sessions(bundle, "Deep work"));
        Assert.Contains("Work on a day longer than 24 hours (the clocks went back) was cut to 1,440 minutes.", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_PiecesUnderAMinute_AreDroppedAndCounted()
    {
        var bundle = ReadFixture();

        // 40 s on the 14th; 23:59:30–00:30 leaves 30 s on the 14th and 30 min on the 15th.
        Assert.Equal(
            [(new DateOnly(2025, 3, 15), 30), (new DateOnly(2025, 3, 29), 60), (new DateOnly(2025, 3, 30), 180)],
            Sessions(bundle, "receta"));
        Assert.Contains("Pieces of Timewarrior intervals shorter than a minute (2 times)", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_IntervalWithoutTags_IsWorkWithNoTags()
    {
        var bundle = ReadFixture();

        Assert.Equal([(new DateOnly(2025, 3, 15), 30)], Sessions(bundle));
    }

    [Fact]
    public void Read_RunningInterval_IsIgnoredAndCounted()
    {
        var bundle = ReadFixture();

        Assert.Contains("Running Timewarrior intervals (not stopped yet) (1 time)", bundle.Problems.Warnings);
        Assert.Equal(3, bundle.Problems.Ignored);
        Assert.DoesNotContain(bundle.TaggedWork, work => work.Session.Date.Month == 11);
    }

    [Fact]
    public void Read_SameFileTwice_GivesTheSameDistinctKeys()
    {
        var keys = ReadFixture().TaggedWork.Select(work => work.Session.Key).ToList();

        Assert.Equal(keys, ReadFixture().TaggedWork.Select(work => work.Session.Key));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal("20250313T073000Z/20250313T091500Z/[\"Deep work\",\"receta\"]/2025-03-13", keys[0]);
    }

    [Fact]
    public void Read_ZoneThatSkipsMidnight_StartsTheDayWhenTheClocksJump()
    {
        // Havana went from 00:00 to 01:00 on 2025-03-09: that day began at 05:00 UTC.
        var bundle = ReadText("""[{"id":1,"start":"20250309T040000Z","end":"20250309T060000Z","tags":["x"]}]""", In("America/Havana"));

        Assert.Equal([(new DateOnly(2025, 3, 8), 60), (new DateOnly(2025, 3, 9), 60)], Sessions(bundle, "x"));
    }

    [Fact]
    public void Read_ZoneWhereMidnightHappensTwice_StartsTheDayAtTheFirst()
    {
        // Havana went from 01:00 back to 00:00 on 2025-11-02: that day began at 04:00 UTC.
        var bundle = ReadText("""[{"id":1,"start":"20251102T030000Z","end":"20251102T060000Z","tags":["x"]}]""", In("America/Havana"));

        Assert.Equal([(new DateOnly(2025, 11, 1), 60), (new DateOnly(2025, 11, 2), 120)], Sessions(bundle, "x"));
    }

    [Fact]
    public void Read_HalfMinutes_RoundToTheNearestMinute()
    {
        var bundle = ReadText("""
            [
            {"id":2,"start":"20250313T080000Z","end":"20250313T080130Z","tags":["up"]},
            {"id":1,"start":"20250313T090000Z","end":"20250313T090129Z","tags":["down"]}
            ]
            """);

        Assert.Equal([(new DateOnly(2025, 3, 13), 2)], Sessions(bundle, "up"));
        Assert.Equal([(new DateOnly(2025, 3, 13), 1)], Sessions(bundle, "down"));
    }

    [Fact]
    public void Read_IntervalLongerThanAMonth_IsIgnoredAndCounted()
    {
        var bundle = ReadText("""[{"id":1,"start":"20250101T080000Z","end":"20250301T080000Z","tags":["forgot"]}]""");

        Assert.Empty(bundle.TaggedWork);
        Assert.Equal(["Timewarrior intervals longer than 31 days (a timer left running?) (1 time)"], bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_TheSameIntervalTwice_IsImportedOnce()
    {
        var bundle = ReadText("""
            [
            {"id":2,"start":"20250313T080000Z","end":"20250313T090000Z","tags":["b","a"]},
            {"id":1,"start":"20250313T080000Z","end":"20250313T090000Z","tags":["a","b"]}
            ]
            """);

        Assert.Single(bundle.TaggedWork);
        Assert.Equal(1, bundle.Problems.Ignored);
    }

    [Theory]
    [InlineData("""[{"id":1,"end":"20250313T090000Z"}]""", "line 1, interval 1, start", "This field is missing.")]
    [InlineData("""[{"id":1,"start":"20250313T100000Z","end":"20250313T090000Z"}]""", "line 1, interval 1, end", "The interval ends before it starts.")]
    [InlineData("""[{"id":1,"start":"2025-03-13 10:00","end":"20250313T110000Z"}]""", "line 1, interval 1, start", "\"2025-03-13 10:00\" is not a UTC time like 20250320T090000Z.")]
    [InlineData("""[{"id":1,"start":"18991231T100000Z","end":"20250313T110000Z"}]""", "line 1, interval 1, start", "The date 1899-12-31 is outside 1900–2999.")]
    [InlineData("""[{"id":1,"start":"20250313T100000Z","end":"20250313T110000Z","tags":"x"}]""", "line 1, interval 1, tags", "Expected an array here, found a string.")]
    [InlineData("""[{"id":1,"start":"20250313T100000Z","end":"20250313T110000Z","tags":[1]}]""", "line 1, interval 1, tags", "Expected a string here, found a number.")]
    [InlineData("""[{"id":1,"start":"20250313T100000Z","end":"20250313T110000Z","annotation":{}}]""", "line 1, interval 1, annotation", "Expected a string here, found an object.")]
    [InlineData("""[["20250313T100000Z"]]""", "line 1, interval 1", "Expected an object here, found an array.")]
    public void Read_MalformedInterval_IsAnErrorNamingTheIntervalAndField(string json, string where, string message)
    {
        var bundle = ReadText(json);

        Assert.Equal(new ImportError(where, message), Assert.Single(bundle.Problems.Errors));
        Assert.Empty(bundle.TaggedWork);
    }

    [Theory]
    [InlineData("inc 20250313T100000Z - 20250313T104500Z # meeting")]
    [InlineData("[\n{\"id\":1,\"start\":\"20250313T100000Z\"")]
    [InlineData("")]
    public void Read_NotAnExport_IsAnErrorNotAnException(string text)
    {
        var bundle = ReadText(text);

        Assert.True(bundle.Problems.HasErrors);
        Assert.Empty(bundle.TaggedWork);
    }

    [Fact]
    public void Read_EmptyDatabase_IsNothingAndNoError()
    {
        var bundle = ReadText("[\n]\n");

        Assert.False(bundle.Problems.HasErrors);
        Assert.Empty(bundle.TaggedWork);
    }
}
