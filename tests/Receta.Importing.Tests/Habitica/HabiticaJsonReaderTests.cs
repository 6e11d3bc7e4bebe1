using System.Text;
using Receta.Importing;
using Receta.Importing.Habitica;

namespace Receta.Importing.Tests.Habitica;

public sealed class HabiticaJsonReaderTests
{
    // The fixture's user lives in New York with her day starting at 04:00 (Fixtures/Habitica/README.md).
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly DateTimeOffset ImportedAt = new(2025, 3, 12, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_UserDataExport_MakesOneHabiticaGoal()
    {
        var bundle = ReadFixture("habitica-user-data.json", NewYork);

        Assert.False(bundle.Problems.HasErrors, string.Join("; ", bundle.Problems.Errors));
        var goal = Assert.Single(bundle.Goals);
        Assert.Equal("habitica", goal.Key);
        Assert.Equal("Habitica", goal.Title);
        Assert.False(bundle.NeedsGoal);
        // The first day anything was done: Workout's tick of 2025-02-14.
        Assert.Equal(new DateOnly(2025, 2, 14), goal.StartDate);
        Assert.Empty(goal.Entries);
        Assert.Empty(goal.Work);
        string[] warnings =
            [
                $"{ImportTexts.HabiticaHabitsIgnored} (2 times)",
                $"{ImportTexts.HabiticaMonthlyIgnored} (1 time)",
                $"{ImportTexts.HabiticaNeverDueIgnored} (2 times)",
                $"{ImportTexts.HabiticaTooRareIgnored} (1 time)",
                $"{ImportTexts.HabiticaRewardsIgnored} (1 time)",
                $"{ImportTexts.HabiticaNotesDropped} (2 times)",
                ImportTexts.HabiticaUnreadableDueDate,
                ImportTexts.HabiticaCompressedHistory,
            ];
        Assert.Equal(warnings.Order(StringComparer.Ordinal), bundle.Problems.Warnings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_DailiesWithAScheduleInDays_BecomeHabitsWithTimesInPerDays()
    {
        var goal = Assert.Single(ReadFixture("habitica-user-data.json", NewYork).Goals);

        Assert.Equal(
            [
                ("0b5d7c1e-2a34-4b8e-9f10-a1b2c3d4e5f6", "Morning stretch", 1, 2),
                ("1c6e8d2f-3b45-4c9f-8021-b2c3d4e5f607", "Workout", 5, 7),
                ("2d7f9e30-4c56-4da0-9132-c3d4e5f60718", "Llamar a la abuela 📞", 1, 14),
            ],
            goal.Habits.Select(habit => (habit.Key, habit.Title, habit.Times, habit.PerDays)));
    }

    [Fact]
    public void Read_CompletedHistory_ChecksTheUsersHabiticaDay()
    {
        var goal = Assert.Single(ReadFixture("habitica-user-data.json", NewYork).Goals);
        var stretch = goal.Habits.Single(habit => habit.Title == "Morning stretch");

        // 03-03 twice (07:15 and 21:00: one check); 03-05 at 02:00, before the 04:00 day start, is
        // still 03-04; 03-09 at 23:30 in New York is 03:30 on the 10th in UTC. The completed:false,
        // null and averaged entries give nothing.
        Assert.Equal([new(2025, 3, 3), new(2025, 3, 4), new(2025, 3, 9)], stretch.Checks);
        Assert.Empty(stretch.Skips);
    }

    [Fact]
    public void Read_HistoryDateAsIsoText_ChecksItsLocalDay()
    {
        var goal = Assert.Single(ReadFixture("habitica-user-data.json", NewYork).Goals);
        var workout = goal.Habits.Single(habit => habit.Title == "Workout");

        // "2025-02-14T15:00:00.000Z" is 10:00 in New York; the second tick is a ms Number.
        Assert.Equal([new(2025, 2, 14), new(2025, 2, 17)], workout.Checks);
    }

    [Fact]
    public void Read_DailiesWithoutADaysSchedule_AreIgnoredWithTheirKindNamed()
    {
        var problems = ReadFixture("habitica-user-data.json", NewYork).Problems;

        // 2 habits, 1 reward; Pay rent (monthly), Paused daily (every 0 days), Never scheduled (no
        // weekday), Deep clean (every 5 weeks = 35 days).
        Assert.Equal(7, problems.Ignored);
        Assert.Contains($"{ImportTexts.HabiticaMonthlyIgnored} (1 time)", problems.Warnings);
        Assert.Contains($"{ImportTexts.HabiticaNeverDueIgnored} (2 times)", problems.Warnings);
        Assert.Contains($"{ImportTexts.HabiticaTooRareIgnored} (1 time)", problems.Warnings);
    }

    [Fact]
    public void Read_HabitsAndRewards_AreIgnoredAndCounted()
    {
        var bundle = ReadFixture("habitica-user-data.json", NewYork);

        Assert.Contains($"{ImportTexts.HabiticaHabitsIgnored} (2 times)", bundle.Problems.Warnings);
        Assert.Contains($"{ImportTexts.HabiticaRewardsIgnored} (1 time)", bundle.Problems.Warnings);
        Assert.DoesNotContain(bundle.Goals[0].Habits, habit => habit.Title is "Drink water" or "Snack at night");
        Assert.DoesNotContain(bundle.Goals[0].Milestones, milestone => milestone.Title == "Watch an episode");
    }

    [Fact]
    public void Read_CompressedHistory_WarnsOnceThatItCouldNotBecomeChecks()
    {
        var warnings = ReadFixture("habitica-user-data.json", NewYork).Problems.Warnings;

        Assert.Single(warnings, warning => warning.StartsWith("Habitica keeps older history", StringComparison.Ordinal));
        Assert.Contains(ImportTexts.HabiticaCompressedHistory, warnings);
    }

    [Fact]
    public void Read_Todos_BecomeMilestonesWithLocalDueAndCompletionDates()
    {
        var goal = Assert.Single(ReadFixture("habitica-user-data.json", NewYork).Goals);

        Assert.Equal(
            [
                // Due at New York's midnight (04:00Z); done at 22:30 on the 9th, 02:30Z on the 10th.
                ("72c4e385-91ab-42f5-a687-18293a4b5c6d", "File taxes", new DateOnly(2025, 4, 15), new DateOnly(2025, 3, 9)),
                ("83d5f496-a2bc-4306-b798-293a4b5c6d7e", "Renew passport", new DateOnly(2025, 6, 1), null),
                ("94e607a7-b3cd-4417-88a9-3a4b5c6d7e8f", "Buy a gift", null, null),
                ("a5f718b8-c4de-4528-99ba-4b5c6d7e8f90", "Read a novel", null, null),
            ],
            goal.Milestones.Select(milestone => (milestone.Key, milestone.Title, milestone.DueDate, milestone.CompletedOn)));
        Assert.All(goal.Milestones, milestone => Assert.Empty(milestone.DependsOn));
    }

    [Fact]
    public void Read_TodoWithAFreeTextDueDate_KeepsTheTodoWithoutADueDateAndWarns()
    {
        var bundle = ReadFixture("habitica-user-data.json", NewYork);

        Assert.False(bundle.Problems.HasErrors);
        Assert.Null(bundle.Goals[0].Milestones.Single(milestone => milestone.Title == "Buy a gift").DueDate);
        Assert.Contains(ImportTexts.HabiticaUnreadableDueDate, bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_NotesAndChecklists_AreToldToBeLeftOut()
    {
        var warnings = ReadFixture("habitica-user-data.json", NewYork).Problems.Warnings;

        // Morning stretch's notes and File taxes' checklist; empty notes say nothing.
        Assert.Contains($"{ImportTexts.HabiticaNotesDropped} (2 times)", warnings);
    }

    [Fact]
    public void Read_UserWithoutTodosAndPreferencesAfterTasks_StillShiftsByDayStart()
    {
        var bundle = ReadFixture("habitica-no-todos.json", Madrid);

        Assert.False(bundle.Problems.HasErrors, string.Join("; ", bundle.Problems.Errors));
        var goal = Assert.Single(bundle.Goals);
        Assert.Empty(goal.Milestones);
        var meditate = Assert.Single(goal.Habits);
        Assert.Equal(("Meditate", 1, 1), (meditate.Title, meditate.Times, meditate.PerDays));
        // 01:30 and 00:30 Madrid time fall before the 03:00 day start.
        Assert.Equal([new(2025, 1, 19), new(2025, 1, 20), new(2025, 1, 21)], meditate.Checks);
        Assert.Equal(1, bundle.Problems.Ignored);
        Assert.DoesNotContain(ImportTexts.HabiticaCompressedHistory, bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_TheSameTickInAnotherZone_LandsOnThatZonesDay()
    {
        // 2025-03-10T03:30Z: the 9th in New York, the 10th in Tokyo (12:30, after any day start).
        var json = Export("""{"dailys":[{"id":"d","text":"Tick","frequency":"daily","everyX":1,"history":[{"date":1741577400000,"value":1,"isDue":true,"completed":true}]}]}""");

        var newYork = ReadText(json, NewYork);
        var tokyo = ReadText(json, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        Assert.Equal([new DateOnly(2025, 3, 9)], newYork.Goals[0].Habits[0].Checks);
        Assert.Equal([new DateOnly(2025, 3, 10)], tokyo.Goals[0].Habits[0].Checks);
    }

    [Fact]
    public void Read_UserWithNoTasksAtAll_MakesAnEmptyGoal()
    {
        var bundle = ReadText("""{"_id":"u","tasks":{},"preferences":{"dayStart":0}}""", NewYork);

        Assert.False(bundle.Problems.HasErrors);
        var goal = Assert.Single(bundle.Goals);
        Assert.Empty(goal.Habits);
        Assert.Empty(goal.Milestones);
        Assert.Null(goal.StartDate);
        Assert.Empty(bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_DailyWithDefaults_IsWeeklyOnEveryDay()
    {
        // Mongoose fills frequency "weekly", everyX 1 and every weekday on; a weekday left out of repeat stays on.
        var bundle = ReadText(Export("""{"dailys":[{"id":"d","text":"Plain"},{"id":"e","text":"No Sunday","repeat":{"su":false}}]}"""), NewYork);

        Assert.Equal([(7, 7), (6, 7)], bundle.Goals[0].Habits.Select(habit => (habit.Times, habit.PerDays)));
    }

    [Fact]
    public void Read_MonthlyAndYearlyAndUnknownFrequencies_AreIgnoredWithDifferentReasons()
    {
        var bundle = ReadText(
            Export("""{"dailys":[{"id":"a","frequency":"monthly","everyX":1},{"id":"b","frequency":"yearly","everyX":1},{"id":"c","frequency":"hourly","everyX":1},{"id":"d","frequency":"daily","everyX":32},{"id":"e","frequency":"daily","everyX":31}]}"""),
            NewYork);

        Assert.Equal(
            [
                $"{ImportTexts.HabiticaMonthlyIgnored} (1 time)",
                $"{ImportTexts.HabiticaYearlyIgnored} (1 time)",
                $"{ImportTexts.HabiticaUnknownFrequencyIgnored} (1 time)",
                $"{ImportTexts.HabiticaTooRareIgnored} (1 time)",
            ],
            bundle.Problems.Warnings);
        var kept = Assert.Single(bundle.Goals[0].Habits);
        Assert.Equal(("e", 1, 31), (kept.Key, kept.Times, kept.PerDays));
    }

    [Fact]
    public void Read_CompletedTodoWithoutACompletionDate_IsDoneOnItsLastChange()
    {
        var bundle = ReadText(
            Export("""{"todos":[{"id":"t","text":"Old one","completed":true,"updatedAt":"2016-05-02T03:00:00.000Z"},{"id":"u","text":"Older one","completed":true}]}"""),
            NewYork);

        Assert.Equal([new DateOnly(2016, 5, 1), new DateOnly(2025, 3, 12)], bundle.Goals[0].Milestones.Select(milestone => milestone.CompletedOn));
        Assert.Contains($"{ImportTexts.HabiticaCompletedWithoutDate} (2 times)", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_TodoDueDateWithoutATime_IsThatDate()
    {
        var bundle = ReadText(Export("""{"todos":[{"id":"t","text":"Plain date","date":"2025-07-04"},{"id":"u","text":"Blank","date":""},{"id":"v","text":"Today","date":"today"}]}"""), NewYork);

        Assert.Equal([new DateOnly(2025, 7, 4), null, null], bundle.Goals[0].Milestones.Select(milestone => milestone.DueDate));
        // Only "today" is unreadable; a blank due date is simply none.
        Assert.Equal([ImportTexts.HabiticaUnreadableDueDate], bundle.Problems.Warnings);
    }

    [Theory]
    [InlineData("2025-07-04T16:00:00.000Z", "2025-07-04")]
    [InlineData("2025-07-04T16:00:00Z", "2025-07-04")]
    [InlineData("2025-07-04T02:00Z", "2025-07-03")]
    [InlineData("2025-07-04T00:00:00+02:00", "2025-07-03")]
    [InlineData("2025-07-04T00:00:00.5-04:00", "2025-07-04")]
    [InlineData("2025-07-04T23:59:59", "2025-07-04")]
    [InlineData(" 2025-07-04 ", "2025-07-04")]
    public void Read_TodoDueDateInIsoForms_IsItsNewYorkDate(string due, string expected)
    {
        var bundle = ReadText(Export($$"""{"todos":[{"id":"t","text":"Due","date":"{{due}}"}]}"""), NewYork);

        Assert.Empty(bundle.Problems.Warnings);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), bundle.Goals[0].Milestones[0].DueDate);
    }

    [Theory]
    [InlineData("today")]
    [InlineData("3/13")]
    [InlineData("13/03/2025")]
    [InlineData("March 13, 2025")]
    [InlineData("+010000-01-01T00:00:00.000Z")]
    public void Read_TodoDueDateNotIso_IsDroppedWithAWarning(string due)
    {
        var bundle = ReadText(Export($$"""{"todos":[{"id":"t","text":"Due","date":"{{due}}"}]}"""), NewYork);

        Assert.False(bundle.Problems.HasErrors);
        Assert.Null(bundle.Goals[0].Milestones[0].DueDate);
        Assert.Equal([ImportTexts.HabiticaUnreadableDueDate], bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_LongTitle_IsCutWithTheSharedWarning()
    {
        var bundle = ReadText(Export($$"""{"todos":[{"id":"t","text":"{{new string('x', 300)}}"},{"id":"u","text":"  "}]}"""), NewYork);

        Assert.Equal(200, bundle.Goals[0].Milestones[0].Title.Length);
        Assert.Equal("Untitled to-do", bundle.Goals[0].Milestones[1].Title);
        Assert.Contains("Titles longer than 200 characters were cut to 200.", bundle.Problems.Warnings);
    }

    [Theory]
    [InlineData("", "line 1, byte 1")]
    [InlineData("hello", "line 1, byte 1")]
    [InlineData("""{"tasks":{"dailys":[}}""", "line 1, byte 21")]
    [InlineData("""{"tasks":{}} trailing""", "line 1, byte 14")]
    public void Read_NotJson_IsAnErrorWithThePlace(string text, string where)
    {
        var bundle = ReadText(text, NewYork);

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal(where, error.Where);
        Assert.StartsWith("The file is not valid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_TruncatedDownload_IsAnErrorNotAnException()
    {
        var whole = File.ReadAllText(FixturePath("habitica-user-data.json"));

        var bundle = ReadText(whole[..(whole.Length / 2)], NewYork);

        Assert.True(bundle.Problems.HasErrors);
        Assert.Empty(bundle.Goals);
    }

    [Theory]
    [InlineData("""[{"tasks":{}}]""", "the file")]
    [InlineData("""{"_id":"u","items":{}}""", "tasks")]
    [InlineData("""{"tasks":[]}""", "tasks")]
    [InlineData("""{"tasks":{"dailys":{}}}""", "tasks.dailys")]
    [InlineData("""{"tasks":{"habits":"none"}}""", "tasks.habits")]
    [InlineData("""{"tasks":{},"preferences":{"dayStart":24}}""", "preferences, dayStart")]
    [InlineData("""{"tasks":{},"preferences":{"dayStart":"4"}}""", "preferences, dayStart")]
    [InlineData("""{"tasks":{},"preferences":[]}""", "preferences")]
    public void Read_WrongStructure_IsAnErrorNamingThePlace(string text, string where)
    {
        var bundle = ReadText(text, NewYork);

        Assert.Equal(where, Assert.Single(bundle.Problems.Errors).Where);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_BadRecords_AreErrorsNamingEachRecordAndField()
    {
        var bundle = ReadText(
            Export("""
                {"dailys":[
                  {"text":"No id"},
                  {"id":"a","text":7},
                  {"id":"b","everyX":1.5},
                  {"id":"c","repeat":{"m":"yes"}},
                  {"id":"d","history":[{"date":1741577400000,"completed":true},{"date":true,"completed":true},{"completed":true},{"date":"soon","completed":true},{"date":1,"completed":"yes"},7]},
                  {"id":"e","history":{}},
                  {"id":"a"},
                  "daily",
                  {"id":"f","history":[{"date":-2208988800001,"completed":true}]}
                ],
                "todos":[{"id":"t","completed":true,"dateCompleted":"yesterday"},{"id":"u","date":"1850-01-01"},{"id":"v","completed":1}]}
                """),
            NewYork);

        Assert.Equal(
            [
                "tasks.dailys[0], id",
                "tasks.dailys[1], text",
                "tasks.dailys[2], everyX",
                "tasks.dailys[3], repeat.m",
                "tasks.dailys[4].history[1], date",
                "tasks.dailys[4].history[2], date",
                "tasks.dailys[4].history[3], date",
                "tasks.dailys[4].history[4], completed",
                "tasks.dailys[4].history[5]",
                "tasks.dailys[5], history",
                "tasks.dailys[6], id",
                "tasks.dailys[7]",
                "tasks.todos[0], dateCompleted",
                "tasks.todos[1], date",
                "tasks.todos[2], completed",
                "tasks.dailys[8].history[0], date",
            ],
            bundle.Problems.Errors.Select(error => error.Where));
        Assert.Contains(bundle.Problems.Errors, error => error.Message == "Another daily of the file has the same id.");
        Assert.Contains(bundle.Problems.Errors, error => error.Message == "The date 1899-12-31 is outside 1900–2999.");
    }

    [Fact]
    public void Read_InvalidUtf8InATitle_IsAnError()
    {
        var bytes = Encoding.UTF8.GetBytes(Export("""{"todos":[{"id":"t","text":"bad ?"}]}"""));
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;

        var bundle = ReadBytes(bytes, NewYork);

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("tasks.todos[0], text", error.Where);
        Assert.Equal("\"text\" is not valid UTF-8.", error.Message);
    }

    [Fact]
    public void Read_NestedTooDeeply_IsAnErrorNotAnException()
    {
        var text = """{"items":""" + new string('[', 200) + new string(']', 200) + ""","tasks":{}}""";

        var bundle = ReadText(text, NewYork);

        Assert.Single(bundle.Problems.Errors);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_ByteOrderMark_IsSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Export("""{"todos":[{"id":"t","text":"With BOM"}]}"""))).ToArray();

        var bundle = ReadBytes(bytes, NewYork);

        Assert.False(bundle.Problems.HasErrors);
        Assert.Equal("With BOM", bundle.Goals[0].Milestones[0].Title);
    }

    [Fact]
    public void Read_LargeExport_SkipsTheRestAndReadsTasksAcrossChunks()
    {
        // Megabytes of inbox and a long text before the tasks, and enough dailies that the chunks
        // end inside them, in every place a token can be cut.
        var inbox = new StringBuilder("""{"_id":"u","inbox":{"messages":{""");
        for (var message = 0; message < 20_000; message++)
        {
            inbox.Append(message == 0 ? "" : ",").Append($$"""
                "m{{message}}":{"id":"m{{message}}","text":"Hello \"tasks\" number {{message}}","timestamp":"2025-03-01T10:00:00.000Z","likes":{},"nested":[[{"a":[1,2,{"b":null}]}]]}
                """);
        }
        inbox.Append($$$"""}},"profile":{"blurb":"{{{new string('y', 300_000)}}}"},"tasks":{"dailys":[""");
        for (var daily = 0; daily < 3_000; daily++)
        {
            inbox.Append(daily == 0 ? "" : ",").Append($$"""
                {"_id":"d{{daily}}","text":"Daily {{daily}} ünïcödé","frequency":"daily","everyX":1,"history":[{"date":1741004100000,"value":1.25,"isDue":true,"completed":true},{"date":1741158000000,"value":-0.5,"isDue":true,"completed":false}],"id":"d{{daily}}"}
                """);
        }
        inbox.Append("""]},"preferences":{"dayStart":0}}""");

        var bundle = ReadText(inbox.ToString(), NewYork);

        Assert.False(bundle.Problems.HasErrors, string.Join("; ", bundle.Problems.Errors));
        var habits = bundle.Goals[0].Habits;
        Assert.Equal(3_000, habits.Count);
        Assert.Equal(Enumerable.Range(0, 3_000).Select(daily => $"Daily {daily} ünïcödé"), habits.Select(habit => habit.Title));
        Assert.All(habits, habit => Assert.Equal([new DateOnly(2025, 3, 3)], habit.Checks));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1000)]
    public void Read_ChunksEndingAnywhere_ReadTheSameAsOneChunk(int chunkBytes)
    {
        var bytes = File.ReadAllBytes(FixturePath("habitica-user-data.json"));
        var whole = ReadStream(bytes, bytes.Length, JsonFileStream.DefaultMaxValueBytes);

        var chunked = ReadStream(bytes, chunkBytes, JsonFileStream.DefaultMaxValueBytes);

        Assert.Equal(Describe(whole), Describe(chunked));
    }

    [Fact]
    public void Read_ValueLargerThanTheLimit_IsAnErrorAtItsByte()
    {
        var text = """{"_id":"u","profile":{"blurb":"__LONG__"},"tasks":{}}""".Replace("__LONG__", new string('z', 5_000), StringComparison.Ordinal);

        var bundle = ReadStream(Encoding.UTF8.GetBytes(text), 256, 4096);

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("byte 31", error.Where);
        Assert.Equal("A single value of the file is larger than 4,096 bytes.", error.Message);
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var context = new ImportContext(NewYork, ImportedAt, cancellation.Token);

        Assert.Throws<OperationCanceledException>(() => HabiticaJsonReader.Read(FixturePath("habitica-user-data.json"), context));
    }

    private static ImportBundle ReadStream(byte[] bytes, int chunkBytes, int maxValueBytes)
    {
        using var stream = new MemoryStream(bytes);
        return HabiticaJsonReader.Read(stream, new ImportContext(NewYork, ImportedAt, TestContext.Current.CancellationToken), chunkBytes, maxValueBytes);
    }

    // Everything a reading produced, as text, to compare two readings of one file.
    private static string Describe(ImportBundle bundle) =>
        string.Join(
            "\n",
            [
                .. bundle.Goals.SelectMany(goal => goal.Habits).Select(habit => $"{habit.Key} {habit.Title} {habit.Times}/{habit.PerDays} {string.Join(",", habit.Checks)}"),
                .. bundle.Goals.SelectMany(goal => goal.Milestones).Select(milestone => $"{milestone.Key} {milestone.Title} {milestone.DueDate} {milestone.CompletedOn}"),
                .. bundle.Problems.Warnings,
                .. bundle.Problems.Errors.Select(error => $"{error.Where}: {error.Message}"),
            ]);

    private static string Export(string tasks) => $$$"""{"_id":"u","tasks":{{{tasks}}},"preferences":{"dayStart":4}}""";

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Habitica", name);

    private static ImportBundle ReadFixture(string name, TimeZoneInfo zone) =>
        HabiticaJsonReader.Read(FixturePath(name), new ImportContext(zone, ImportedAt, TestContext.Current.CancellationToken));

    private static ImportBundle ReadText(string text, TimeZoneInfo zone) => ReadBytes(new UTF8Encoding(false).GetBytes(text), zone);

    private static ImportBundle ReadBytes(byte[] bytes, TimeZoneInfo zone)
    {
        var path = Path.Combine(Path.GetTempPath(), $"habitica-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bytes);
        try
        {
            return HabiticaJsonReader.Read(path, new ImportContext(zone, ImportedAt, TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
