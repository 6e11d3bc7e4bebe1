using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Receta.Core.Purpose;
using Receta.Importing.Loop;
using Receta.Importing.Tests.Support;

namespace Receta.Importing.Tests.Loop;

public sealed class LoopCsvReaderTests : IDisposable
{
    private const string Habits231Header =
        "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_Export231_PutsEveryYesNoHabitIntoOneGoalInPositionOrder()
    {
        var bundle = ReadFixture("csv-2.3.1");

        Assert.Empty(bundle.Problems.Errors);
        var goal = bundle.Goals[0];
        Assert.Equal(("loop", "Loop Habit Tracker"), (goal.Key, goal.Title));
        Assert.Equal(
            [("001 Meditate", "Meditate"), ("003 Read, 20 pages", "Read, 20 pages"), ("004 Méditer", "Méditer"), ("005 Say \"thank you\"", "Say \"thank you\"")],
            goal.Habits.Select(habit => (habit.Key, habit.Title)));
    }

    [Fact]
    public void Read_Export231_YesManualIsACheckAndSkipIsASkip()
    {
        var habits = ReadFixture("csv-2.3.1").Goals[0].Habits;

        var meditate = habits.Single(habit => habit.Title == "Meditate");
        Assert.Equal([new DateOnly(2025, 3, 11), new DateOnly(2025, 3, 14)], meditate.Checks);
        Assert.Equal([new DateOnly(2025, 3, 12)], meditate.Skips);
        var read = habits.Single(habit => habit.Title == "Read, 20 pages");
        Assert.Equal([new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 13)], read.Checks);
        Assert.Equal([new DateOnly(2025, 3, 9)], read.Skips);
    }

    [Fact]
    public void Read_YesAutoRowsAlsoInTheFuture_AreIgnoredAndCounted()
    {
        var bundle = ReadFixture("csv-2.3.1");

        var read = bundle.Goals[0].Habits.Single(habit => habit.Title == "Read, 20 pages");
        Assert.DoesNotContain(read.Checks, date => date >= new DateOnly(2025, 3, 14));
        // Three of "Read, 20 pages" (two of them after the export's day) and two of "Méditer".
        Assert.Contains("Loop's YES_AUTO days, which Loop derives from the frequency; they are not checks (5 times)", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_FolderWithASanitizedName_IsTheHabitOfItsPosition()
    {
        var habits = ReadFixture("csv-2.3.1").Goals[0].Habits;

        var mediter = habits.Single(habit => habit.Title == "Méditer");
        Assert.Equal([new DateOnly(2024, 11, 2), new DateOnly(2025, 1, 20)], mediter.Checks);
    }

    [Fact]
    public void Read_FolderNamedLikeAnotherHabit_IsStillTheHabitOfItsNumber()
    {
        var zip = LoopExports.Zip(
            temp.File("export.zip"),
            ("Habits.csv", Habits231Header + "001,Alpha,YES_NO,,,1,1,#00897B,,,,false\n002,Beta,YES_NO,,,1,1,#00897B,,,,false\n"),
            ("001 Beta/Checkmarks.csv", "Date,Value,Notes\n2025-03-01,YES_MANUAL,\n"),
            ("002 Alpha/Checkmarks.csv", "Date,Value,Notes\n2025-03-02,YES_MANUAL,\n"));

        var habits = LoopCsvReader.Read(zip, ImportTestFiles.Context()).Goals[0].Habits;

        Assert.Equal([new DateOnly(2025, 3, 1)], habits.Single(habit => habit.Title == "Alpha").Checks);
        Assert.Equal([new DateOnly(2025, 3, 2)], habits.Single(habit => habit.Title == "Beta").Checks);
    }

    [Fact]
    public void Read_ArchivedHabit_IsImportedLikeTheOthers()
    {
        var habits = ReadFixture("csv-2.3.1").Goals[0].Habits;

        Assert.Contains(habits, habit => habit.Title == "Méditer");
    }

    [Fact]
    public void Read_Frequencies_BecomeTimesInDaysWithNumEqualToDenDaily()
    {
        var habits = ReadFixture("csv-2.3.1").Goals[0].Habits.ToDictionary(habit => habit.Title);

        Assert.Equal((1, 1), (habits["Meditate"].Times, habits["Meditate"].PerDays));
        Assert.Equal((3, 7), (habits["Read, 20 pages"].Times, habits["Read, 20 pages"].PerDays));
        Assert.Equal((1, 1), (habits["Say \"thank you\""].Times, habits["Say \"thank you\""].PerDays));
    }

    [Fact]
    public void Read_FrequencyOverMoreThan31Days_Becomes31DaysWithAWarning()
    {
        var bundle = ReadFixture("csv-2.3.1");

        var mediter = bundle.Goals[0].Habits.Single(habit => habit.Title == "Méditer");
        Assert.Equal((1, 31), (mediter.Times, mediter.PerDays));
        Assert.Contains(bundle.Problems.Warnings, warning => warning.Contains("\"Méditer\" is done once in 60 days", StringComparison.Ordinal) && warning.EndsWith("so it is done once in 31 days.", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NumericalHabit_BecomesAGoalSummingItsAmountsOverAYear()
    {
        var bundle = ReadFixture("csv-2.3.1");

        var run = bundle.Goals.Single(goal => goal.Title == "Run");
        Assert.Equal("numerical:002 Run", run.Key);
        // 15 km a week, kept for the 53 weeks (ceil(365 / 7)) of a year.
        Assert.Equal(new ImportedMeasure("km", 0, 15 * 53, Aggregation.Sum), run.Measure);
        Assert.Equal(new DateOnly(2025, 3, 6), run.StartDate);
        Assert.Equal(new DateOnly(2026, 3, 6), run.TargetDate);
        // 4500 and 5250 are Loop's thousandths; NO, SKIP and UNKNOWN days carry no amount.
        Assert.Equal(
            [
                new ImportedEntry("002 Run/2025-03-06", new DateOnly(2025, 3, 6), 4.5, "Treadmill, \"easy\" pace"),
                new ImportedEntry("002 Run/2025-03-13", new DateOnly(2025, 3, 13), 5.25, "Park loop"),
            ],
            run.Entries);
        Assert.Empty(run.Habits);
        Assert.Contains("Loop's skipped days of numerical habits, which become goals with no habit to skip (1 time)", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_NumericalHabitWithoutTarget_TargetsTheSumOfItsAmounts()
    {
        var water = ReadFixture("csv-2.3.1").Goals.Single(goal => goal.Title == "Water");

        // YES_AUTO and YES_MANUAL on a numerical habit are Loop's printing of 0.001 and 0.002.
        Assert.Equal(
            [(new DateOnly(2025, 3, 10), 0.002), (new DateOnly(2025, 3, 11), 0.001), (new DateOnly(2025, 3, 12), 2.5), (new DateOnly(2025, 3, 14), 3.0)],
            water.Entries.Select(entry => (entry.Date, entry.Value!.Value)));
        Assert.Equal("After the gym", water.Entries[2].Note);
        Assert.Equal("litres", water.Measure!.Unit);
        Assert.Equal(5.503, water.Measure.Target, 9);
    }

    [Fact]
    public void Read_Export231_LeavesTheAllHabitFilesAndScoresUnread()
    {
        var folder = ImportTestFiles.Fixture("Loop", "csv-2.3.1");
        var zip = LoopExports.Zip(
            temp.File("export.zip"),
            ("Habits.csv", File.ReadAllText(Path.Combine(folder, "Habits.csv"))),
            ("001 Meditate/Scores.csv", "\"unclosed\n"),
            ("001 Meditate/Checkmarks.csv", File.ReadAllText(Path.Combine(folder, "001 Meditate", "Checkmarks.csv"))),
            ("Scores.csv", "not, \"csv\nat all"),
            ("Checkmarks.csv", "Date,Read, 20 pages,\n2025-03-14,YES_MANUAL,\n"));

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        Assert.Empty(bundle.Problems.Errors);
        Assert.Equal(["Meditate"], bundle.Goals[0].Habits.Select(habit => habit.Title));
    }

    [Fact]
    public void Read_HabitWithoutAFolder_IsLeftOutAndCounted()
    {
        var zip = LoopExports.Zip(
            temp.File("export.zip"),
            ("Habits.csv", Habits231Header + "001,Alpha,YES_NO,,,1,1,#00897B,,,,false\n002,Beta,YES_NO,,,1,1,#00897B,,,,false\n"),
            ("002 Beta/Checkmarks.csv", "Date,Value,Notes\n2025-03-02,YES_MANUAL,\n"));

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        Assert.Equal(["Beta"], bundle.Goals[0].Habits.Select(habit => habit.Title));
        Assert.Equal(1, bundle.Problems.Ignored);
    }

    [Fact]
    public void Read_LegacyExport_ReadsTheHeaderlessNumbersOfLoop20To230()
    {
        var bundle = ReadFixture("csv-2.0");

        Assert.Empty(bundle.Problems.Errors);
        var habits = bundle.Goals[0].Habits.ToDictionary(habit => habit.Key);
        Assert.Equal(["001 Stretch", "003 Journal"], habits.Keys);
        Assert.Equal([new DateOnly(2021, 5, 30), new DateOnly(2021, 6, 3)], habits["001 Stretch"].Checks);
        Assert.Equal([new DateOnly(2021, 6, 1)], habits["001 Stretch"].Skips);
        Assert.Equal((2, 7), (habits["003 Journal"].Times, habits["003 Journal"].PerDays));
        Assert.Equal([new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 2)], habits["003 Journal"].Checks);
    }

    [Fact]
    public void Read_LegacyHabitHoldingAmounts_IsReadAsNumericalWithAWarning()
    {
        var bundle = ReadFixture("csv-2.0");

        var cycle = bundle.Goals.Single(goal => goal.Key == "numerical:002 Cycle, commute");
        Assert.Equal("Cycle, commute", cycle.Title);
        Assert.Equal([12.5, 8.2], cycle.Entries.Select(entry => entry.Value!.Value));
        // The old Habits.csv has no target, so the goal is what was done.
        Assert.Equal("units", cycle.Measure!.Unit);
        Assert.Equal(20.7, cycle.Measure.Target, 9);
        Assert.Contains(bundle.Problems.Warnings, warning => warning.Contains("\"Cycle, commute\" was read as numerical", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Version1Export_ReadsItsHeaderWithoutQuestion()
    {
        var bundle = ReadFixture("csv-1.8");

        var habit = Assert.Single(bundle.Goals[0].Habits);
        Assert.Equal(("001 Wake up early", "Wake up early", 2, 3), (habit.Key, habit.Title, habit.Times, habit.PerDays));
        Assert.Equal([new DateOnly(2017, 2, 11), new DateOnly(2017, 2, 14)], habit.Checks);
    }

    [Fact]
    public void Read_ExportZippedAgainInsideItsFolder_IsRead()
    {
        var folder = ImportTestFiles.Fixture("Loop", "csv-2.3.1");
        var zip = LoopExports.Zip(
            temp.File("export.zip"),
            ("Loop Habits CSV 2025-03-14/Habits.csv", File.ReadAllText(Path.Combine(folder, "Habits.csv"))),
            ("Loop Habits CSV 2025-03-14/001 Meditate/Checkmarks.csv", File.ReadAllText(Path.Combine(folder, "001 Meditate", "Checkmarks.csv"))),
            ("__MACOSX/Loop Habits CSV 2025-03-14/._Habits.csv", "\0\u0005\u0016\u0007"));

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        Assert.Empty(bundle.Problems.Errors);
        Assert.Equal([new DateOnly(2025, 3, 11), new DateOnly(2025, 3, 14)], Assert.Single(bundle.Goals[0].Habits).Checks);
    }

    [Fact]
    public void Read_DateListedTwice_IsReadOnceWithAWarning()
    {
        var zip = OneHabit("Date,Value,Notes\n2025-03-02,YES_MANUAL,\n2025-03-02,SKIP,\n2025-03-01,YES_MANUAL,\n");

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        var habit = Assert.Single(bundle.Goals[0].Habits);
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)], habit.Checks);
        Assert.Empty(habit.Skips);
        Assert.Contains("Days that Loop lists twice for one habit were read once.", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_ValueLoopNeverWrites_IsAnErrorNamingFileLineAndField()
    {
        var zip = OneHabit("Date,Value,Notes\n2025-03-03,YES_MANUAL,\n2025-03-02,NO,\n2025-03-01,MAYBE,\n");

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("001 Meditate/Checkmarks.csv, line 4, Value", error.Where);
        Assert.Contains("\"MAYBE\"", error.Message, StringComparison.Ordinal);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_AmountInAYesNoHabit_IsAnError()
    {
        var zip = OneHabit("Date,Value,Notes\n2025-03-02,YES_MANUAL,\n2025-03-01,5250,\n");

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        Assert.Equal("001 Meditate/Checkmarks.csv, line 3, Value", Assert.Single(bundle.Problems.Errors).Where);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_DateOutsideTheCenturies_IsAnError()
    {
        var zip = OneHabit("Date,Value,Notes\n1899-12-31,YES_MANUAL,\n");

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        Assert.Equal("001 Meditate/Checkmarks.csv, line 2, Date", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_NameWithCommaAndQuotes_IsReadAsOneField()
    {
        var zip = LoopExports.Zip(
            temp.File("export.zip"),
            ("Habits.csv", Habits231Header + "001,\"Read, \"\"really\"\" 20 pages\",YES_NO,\"Did you, read?\",,1,1,#00897B,,,,false\n"),
            ("001 Read really 20 pages/Checkmarks.csv", "Date,Value,Notes\n2025-03-01,YES_MANUAL,\"A note, with \"\"quotes\"\"\"\n"));

        var habit = Assert.Single(LoopCsvReader.Read(zip, ImportTestFiles.Context()).Goals[0].Habits);

        Assert.Equal(("001 Read, \"really\" 20 pages", "Read, \"really\" 20 pages"), (habit.Key, habit.Title));
    }

    [Fact]
    public void Read_FolderWhoseNumberHabitsCsvLacks_IsAnError()
    {
        var zip = LoopExports.Zip(
            temp.File("export.zip"),
            ("Habits.csv", Habits231Header + "001,Alpha,YES_NO,,,1,1,#00897B,,,,false\n"),
            ("001 Alpha/Checkmarks.csv", "Date,Value,Notes\n"),
            ("007 Ghost/Checkmarks.csv", "Date,Value,Notes\n2025-03-02,YES_MANUAL,\n"));

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        Assert.Equal("007 Ghost/Checkmarks.csv", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_ZipWithoutHabitsCsv_IsAnError()
    {
        var zip = LoopExports.Zip(temp.File("export.zip"), ("notes.txt", "hello"));

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        Assert.Equal("file", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_HabitsCsvWithAnotherHeader_IsAnError()
    {
        var zip = LoopExports.Zip(temp.File("export.zip"), ("Habits.csv", "Id,Title\n1,Run\n"));

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        Assert.Equal("Habits.csv, line 1", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_FileThatIsNotAZip_IsAnError()
    {
        var path = temp.File("export.zip");
        File.WriteAllText(path, "Position,Name\n001,Meditate\n");

        var bundle = LoopCsvReader.Read(path, ImportTestFiles.Context());

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("file", error.Where);
        Assert.Contains("not a zip archive", error.Message, StringComparison.Ordinal);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_EmptyFile_IsNotAZip()
    {
        var path = temp.File("export.zip");
        File.WriteAllBytes(path, []);

        var bundle = LoopCsvReader.Read(path, ImportTestFiles.Context());

        Assert.Equal("file", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_ZipOfMoreThan10000Entries_IsRefused()
    {
        var path = temp.File("many.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            for (var entry = 0; entry <= LoopCsvReader.MaxEntries; entry++)
            {
                archive.CreateEntry($"{entry:D5}/Scores.csv", CompressionLevel.NoCompression);
            }
        }

        var bundle = LoopCsvReader.Read(path, ImportTestFiles.Context());

        Assert.Contains("10,001 entries", Assert.Single(bundle.Problems.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_SmallZipExpandingPast1GiB_IsRefused()
    {
        var path = temp.File("bomb.zip");
        var folder = ImportTestFiles.Fixture("Loop", "csv-2.3.1");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var habits = archive.CreateEntry("Habits.csv").Open())
            {
                habits.Write(File.ReadAllBytes(Path.Combine(folder, "Habits.csv")));
            }
            // An entry the reader does not import still counts: what it expands to is what it costs.
            using var zeros = archive.CreateEntry("001 Meditate/Scores.csv", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (var mebibyte = 0; mebibyte <= 1024; mebibyte++)
            {
                zeros.Write(block);
            }
        }
        Assert.True(new FileInfo(path).Length < 2 << 20);
        var clock = Stopwatch.StartNew();

        var bundle = LoopCsvReader.Read(path, ImportTestFiles.Context());

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal(("file", "The archive expands past 1 GiB; Loop's exports are far smaller."), (error.Where, error.Message));
        Assert.Empty(bundle.Goals);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Refusing took {clock.Elapsed}.");
    }

    [Fact]
    public void Read_ZerosWhereAHabitsCheckmarksShouldBe_AreRefusedAtTheRowBound()
    {
        var path = temp.File("zeros.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var habits = archive.CreateEntry("Habits.csv").Open())
            {
                habits.Write(Encoding.UTF8.GetBytes(Habits231Header + "001,Meditate,YES_NO,,,1,1,#00897B,,,,false\n"));
            }
            using var zeros = archive.CreateEntry("001 Meditate/Checkmarks.csv").Open();
            zeros.Write(new byte[8 << 20]);
        }

        var bundle = LoopCsvReader.Read(path, ImportTestFiles.Context());

        Assert.Contains(bundle.Problems.Errors, error => error.Where == "001 Meditate/Checkmarks.csv, line 1");
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_EntryNamesClimbingOutOfTheFolder_AreOnlyNames()
    {
        var folder = ImportTestFiles.Fixture("Loop", "csv-2.3.1");
        var zip = LoopExports.Zip(
            temp.File("export.zip"),
            ("Habits.csv", File.ReadAllText(Path.Combine(folder, "Habits.csv"))),
            ("../../receta-escaped.txt", "written outside?"),
            ("../001 Meditate/Checkmarks.csv", "Date,Value,Notes\n2020-01-01,YES_MANUAL,\n"),
            ("001 Meditate/../../Checkmarks.csv", "Date,Value,Notes\n2020-01-02,YES_MANUAL,\n"),
            ("001 Meditate/Checkmarks.csv", File.ReadAllText(Path.Combine(folder, "001 Meditate", "Checkmarks.csv"))));

        var bundle = LoopCsvReader.Read(zip, ImportTestFiles.Context());

        Assert.Empty(bundle.Problems.Errors);
        Assert.Equal([new DateOnly(2025, 3, 11), new DateOnly(2025, 3, 14)], Assert.Single(bundle.Goals[0].Habits).Checks);
        Assert.False(File.Exists(Path.Combine(temp.Path, "..", "..", "receta-escaped.txt")));
        Assert.Equal(["export.zip"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        var zip = LoopExports.ZipFolder(ImportTestFiles.Fixture("Loop", "csv-2.3.1"), temp.File("export.zip"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            LoopCsvReader.Read(zip, ImportTestFiles.Context() with { CancellationToken = cancelled.Token }));
    }

    private ImportBundle ReadFixture(string folder)
    {
        var zip = LoopExports.ZipFolder(ImportTestFiles.Fixture("Loop", folder), temp.File($"{folder}.zip"));
        return LoopCsvReader.Read(zip, ImportTestFiles.Context());
    }

    private string OneHabit(string checkmarks) =>
        LoopExports.Zip(
            temp.File("export.zip"),
            ("Habits.csv", Habits231Header + "001,Meditate,YES_NO,,,1,1,#00897B,,,,false\n"),
            ("001 Meditate/Checkmarks.csv", checkmarks));
}
