using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;
using static Receta.Web.Tests.Importing.ImportApi;
using static Receta.Web.Tests.Importing.ImportFiles;

namespace Receta.Web.Tests.Importing;

/// <summary>Each app's file, made in its real layout, imported through the API into a new account.</summary>
public abstract class FormatImportTests(RecetaApp app)
{
    [Fact]
    public async Task Habitica_UserData_BecomesAGoalOfHabitsWithTheirDaysAndMilestonesFromTodos()
    {
        var user = await app.CreateUserAsync("America/New_York");

        var import = await ImportAsync(user, Fixture("Habitica/habitica-user-data.json"), "habitica-user-data.json");

        AssertSucceeded(import);
        Assert.Equal("habitica-json", import.GetProperty("format").GetString());
        Assert.Equal((1, 3, 4), (Created(import, "goals"), Created(import, "habits"), Created(import, "milestones")));
        var goal = await OnlyGoalAsync(user);
        Assert.Equal("Habitica", goal.GetProperty("title").GetString());
        var habits = (await GetJsonAsync(user, $"/api/v1/goals/{Id(goal)}/habits?asOf=2025-03-31")).GetProperty("items").EnumerateArray()
            .ToDictionary(h => h.GetProperty("title").GetString()!);
        var stretch = habits["Morning stretch"];
        Assert.Equal((1, 2), (stretch.GetProperty("times").GetInt32(), stretch.GetProperty("perDays").GetInt32()));
        Assert.Equal(["2025-03-03", "2025-03-04", "2025-03-09"], Dates(stretch, "checks"));
        Assert.Equal((5, 7), (habits["Workout"].GetProperty("times").GetInt32(), habits["Workout"].GetProperty("perDays").GetInt32()));
        Assert.True(Skipped(import, "ignored") >= 4);
    }

    [Fact]
    public async Task Habitica_ImportedAgain_CreatesNothing()
    {
        var user = await app.CreateUserAsync("America/New_York");
        var first = await ImportAsync(user, Fixture("Habitica/habitica-user-data.json"), "habitica-user-data.json");

        var again = await ImportAsync(user, Fixture("Habitica/habitica-user-data.json"), "habitica-user-data.json", "habitica-json");

        AssertSucceeded(again);
        Assert.All(again.GetProperty("created").EnumerateObject(), count => Assert.Equal(0, count.Value.GetInt64()));
        var firstTotal = first.GetProperty("created").EnumerateObject().Sum(count => count.Value.GetInt64());
        Assert.Equal(firstTotal, Skipped(again, "duplicates"));
        Assert.Single((await GetJsonAsync(user, "/api/v1/goals")).GetProperty("items").EnumerateArray());
    }

    // Loop Habit Tracker, "Export as CSV" (2.3.1). Fixtures/Loop/csv-2.3.1 holds, by Habits.csv:
    // 001 Meditate (yes/no, 1/1), 002 Run (numerical, km, 15.0 per 7 days), 003 "Read, 20 pages"
    // (yes/no, 3/7), 004 Méditer (yes/no, 1/60, archived), 005 Say "thank you" (yes/no, 5/5),
    // 006 Water (numerical, litres, target 0.0).

    [Fact]
    public async Task LoopCsv_Export231_BecomesTheLoopGoalOfItsYesNoHabitsAndAGoalPerNumericalHabit()
    {
        var user = await app.CreateUserAsync();

        var import = await ImportAsync(user, LoopZip("csv-2.3.1"), "Loop Habits CSV 2025-03-14.zip");

        AssertSucceeded(import);
        Assert.Equal("loop-csv", import.GetProperty("format").GetString());
        // Goals: Loop Habit Tracker, Run, Water. Checks: 2 + 3 + 2 + 2 YES_MANUAL days; skips: Meditate's and Read's SKIP;
        // entries: Run's 2 amounts and Water's 4 (YES_AUTO and YES_MANUAL are 0.001 and 0.002 of a numerical habit).
        Assert.Equal((3, 4, 9, 2, 6), (Created(import, "goals"), Created(import, "habits"), Created(import, "checks"), Created(import, "skips"), Created(import, "entries")));
        // The YES_AUTO days of Read (3) and Méditer (2), and the SKIP of the numerical Run, which has no habit to skip.
        Assert.Equal(6, Skipped(import, "ignored"));
        Assert.Contains(Warnings(import), w => w.Contains("YES_AUTO", StringComparison.Ordinal) && w.Contains("(5 times)", StringComparison.Ordinal));

        var habits = await HabitsAsync(user, await GoalTitledAsync(user, "Loop Habit Tracker"));
        Assert.Equal(["Meditate", "Méditer", "Read, 20 pages", "Say \"thank you\""], habits.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((1, 1), Frequency(habits["Meditate"]));
        Assert.Equal(["2025-03-11", "2025-03-14"], Dates(habits["Meditate"], "checks"));
        Assert.Equal(["2025-03-12"], Dates(habits["Meditate"], "skips"));
        Assert.Equal((3, 7), Frequency(habits["Read, 20 pages"]));
        // 2025-03-14 to 03-16 are YES_AUTO: derived by Loop, not checks.
        Assert.Equal(["2025-03-10", "2025-03-12", "2025-03-13"], Dates(habits["Read, 20 pages"], "checks"));
        Assert.Equal(["2025-03-09"], Dates(habits["Read, 20 pages"], "skips"));
        // Archived, and once in 60 days: Receta's habits span at most 31 days.
        Assert.Equal((1, 31), Frequency(habits["Méditer"]));
        Assert.Equal(["2024-11-02", "2025-01-20"], Dates(habits["Méditer"], "checks"));
        Assert.Equal((1, 1), Frequency(habits["Say \"thank you\""]));
        Assert.Equal(["2025-03-13", "2025-03-14"], Dates(habits["Say \"thank you\""], "checks"));

        // 15 km per 7 days kept for a year: 15 × ceil(365 / 7) = 795; from the first entry to a year later.
        var run = await GetJsonAsync(user, $"/api/v1/goals/{Id(await GoalTitledAsync(user, "Run"))}");
        Assert.Equal(("km", "sum", 0.0, 795.0), Measure(run));
        Assert.Equal(("2025-03-06", "2026-03-06"), Dates(run));
        Assert.Equal([("2025-03-06", 4.5, "Treadmill, \"easy\" pace"), ("2025-03-13", 5.25, "Park loop")], await EntriesAsync(user, run));
        // A target of 0 becomes the sum of the values.
        var water = await GetJsonAsync(user, $"/api/v1/goals/{Id(await GoalTitledAsync(user, "Water"))}");
        var (unit, aggregation, start, target) = Measure(water);
        Assert.Equal(("litres", "sum", 0.0), (unit, aggregation, start));
        Assert.Equal(5.503, target, 9);
        Assert.Equal(("2025-03-10", "2026-03-10"), Dates(water));
        var waterEntries = await EntriesAsync(user, water);
        Assert.Equal(["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-14"], waterEntries.Select(e => e.Date));
        Assert.Equal([0.002, 0.001, 2.5, 3.0], waterEntries.Select(e => e.Value));
        Assert.Equal("After the gym", waterEntries[2].Note);
    }

    [Fact]
    public async Task LoopCsv_ImportedAgain_CreatesNothingAndCountsEverythingADuplicate()
    {
        var user = await app.CreateUserAsync();
        var first = await ImportAsync(user, LoopZip("csv-2.3.1"), "Loop Habits CSV 2025-03-14.zip");

        var again = await ImportAsync(user, LoopZip("csv-2.3.1"), "Loop Habits CSV 2025-03-15.zip", "loop-csv");

        AssertSucceeded(again);
        Assert.All(again.GetProperty("created").EnumerateObject(), count => Assert.Equal(0, count.Value.GetInt64()));
        Assert.Equal(CreatedTotal(first), Skipped(again, "duplicates"));
        Assert.Equal(3, (await GoalsAsync(user)).Count);
        var habits = await HabitsAsync(user, await GoalTitledAsync(user, "Loop Habit Tracker"));
        Assert.Equal(4, habits.Count);
        Assert.Equal(["2025-03-11", "2025-03-14"], Dates(habits["Meditate"], "checks"));
        Assert.Equal(2, (await EntriesAsync(user, await GoalTitledAsync(user, "Run"))).Count);
    }

    [Fact]
    public async Task LoopCsv_Export18IntoAGoal_PutsItsHabitsThereAndCreatesNoGoal()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Morning routine" }));

        var import = await ImportAsync(user, LoopZip("csv-1.8"), "Loop Habits CSV 2017-02-14.zip", goalId: goal);

        AssertSucceeded(import);
        Assert.Equal("loop-csv", import.GetProperty("format").GetString());
        Assert.Equal((0, 1, 2), (Created(import, "goals"), Created(import, "habits"), Created(import, "checks")));
        // 1.x wrote 1 for a day checked implicitly (Loop's YES_AUTO).
        Assert.Equal(1, Skipped(import, "ignored"));
        Assert.Equal(goal, Id(Assert.Single(await GoalsAsync(user))));
        var habit = Assert.Single((await HabitsAsync(user, goal)).Values);
        Assert.Equal("Wake up early", habit.GetProperty("title").GetString());
        Assert.Equal((2, 3), Frequency(habit));
        Assert.Equal(["2017-02-11", "2017-02-14"], Dates(habit, "checks"));
    }

    [Fact]
    public async Task LoopCsv_WithNumericalHabitsIntoAGoalWithAMeasure_PutsHabitsAndEntriesThereAndCreatesNoGoal()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Get fit", measure = new { unit = "points", start = 0, target = 100, aggregation = "sum" } }));

        var import = await ImportAsync(user, LoopZip("csv-2.3.1"), "Loop Habits CSV 2025-03-14.zip", goalId: goal);

        AssertSucceeded(import);
        Assert.Equal((0, 4, 9, 2, 6), (Created(import, "goals"), Created(import, "habits"), Created(import, "checks"), Created(import, "skips"), Created(import, "entries")));
        Assert.Equal(goal, Id(Assert.Single(await GoalsAsync(user))));
        var habits = await HabitsAsync(user, goal);
        Assert.Equal(["Meditate", "Méditer", "Read, 20 pages", "Say \"thank you\""], habits.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["2025-03-10", "2025-03-12", "2025-03-13"], Dates(habits["Read, 20 pages"], "checks"));
        Assert.Equal(6, (await EntriesAsync(user, goal)).Count);
    }

    // Loop's "Export full backup", schema 25 (Fixtures/Loop/backup-schema-25.sql): Meditate (1/1), Run (numerical,
    // km, 15.0 per 7 days), "Read, 20 pages" (3/7, a migrated uuid longer than 32), Blood donation (1/60, archived).
    // Timestamps are ms at 00:00 UTC of the local date: 1741910400000 is 2025-03-14, one day less per 86,400,000.

    [Fact]
    public async Task LoopDb_Schema25Backup_BecomesTheLoopGoalOfItsYesNoHabitsAndAGoalPerNumericalHabit()
    {
        var user = await app.CreateUserAsync("Pacific/Auckland");

        var import = await ImportAsync(user, LoopBackup("backup-schema-25.sql"), "Loop Habits Backup 2025-03-14 201500.db");

        AssertSucceeded(import);
        Assert.Equal("loop-db", import.GetProperty("format").GetString());
        Assert.Equal((2, 3, 5, 1, 2), (Created(import, "goals"), Created(import, "habits"), Created(import, "checks"), Created(import, "skips"), Created(import, "entries")));
        // Run's SKIP; its 0, -1 and -250 are no entries.
        Assert.Equal(1, Skipped(import, "ignored"));
        // Dates are Loop's local dates as they are, whatever the importing user's zone.
        var habits = await HabitsAsync(user, await GoalTitledAsync(user, "Loop Habit Tracker"));
        Assert.Equal(["Blood donation", "Meditate", "Read, 20 pages"], habits.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((1, 1), Frequency(habits["Meditate"]));
        Assert.Equal(["2025-03-14"], Dates(habits["Meditate"], "checks"));
        Assert.Equal(["2025-03-12"], Dates(habits["Meditate"], "skips"));
        Assert.Equal((3, 7), Frequency(habits["Read, 20 pages"]));
        Assert.Equal(["2025-03-10", "2025-03-12", "2025-03-13"], Dates(habits["Read, 20 pages"], "checks"));
        Assert.Equal((1, 31), Frequency(habits["Blood donation"]));
        Assert.Equal(["2025-01-20"], Dates(habits["Blood donation"], "checks"));
        var run = await GetJsonAsync(user, $"/api/v1/goals/{Id(await GoalTitledAsync(user, "Run"))}");
        Assert.Equal(("km", "sum", 0.0, 795.0), Measure(run));
        Assert.Equal(("2025-03-06", "2026-03-06"), Dates(run));
        Assert.Equal([("2025-03-06", 4.5, "Treadmill, \"easy\" pace"), ("2025-03-13", 5.25, "Park loop")], await EntriesAsync(user, run));
    }

    [Fact]
    public async Task LoopDb_ImportedAgainWithAHabitRenamedAndADayChecked_FindsTheHabitByItsUuidAndAddsOnlyTheCheck()
    {
        var user = await app.CreateUserAsync();
        var first = await ImportAsync(user, LoopBackup("backup-schema-25.sql"), "Loop Habits Backup 2025-03-14 201500.db");
        // Meditate renamed, with another id (as a backup restored on a new phone has), and its 2025-03-13 changed from NO to YES_MANUAL.
        var later = LoopBackup("backup-schema-25.sql", """
            PRAGMA foreign_keys = OFF;
            UPDATE Repetitions SET value = 2 WHERE id = 2;
            UPDATE Habits SET name = 'Meditate every morning', id = 10 WHERE id = 1;
            UPDATE Repetitions SET habit = 10 WHERE habit = 1;
            """);

        var again = await ImportAsync(user, later, "Loop Habits Backup 2025-03-15 090000.db");

        AssertSucceeded(again);
        Assert.Equal(1, Created(again, "checks"));
        Assert.Equal(1, CreatedTotal(again));
        Assert.Equal(CreatedTotal(first), Skipped(again, "duplicates"));
        Assert.Equal(2, (await GoalsAsync(user)).Count);
        var habits = await HabitsAsync(user, await GoalTitledAsync(user, "Loop Habit Tracker"));
        Assert.Equal(3, habits.Count);
        Assert.Equal(["2025-03-13", "2025-03-14"], Dates(habits["Meditate"], "checks"));
    }

    [Fact]
    public async Task LoopDb_SqliteFileThatIsNotALoopBackup_IsRefusedAt400AndNothingIsRecorded()
    {
        var user = await app.CreateUserAsync();
        var notes = Sqlite("CREATE TABLE Notes (id integer primary key, body text); INSERT INTO Notes VALUES (1, 'Buy milk');");

        await AssertRefusedAsync(user, notes, "notes.db", null, "Loop");
    }

    [Fact]
    public async Task LoopCsv_ZipBombExpandingPast1GiB_IsRefusedAt400AndNothingIsRecorded()
    {
        var user = await app.CreateUserAsync();
        var bomb = ZipBomb((1L << 30) + (1 << 20));
        Assert.True(bomb.Length < 8 << 20, $"The bomb is {bomb.Length:N0} bytes; it should be small.");

        await AssertRefusedAsync(user, bomb, "Loop Habits CSV 2025-03-14.zip", null, "GiB");
    }

    [Fact]
    public async Task LoopCsv_ZipOfMoreThan10000Entries_IsRefusedAt400AndNothingIsRecorded()
    {
        var user = await app.CreateUserAsync();

        await AssertRefusedAsync(user, ZipOfManyEntries(10_000), "Loop Habits CSV 2025-03-14.zip", "loop-csv", "entries");
    }

    /// <summary>A hostile container is refused at the upload: 400 naming the file, no import recorded, no goal made.</summary>
    private static async Task AssertRefusedAsync(TestUser user, byte[] file, string name, string? format, string saying)
    {
        using var form = Form(file, name, format);
        using var response = await user.Api.PostAsync("/api/v1/imports", form, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "file");
        Assert.Contains(saying, problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await GetJsonAsync(user, "/api/v1/imports")).GetProperty("items").EnumerateArray());
        Assert.Empty(await GoalsAsync(user));
    }

    // HabitBull (Fixtures/HabitBull/README.md): one row per habit and day; a value above 0 is a check.

    [Fact]
    public async Task HabitBullCsv_IsoDates_BecomesAGoalOfDailyHabitsCheckedOnTheDaysAbove0()
    {
        var user = await app.CreateUserAsync();

        var import = await ImportAsync(user, Fixture("HabitBull/habitbull-iso-dates.csv"), "habitbull.csv");

        AssertSucceeded(import);
        Assert.Equal("habitbull-csv", import.GetProperty("format").GetString());
        Assert.Equal((1, 3, 7), (Created(import, "goals"), Created(import, "habits"), Created(import, "checks")));
        var habits = await HabitsAsync(user, await GoalTitledAsync(user, "HabitBull"));
        Assert.Equal(["Breed dragons", "Pushups", "Read, then sleep"], habits.Keys.Order(StringComparer.Ordinal));
        Assert.All(habits.Values, habit => Assert.Equal((1, 1), Frequency(habit)));
        Assert.Equal(["2016-03-18", "2016-03-19", "2016-03-21"], Dates(habits["Breed dragons"], "checks"));
        Assert.Equal(["2016-03-15", "2016-03-16"], Dates(habits["Read, then sleep"], "checks"));
        // Counts above 1 are a check each day too.
        Assert.Equal(["2016-03-15", "2016-03-16"], Dates(habits["Pushups"], "checks"));
    }

    [Fact]
    public async Task HabitBullCsv_UsDates_ReadsMonthFirstAndTakesNoCheckFromGarbage()
    {
        var user = await app.CreateUserAsync();

        var import = await ImportAsync(user, Fixture("HabitBull/habitbull-us-dates.csv"), "habitbull.csv", "habitbull-csv");

        AssertSucceeded(import);
        Assert.Equal((1, 3, 5), (Created(import, "goals"), Created(import, "habits"), Created(import, "checks")));
        var habits = await HabitsAsync(user, await GoalTitledAsync(user, "HabitBull"));
        Assert.Equal(["2020-11-05"], Dates(habits["H1"], "checks"));
        Assert.Empty(Dates(habits["H2"], "checks"));
        Assert.Equal(["2019-04-11", "2019-04-12", "2019-04-14", "2019-12-31"], Dates(habits["H3"], "checks"));
    }

    // Beeminder (Fixtures/Beeminder/README.md). pushups-goal.json: initday 1735689600 (2025-01-01), initval 0, goalval
    // 3000, goaldate null; roadall rows 2025-02-01 (value missing, 70 a week: 0 + 70 × 31 / 7 = 310), 2025-04-01 at
    // 1000, and [null, 3000, 140]: 2000 more at 140 a week is 100 days, 2025-07-10.

    [Fact]
    public async Task BeeminderJson_GoalObject_BecomesAGoalWithItsMeasureRoadAndDatapointsOnTheirDaystamps()
    {
        var user = await app.CreateUserAsync("America/New_York");

        var import = await ImportAsync(user, Fixture("Beeminder/pushups-goal.json"), "pushups.json");

        AssertSucceeded(import);
        Assert.Equal("beeminder-json", import.GetProperty("format").GetString());
        Assert.Equal((1, 2, 4), (Created(import, "goals"), Created(import, "milestones"), Created(import, "entries")));
        // The initial, dummy, #DERAIL and @SELFDESTRUCT datapoints.
        Assert.Equal(4, Skipped(import, "ignored"));
        var goal = await GetJsonAsync(user, $"/api/v1/goals/{Id(await OnlyGoalAsync(user))}");
        Assert.Equal("Push-ups every day", goal.GetProperty("title").GetString());
        Assert.Equal(("pushups", "sum", 0.0, 3000.0), Measure(goal));
        Assert.Equal(("2025-01-01", "2025-07-10"), Dates(goal));
        var road = (await MilestonesAsync(user, goal)).OrderBy(m => m.GetProperty("dueDate").GetString(), StringComparer.Ordinal).ToList();
        Assert.All(road, m => Assert.Equal("Road", m.GetProperty("title").GetString()));
        Assert.Equal(["2025-02-01", "2025-04-01"], road.Select(m => m.GetProperty("dueDate").GetString()));
        Assert.Equal(310, road[0].GetProperty("targetValue").GetDouble(), 6);
        Assert.Equal(1000, road[1].GetProperty("targetValue").GetDouble(), 6);
        // The night owl's 05:40 UTC on the 12th counts for its daystamp, the 11th; a comment that only looks like a tag is kept.
        Assert.Equal(
            [("2025-03-08", 15.0, "no #DERAILment today"), ("2025-03-09", 20.0, null), ("2025-03-10", 40.0, "morning sets"), ("2025-03-11", 25.0, "late sets, \"slow\" tempo")],
            await EntriesAsync(user, goal));
    }

    [Theory]
    [InlineData("reading-goal.json", "reading", "pages", "last", 120.0, 420.0, "2025-02-01", "2025-05-01")]
    [InlineData("sleep-goal.json", "Sleep more", "hours", "last", 7.0, 8.0, "2025-01-01", "2025-06-01")]
    public async Task BeeminderJson_GoalThatDoesNotSum_TakesItsAggregationFromAggday(
        string file, string title, string unit, string aggregation, double start, double target, string startDate, string targetDate)
    {
        var user = await app.CreateUserAsync();

        var import = await ImportAsync(user, Fixture($"Beeminder/{file}"), file);

        AssertSucceeded(import);
        var goal = await GetJsonAsync(user, $"/api/v1/goals/{Id(await OnlyGoalAsync(user))}");
        Assert.Equal(title, goal.GetProperty("title").GetString());
        Assert.Equal((unit, aggregation, start, target), Measure(goal));
        Assert.Equal((startDate, targetDate), Dates(goal));
        // Receta has no mean: the sleep goal's "mean" is read as "last", and the user is told.
        Assert.Equal(file == "sleep-goal.json", Warnings(import).Any(w => w.Contains("\"mean\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BeeminderJson_DatapointsArrayWithoutGoalId_FailsNamingGoalIdAndCreatesNothing()
    {
        var user = await app.CreateUserAsync();

        var import = await ImportAsync(user, Fixture("Beeminder/datapoints.json"), "datapoints.json");

        Assert.Equal("beeminder-json", import.GetProperty("format").GetString());
        AssertFailedWithNothingCreated(import);
        Assert.Contains(import.GetProperty("errors").EnumerateArray(), e => e.GetProperty("where").GetString() == "goalId");
        Assert.Empty(await GoalsAsync(user));
    }

    [Fact]
    public async Task BeeminderJson_DatapointsArrayIntoAGoalWithAMeasure_BecomesItsEntries()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(user, new
        {
            title = "Push-ups",
            startDate = "2025-01-01",
            targetDate = "2025-07-10",
            measure = new { unit = "pushups", start = 0, target = 3000, aggregation = "sum" },
        });

        var import = await ImportAsync(user, Fixture("Beeminder/datapoints.json"), "datapoints.json", goalId: Id(goal));

        AssertSucceeded(import);
        Assert.Equal((0, 2), (Created(import, "goals"), Created(import, "entries")));
        // The dummy and the initial datapoints.
        Assert.Equal(2, Skipped(import, "ignored"));
        Assert.Single(await GoalsAsync(user));
        Assert.Equal([("2025-03-10", 40.5, "morning sets"), ("2025-03-11", 25.0, "late sets, \"slow\" tempo")], await EntriesAsync(user, goal));
    }

    // Taskwarrior (Fixtures/Taskwarrior/make.sh): made by Taskwarrior 2.6.2 in Europe/Madrid, so a due date typed as a
    // local date is 23:00 UTC the day before (22:00 in summer time).

    [Theory]
    [InlineData("tasks.json")]
    [InlineData("tasks.jsonl")]
    public async Task TaskwarriorJson_Export_BecomesAGoalPerProjectOfMilestonesOnTheirLocalDates(string file)
    {
        var user = await app.CreateUserAsync("Europe/Madrid");

        var import = await ImportAsync(user, Fixture($"Taskwarrior/{file}"), file);

        AssertSucceeded(import);
        Assert.Equal("taskwarrior-json", import.GetProperty("format").GetString());
        // Admin (from Admin.Docs and Admin), Home, Work, and Taskwarrior for the tasks without a project;
        // Admin.Archive held only a deleted task.
        Assert.Equal(["Admin", "Home", "Taskwarrior", "Work"], (await GoalsAsync(user)).Select(g => g.GetProperty("title").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal((4, 9), (Created(import, "goals"), Created(import, "milestones")));
        // The deleted task and the recurring template.
        Assert.Equal(2, Skipped(import, "ignored"));

        var admin = (await MilestonesAsync(user, await GoalTitledAsync(user, "Admin"))).ToDictionary(m => m.GetProperty("title").GetString()!);
        Assert.Equal(["Book \"civil\" appointment / registry", "Call the notary", "Gather documents"], admin.Keys.Order(StringComparer.Ordinal));
        var gather = admin["Gather documents"];
        var book = admin["Book \"civil\" appointment / registry"];
        Assert.Equal(("2025-03-20", "todo"), (DueDate(gather), Status(gather)));
        Assert.Equal("2025-03-28", DueDate(book));
        // On Gather documents, kept; on the deleted Old idea, dropped.
        Assert.Equal([Id(gather)], DependsOn(book));
        // On Write quarterly report, which went into the goal Work: a milestone depends only on its own goal's, and the user is told.
        Assert.Null(DueDate(admin["Call the notary"]));
        Assert.Empty(DependsOn(admin["Call the notary"]));
        Assert.Contains(Warnings(import), w => w.Contains("another goal", StringComparison.Ordinal));

        var home = await MilestonesAsync(user, await GoalTitledAsync(user, "Home"));
        // The recurring template's two occurrences; the watering can's dependency on the template is dropped.
        Assert.Equal(
            [("Buy a watering can", null), ("Water the plants", "2025-03-15"), ("Water the plants", "2025-03-22")],
            home.Select(m => (m.GetProperty("title").GetString()!, DueDate(m))).Order());
        Assert.All(home, m => Assert.Empty(DependsOn(m)));

        // A waiting task is pending with a future wait; its due date is in summer time (22:00 UTC).
        var unfiled = (await MilestonesAsync(user, await GoalTitledAsync(user, "Taskwarrior"))).ToDictionary(m => m.GetProperty("title").GetString()!);
        Assert.Equal(["Café con María", "Phone mum"], unfiled.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2025-04-05", DueDate(unfiled["Phone mum"]));

        // Done at 00:30 in Madrid on the 13th, still the 12th in UTC.
        var report = Assert.Single(await MilestonesAsync(user, await GoalTitledAsync(user, "Work")));
        Assert.Equal(("Write quarterly report", "done", "2025-03-13"), (report.GetProperty("title").GetString(), Status(report), report.GetProperty("completedOn").GetString()));
    }

    [Fact]
    public async Task TaskwarriorJson_IntoAGoal_KeepsDependenciesBetweenTasksOfDifferentProjects()
    {
        var user = await app.CreateUserAsync("Europe/Madrid");
        var goal = await CreateGoalAsync(user, new { title = "Paperwork" });

        var import = await ImportAsync(user, Fixture("Taskwarrior/tasks.json"), "tasks.json", goalId: Id(goal));

        AssertSucceeded(import);
        Assert.Equal((0, 9), (Created(import, "goals"), Created(import, "milestones")));
        Assert.Single(await GoalsAsync(user));
        var milestones = (await MilestonesAsync(user, goal)).ToLookup(m => m.GetProperty("title").GetString()!);
        // Call the notary (project Admin) depends on Write quarterly report (project Work), listed after it.
        Assert.Equal([Id(milestones["Write quarterly report"].Single())], DependsOn(milestones["Call the notary"].Single()));
        Assert.Equal([Id(milestones["Gather documents"].Single())], DependsOn(milestones["Book \"civil\" appointment / registry"].Single()));
        Assert.Equal(2, milestones["Water the plants"].Count());
    }

    [Fact]
    public async Task TaskwarriorJson_ImportedAgainAsJsonLines_CreatesNothing()
    {
        var user = await app.CreateUserAsync("Europe/Madrid");
        var first = await ImportAsync(user, Fixture("Taskwarrior/tasks.json"), "tasks.json");

        var again = await ImportAsync(user, Fixture("Taskwarrior/tasks.jsonl"), "tasks.jsonl");

        AssertSucceeded(again);
        Assert.Equal(0, CreatedTotal(again));
        Assert.Equal(CreatedTotal(first), Skipped(again, "duplicates"));
        Assert.Equal(4, (await GoalsAsync(user)).Count);
    }

    // Timewarrior (Fixtures/Timewarrior/make.sh): made by Timewarrior 1.4.3 in Europe/Madrid, exported in UTC.

    [Fact]
    public async Task TimewarriorJson_IntervalsTaggedLikeGoals_BecomeTheirWorkSplitAtLocalMidnight()
    {
        var user = await app.CreateUserAsync("Europe/Madrid");
        var receta = await CreateGoalAsync(user, new { title = "RECETA" });
        var reading = await CreateGoalAsync(user, new { title = "Reading" });

        var import = await ImportAsync(user, Fixture("Timewarrior/intervals.json"), "intervals.json");

        AssertSucceeded(import);
        Assert.Equal("timewarrior-json", import.GetProperty("format").GetString());
        Assert.Equal((0, 6), (Created(import, "goals"), Created(import, "workSessions")));
        Assert.Equal(
            [
                // 08:30–10:15 local.
                ("2025-03-13", 105),
                // 23:59:30–00:30: the half minute before midnight is dropped.
                ("2025-03-15", 30),
                // 23:00–04:00 across the night the clocks go forward: an hour, then three.
                ("2025-03-29", 60),
                ("2025-03-30", 180),
            ],
            await WorkByDayAsync(user, receta));
        // 23:10–01:20 local.
        Assert.Equal([("2025-03-13", 50), ("2025-03-14", 80)], await WorkByDayAsync(user, reading));
        // The running interval, the 40-second one and the half minute before midnight; and the three intervals whose
        // tags name no goal (meeting, the untagged one, Deep work).
        Assert.Equal(6, Skipped(import, "ignored"));
        Assert.Contains("Timewarrior intervals with no tag naming one of your goals (3 times)", Warnings(import));
        Assert.Equal(2, (await GoalsAsync(user)).Count);
    }

    [Fact]
    public async Task TimewarriorJson_IntoAGoal_PutsEveryClosedIntervalThereSplitAtLocalMidnight()
    {
        var user = await app.CreateUserAsync("Europe/Madrid");
        var goal = await CreateGoalAsync(user, new { title = "Side project" });

        var import = await ImportAsync(user, Fixture("Timewarrior/intervals.json"), "intervals.json", goalId: Id(goal));

        AssertSucceeded(import);
        Assert.Equal((0, 11), (Created(import, "goals"), Created(import, "workSessions")));
        Assert.Equal(
            [
                // 105 (08:30–10:15) + 45 (11:00–11:45) + 50 (23:10–midnight).
                ("2025-03-13", 200),
                // The rest of 23:10–01:20; the 40-second interval is dropped.
                ("2025-03-14", 80),
                // 00:00–00:30 and the untagged 10:00–10:30.
                ("2025-03-15", 60),
                ("2025-03-29", 60),
                ("2025-03-30", 180),
                // 22:00 on the 25th to 02:00 on the 27th: the 26th has 25 hours, cut to a day's 1,440 minutes.
                ("2025-10-25", 120),
                ("2025-10-26", 1440),
                ("2025-10-27", 120),
            ],
            await WorkByDayAsync(user, goal));
        Assert.Equal("Sprint planning / Q2", Assert.Single(await WorkAsync(user, goal), w => w.GetProperty("minutes").GetInt32() == 45).GetProperty("note").GetString());
        Assert.Equal(3, Skipped(import, "ignored"));
        Assert.Contains(Warnings(import), w => w.Contains("1,440", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> OnlyGoalAsync(TestUser user) =>
        Assert.Single((await GetJsonAsync(user, "/api/v1/goals")).GetProperty("items").EnumerateArray());

    private static async Task<List<JsonElement>> GoalsAsync(TestUser user) =>
        [.. (await GetJsonAsync(user, "/api/v1/goals?limit=1000")).GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> GoalTitledAsync(TestUser user, string title) =>
        Assert.Single(await GoalsAsync(user), g => g.GetProperty("title").GetString() == title);

    private static Task<Dictionary<string, JsonElement>> HabitsAsync(TestUser user, JsonElement goal) => HabitsAsync(user, Id(goal));

    private static async Task<Dictionary<string, JsonElement>> HabitsAsync(TestUser user, string goal) =>
        (await GetJsonAsync(user, $"/api/v1/goals/{goal}/habits?asOf={Later}")).GetProperty("items").EnumerateArray()
            .ToDictionary(h => h.GetProperty("title").GetString()!);

    private static Task<List<(string Date, double Value, string? Note)>> EntriesAsync(TestUser user, JsonElement goal) => EntriesAsync(user, Id(goal));

    private static async Task<List<(string Date, double Value, string? Note)>> EntriesAsync(TestUser user, string goal) =>
        [.. (await GetJsonAsync(user, $"/api/v1/goals/{goal}/entries?limit=1000")).GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("date").GetString()!, e.GetProperty("value").GetDouble(),
                e.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null))
            .OrderBy(e => e.Item1, StringComparer.Ordinal)];


    private static async Task<List<JsonElement>> MilestonesAsync(TestUser user, JsonElement goal) =>
        [.. (await GetJsonAsync(user, $"/api/v1/goals/{Id(goal)}/roadmap?asOf={Later}")).GetProperty("items").EnumerateArray()];

    private static async Task<List<JsonElement>> WorkAsync(TestUser user, JsonElement goal) =>
        [.. (await GetJsonAsync(user, $"/api/v1/goals/{Id(goal)}/work?limit=1000")).GetProperty("items").EnumerateArray()];

    /// <summary>The goal's work minutes on each local day, in date order.</summary>
    private static async Task<List<(string Date, int Minutes)>> WorkByDayAsync(TestUser user, JsonElement goal) =>
        [.. (await WorkAsync(user, goal))
            .GroupBy(w => w.GetProperty("date").GetString()!, StringComparer.Ordinal)
            .Select(day => (day.Key, day.Sum(w => w.GetProperty("minutes").GetInt32())))
            .OrderBy(day => day.Key, StringComparer.Ordinal)];

    private static (int Times, int PerDays) Frequency(JsonElement habit) =>
        (habit.GetProperty("times").GetInt32(), habit.GetProperty("perDays").GetInt32());

    private static (string? Unit, string? Aggregation, double Start, double Target) Measure(JsonElement goal)
    {
        var measure = goal.GetProperty("measure");
        return (measure.GetProperty("unit").GetString(), measure.GetProperty("aggregation").GetString(),
            measure.GetProperty("start").GetDouble(), measure.GetProperty("target").GetDouble());
    }

    private static (string? Start, string? Target) Dates(JsonElement goal) =>
        (goal.GetProperty("startDate").GetString(), goal.GetProperty("targetDate").GetString());

    private static List<string> Dates(JsonElement habit, string list) =>
        [.. habit.GetProperty(list).EnumerateArray().Select(d => d.GetString()!)];

    private static string? DueDate(JsonElement milestone) => milestone.GetProperty("dueDate").GetString();

    private static string? Status(JsonElement milestone) => milestone.GetProperty("status").GetString();

    private static List<string> DependsOn(JsonElement milestone) =>
        [.. milestone.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()!)];

    private static long CreatedTotal(JsonElement import) =>
        import.GetProperty("created").EnumerateObject().Sum(count => count.Value.GetInt64());

    private static void AssertFailedWithNothingCreated(JsonElement import)
    {
        Assert.Equal("failed", import.GetProperty("status").GetString());
        Assert.NotEmpty(import.GetProperty("errors").EnumerateArray());
        Assert.Equal(0, CreatedTotal(import));
    }
}


public sealed class FormatImportTests_Sqlite(SqliteApp app) : FormatImportTests(app);

public sealed class FormatImportTests_Postgres(PostgresApp app) : FormatImportTests(app);
