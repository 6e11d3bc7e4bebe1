using System.Security.Cryptography;
using Receta.Core.Purpose;
using Receta.Importing.Loop;
using Receta.Importing.Tests.Support;

namespace Receta.Importing.Tests.Loop;

public sealed class LoopDbReaderTests : IDisposable
{
    private const string RunUuid = "a84e0d55c1f04b7c8e2f19d3b6a7c402";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_Schema25_PutsEveryYesNoHabitIntoOneGoalKeyedByUuid()
    {
        var bundle = ReadFixture(25);

        Assert.Empty(bundle.Problems.Errors);
        var goal = bundle.Goals[0];
        Assert.Equal(("loop", "Loop Habit Tracker"), (goal.Key, goal.Title));
        Assert.Equal(
            [
                ("5b6d0f3c9a0e4f4f8d1c2b7a6e5d4c3b", "Meditate", 1, 1),
                ("c0ffee51d2a94e0b8f7e6d5c4b3a291833", "Read, 20 pages", 3, 7),
                ("0d0b1e2c3a4f5e6d7c8b9a0f1e2d3c4b", "Blood donation", 1, 31),
            ],
            goal.Habits.Select(habit => (habit.Key, habit.Title, habit.Times, habit.PerDays)));
    }

    [Fact]
    public void Read_Schema25_ChecksSkipsAndNothingForNoAndUnknown()
    {
        var habits = ReadFixture(25).Goals[0].Habits.ToDictionary(habit => habit.Title);

        Assert.Equal([new DateOnly(2025, 3, 14)], habits["Meditate"].Checks);
        Assert.Equal([new DateOnly(2025, 3, 12)], habits["Meditate"].Skips);
        Assert.Equal([new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 13)], habits["Read, 20 pages"].Checks);
        // Archived in Loop, and imported all the same.
        Assert.Equal([new DateOnly(2025, 1, 20)], habits["Blood donation"].Checks);
    }

    [Fact]
    public void Read_FrequencyOverMoreThan31Days_Becomes31DaysWithAWarning()
    {
        var bundle = ReadFixture(25);

        Assert.Contains(bundle.Problems.Warnings, warning => warning.Contains("\"Blood donation\" is done once in 60 days", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Schema25NumericalHabit_BecomesAGoalOfItsThousandthsWithNotes()
    {
        var bundle = ReadFixture(25);

        var run = bundle.Goals.Single(goal => goal.Title == "Run");
        Assert.Equal($"numerical:{RunUuid}", run.Key);
        Assert.Equal(new ImportedMeasure("km", 0, 15 * 53, Aggregation.Sum), run.Measure);
        Assert.Equal((new DateOnly(2025, 3, 6), new DateOnly(2026, 3, 6)), (run.StartDate, run.TargetDate));
        // SKIP (3), UNKNOWN (-1), NO (0) and the negative -250 carry no amount.
        Assert.Equal(
            [
                new ImportedEntry($"{RunUuid}/2025-03-06", new DateOnly(2025, 3, 6), 4.5, "Treadmill, \"easy\" pace"),
                new ImportedEntry($"{RunUuid}/2025-03-13", new DateOnly(2025, 3, 13), 5.25, "Park loop"),
            ],
            run.Entries);
        Assert.Contains("Loop's skipped days of numerical habits, which become goals with no habit to skip (1 time)", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_Schema24_ReadsUuidsAndNoNotes()
    {
        var bundle = ReadFixture(24);

        Assert.Empty(bundle.Problems.Errors);
        var habits = bundle.Goals[0].Habits;
        Assert.Equal(["Floss", "Piano"], habits.Select(habit => habit.Title));
        Assert.Equal("8f14e45fceea167a5a36dedd4bea254331", habits[0].Key);
        Assert.Equal([new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 3)], habits[0].Checks);
        Assert.Equal([new DateOnly(2022, 5, 2)], habits[0].Skips);
        Assert.Equal((1, 31), (habits[1].Times, habits[1].PerDays));

        var pushups = bundle.Goals.Single(goal => goal.Title == "Pushups");
        Assert.Equal("numerical:45c48cce2e2d7fbdea1afc51c7c6ad2632", pushups.Key);
        Assert.Equal(new ImportedMeasure("reps", 0, 50 * 365, Aggregation.Sum), pushups.Measure);
        Assert.Equal([(new DateOnly(2022, 5, 1), 40.0, (string?)null), (new DateOnly(2022, 5, 3), 55.0, null)], pushups.Entries.Select(entry => (entry.Date, entry.Value!.Value, entry.Note)));
    }

    [Fact]
    public void Read_Schema22WithoutUuid_KeysHabitsByTheirId()
    {
        var bundle = ReadFixture(22);

        Assert.Empty(bundle.Problems.Errors);
        var habits = bundle.Goals[0].Habits;
        Assert.Equal([("id:0", "Work out"), ("id:1", "Read")], habits.Select(habit => (habit.Key, habit.Title)));
        Assert.Equal([new DateOnly(2019, 11, 4), new DateOnly(2019, 11, 5)], habits[0].Checks);
        Assert.Equal([new DateOnly(2019, 11, 7)], habits[1].Skips);

        var water = bundle.Goals.Single(goal => goal.Title == "Water");
        Assert.Equal("numerical:id:2", water.Key);
        Assert.Equal(new ImportedMeasure("glasses", 0, 8 * 365, Aggregation.Sum), water.Measure);
        Assert.Equal((new DateOnly(2019, 11, 4), new DateOnly(2020, 11, 4)), (water.StartDate, water.TargetDate));
        Assert.Equal(["id:2/2019-11-04", "id:2/2019-11-08"], water.Entries.Select(entry => entry.Key));
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(14)]
    public void Read_InAnyZone_TakesEachTimestampsUtcDate(int zoneHours)
    {
        var backup = LoopExports.Backup(File.ReadAllText(ImportTestFiles.Fixture("Loop", "backup-schema-25.sql")), temp.File("backup.db"));

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context(ImportTestFiles.FixedZone(zoneHours)));

        Assert.Equal([new DateOnly(2025, 3, 14)], bundle.Goals[0].Habits[0].Checks);
    }

    [Fact]
    public void Read_Backup_LeavesTheFileAsItWas()
    {
        var backup = LoopExports.Backup(File.ReadAllText(ImportTestFiles.Fixture("Loop", "backup-schema-25.sql")), temp.File("backup.db"));
        var before = SHA256.HashData(File.ReadAllBytes(backup));

        LoopDbReader.Read(backup, ImportTestFiles.Context());

        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(backup)));
        Assert.Equal(["backup.db"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Read_BackupInWalMode_PutsNoFileBesideIt()
    {
        var sql = "PRAGMA journal_mode = WAL;\n" + File.ReadAllText(ImportTestFiles.Fixture("Loop", "backup-schema-25.sql"));
        var backup = LoopExports.Backup(sql, temp.File("backup.db"));

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        Assert.Equal([new DateOnly(2025, 3, 14)], bundle.Goals[0].Habits[0].Checks);
        Assert.Equal(["backup.db"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Read_HabitsWithOneId_IsAnError()
    {
        var backup = LoopExports.Backup(
            """
            PRAGMA user_version = 25;
            CREATE TABLE Habits (id integer, name text, freq_num integer, freq_den integer);
            CREATE TABLE Repetitions (habit integer, timestamp integer, value integer);
            INSERT INTO Habits VALUES(1, 'Run', 1, 1);
            INSERT INTO Habits VALUES(1, 'Walk', 1, 1);
            """,
            temp.File("backup.db"));

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        Assert.Equal("Habits, id", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_FileThatIsNotSqlite_IsAnError()
    {
        var path = temp.File("backup.db");
        File.WriteAllText(path, "Position,Name\n001,Meditate\n");

        var bundle = LoopDbReader.Read(path, ImportTestFiles.Context());

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("file", error.Where);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFile_IsNotSqlite()
    {
        var path = temp.File("backup.db");
        File.WriteAllBytes(path, []);

        var bundle = LoopDbReader.Read(path, ImportTestFiles.Context());

        Assert.Equal("file", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_SqliteFileThatIsNoLoopBackup_IsAnError()
    {
        var backup = LoopExports.Backup("PRAGMA user_version = 25; CREATE TABLE Notes (id integer primary key, text text);", temp.File("other.db"));

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        Assert.Contains("not a Loop backup", Assert.Single(bundle.Problems.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_HabitsThatIsAView_IsNoLoopBackup()
    {
        var backup = LoopExports.Backup(
            """
            PRAGMA user_version = 25;
            CREATE TABLE Repetitions (id integer primary key, habit integer, timestamp integer, value integer);
            CREATE VIEW Habits AS SELECT 1 AS id, 'Run' AS name, 1 AS freq_num, 1 AS freq_den;
            """,
            temp.File("view.db"));

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        Assert.Contains("not a Loop backup", Assert.Single(bundle.Problems.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(26)]
    public void Read_SchemaOutside22To25_IsAnError(int version)
    {
        var sql = File.ReadAllText(ImportTestFiles.Fixture("Loop", "backup-schema-25.sql"))
            .Replace("PRAGMA user_version = 25;", $"PRAGMA user_version = {version};", StringComparison.Ordinal);
        var backup = LoopExports.Backup(sql, temp.File("backup.db"));

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        Assert.Contains($"schema {version};", Assert.Single(bundle.Problems.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_TwoTimestampsOnOneDate_KeepsTheFirst()
    {
        var backup = BackupWith(
            "INSERT INTO Repetitions VALUES(1,1,1741910400000,2,NULL);",
            "INSERT INTO Repetitions VALUES(2,1,1741910400500,3,NULL);");

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        var habit = Assert.Single(bundle.Goals[0].Habits);
        Assert.Equal([new DateOnly(2025, 3, 14)], habit.Checks);
        Assert.Empty(habit.Skips);
        Assert.Contains("Days that Loop lists twice for one habit were read once.", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_RepetitionOfAHabitNoLongerThere_IsIgnoredAndCounted()
    {
        var backup = BackupWith(
            "INSERT INTO Repetitions VALUES(1,1,1741910400000,2,NULL);",
            "PRAGMA foreign_keys = OFF;",
            "INSERT INTO Repetitions VALUES(2,99,1741910400000,2,NULL);");

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        Assert.Equal([new DateOnly(2025, 3, 14)], Assert.Single(bundle.Goals[0].Habits).Checks);
        Assert.Equal(["Loop's repetitions of habits that are no longer in the backup (1 time)"], bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_ValueThatIsNoNumber_IsAnErrorNamingTheRow()
    {
        var backup = BackupWith(
            "INSERT INTO Repetitions VALUES(1,1,1741910400000,2,NULL);",
            "INSERT INTO Repetitions VALUES(2,1,1741824000000,'yes',NULL);");

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        Assert.Equal("Repetitions, row 2, value", Assert.Single(bundle.Problems.Errors).Where);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_TimestampOutsideTheCenturies_IsAnError()
    {
        var backup = BackupWith("INSERT INTO Repetitions VALUES(1,1,-2208988800001,2,NULL);");

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("Repetitions, row 1, timestamp", error.Where);
        Assert.Contains("1899-12-31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoHabitsWithOneUuid_IsAnError()
    {
        var backup = BackupWith("INSERT INTO Habits VALUES(2,0,8,'',1,1,0,'Copy',1,NULL,NULL,127,0,0,0.0,'','','5b6d0f3c9a0e4f4f8d1c2b7a6e5d4c3b');");

        var bundle = LoopDbReader.Read(backup, ImportTestFiles.Context());

        Assert.Equal("Habits, id 2, uuid", Assert.Single(bundle.Problems.Errors).Where);
    }

    private ImportBundle ReadFixture(int schema)
    {
        var sql = File.ReadAllText(ImportTestFiles.Fixture("Loop", $"backup-schema-{schema}.sql"));
        return LoopDbReader.Read(LoopExports.Backup(sql, temp.File("backup.db")), ImportTestFiles.Context());
    }

    /// <summary>A schema-25 backup of one habit, Meditate (id 1), and the rows given.</summary>
    private string BackupWith(params string[] inserts)
    {
        var schema = File.ReadAllText(ImportTestFiles.Fixture("Loop", "backup-schema-25.sql"));
        var tables = schema[..schema.IndexOf("INSERT INTO", StringComparison.Ordinal)];
        var sql = $"""
            {tables}
            INSERT INTO Habits VALUES(1,0,8,'',1,1,0,'Meditate',0,NULL,NULL,127,0,0,0.0,'','','5b6d0f3c9a0e4f4f8d1c2b7a6e5d4c3b');
            {string.Join('\n', inserts)}
            """;
        return LoopExports.Backup(sql, temp.File("backup.db"));
    }
}
