using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Receta.Importing.Loop;

/// <summary>
/// Reads Loop Habit Tracker's "Export full backup", a copy of its SQLite database (formats.md
/// §1.2), of schema 22 to 25. The file is opened read-only and only queried: nothing is attached,
/// migrated or written, and each query names only the columns its schema has.
/// </summary>
public static class LoopDbReader
{
    public const int OldestSchema = 22;
    public const int NewestSchema = 25;

    private const long MillisecondsPerDay = 86_400_000;
    private const int MaxUuidLength = 200;
    private const int UnixEpochDayNumber = 719_162;

    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    // Texts are cut in the query, so that a hostile megabyte of text never becomes a string; one
    // character past Receta's limit keeps the cut's warning.
    private static readonly string TextLimit = (ImportRules.MaxTextLength + 1).ToString(CultureInfo.InvariantCulture);

    public static ImportBundle Read(string path, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        var goals = new LoopGoals(context);
        var problems = goals.Bundle.Problems;
        if (!HasSqliteHeader(path))
        {
            problems.Error(ImportTexts.AtWholeFile, ImportTexts.LoopNotDatabase);
            return goals.Finish();
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            // The file is our own copy and does not change while it is read: immutable, SQLite takes
            // no lock and puts no journal, -wal or -shm file beside it, even for a database in WAL mode.
            DataSource = $"{new Uri(Path.GetFullPath(path)).AbsoluteUri}?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            ReadBackup(connection, goals, context.CancellationToken);
        }
        catch (SqliteException exception)
        {
            problems.Error(ImportTexts.AtWholeFile, ImportTexts.LoopDatabaseUnreadable.With(exception.Message));
        }
        return goals.Finish();
    }

    private static bool HasSqliteHeader(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[16];
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && header.SequenceEqual(SqliteHeader);
    }

    private static void ReadBackup(SqliteConnection connection, LoopGoals goals, CancellationToken cancellationToken)
    {
        var problems = goals.Bundle.Problems;
        // The schema is the uploader's: no function it names may run with our trust.
        Execute(connection, "PRAGMA trusted_schema = OFF");

        var loopTables = Scalar(connection, """
            SELECT count(DISTINCT lower(name)) FROM sqlite_master
            WHERE type = 'table' AND lower(name) IN ('habits', 'repetitions')
            """);
        if (loopTables != 2)
        {
            problems.Error(ImportTexts.AtWholeFile, ImportTexts.LoopNotBackup);
            return;
        }
        var version = Scalar(connection, "PRAGMA user_version");
        if (version is < OldestSchema or > NewestSchema)
        {
            problems.Error(ImportTexts.AtWholeFile, ImportTexts.LoopSchemaNotRead.With(version, OldestSchema, NewestSchema));
            return;
        }

        var habitColumns = Columns(connection, "Habits");
        var repetitionColumns = Columns(connection, "Repetitions");
        Require("Habits", habitColumns, ["id", "name", "freq_num", "freq_den"], problems);
        Require("Repetitions", repetitionColumns, ["habit", "timestamp"], problems);
        if (problems.HasErrors)
        {
            return;
        }

        var habits = ReadHabits(connection, habitColumns, problems);
        if (problems.HasErrors)
        {
            return;
        }
        var days = ReadDays(connection, repetitionColumns, habits, problems, cancellationToken);
        foreach (var (id, habit) in habits)
        {
            goals.Add(habit, days.GetValueOrDefault(id) ?? [], row => $"Repetitions, {ImportTexts.AtRow.With(row)}, value");
        }
    }

    /// <summary>The habits in Loop's order, by id.</summary>
    private static List<(long Id, LoopHabit Habit)> ReadHabits(SqliteConnection connection, HashSet<string> columns, ImportProblems problems)
    {
        string Or(string column, string expression, string absent) => columns.Contains(column) ? expression : absent;
        var query = $"""
            SELECT id, substr(name, 1, {TextLimit}), freq_num, freq_den,
                {Or("type", "type", "0")},
                {Or("target_value", "target_value", "0")},
                {Or("unit", $"substr(unit, 1, {TextLimit})", "NULL")},
                {Or("uuid", $"substr(uuid, 1, {MaxUuidLength + 1})", "NULL")}
            FROM Habits
            ORDER BY {Or("position", "position, ", "")}id
            """;

        var habits = new List<(long, LoopHabit)>();
        var ids = new HashSet<long>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // Only an "integer primary key" makes ids whole and unique, and the schema is the uploader's.
            if (Integer(reader, 0) is not { } id || !ids.Add(id))
            {
                problems.Error("Habits, id", ImportTexts.LoopHabitIds);
                continue;
            }
            var place = $"Habits, id {id}";
            LoopHabitType? type = Integer(reader, 4) switch
            {
                0 => LoopHabitType.YesNo,
                1 => LoopHabitType.Numerical,
                _ => null,
            };
            if (type is null)
            {
                problems.Error($"{place}, type", ImportTexts.LoopHabitTypeValue);
                continue;
            }
            var target = reader.GetValue(5) switch
            {
                long whole => whole,
                double real => real,
                DBNull => 0,
                _ => double.NaN,
            };
            if (!ImportRules.CheckValue(target, $"{place}, target_value", problems))
            {
                continue;
            }
            var uuid = Text(reader, 7);
            if (uuid?.Length > MaxUuidLength)
            {
                problems.Error($"{place}, uuid", ImportTexts.LoopUuidTooLong.With(MaxUuidLength));
                continue;
            }
            // Habits have a uuid since schema 24; before, the id is all that tells them apart.
            var key = string.IsNullOrWhiteSpace(uuid) ? $"id:{id}" : uuid;
            if (!keys.Add(key))
            {
                problems.Error($"{place}, uuid", ImportTexts.LoopUuidTwice);
                continue;
            }
            var habit = new LoopHabit(key, Text(reader, 1), type.Value, Integer(reader, 2), Integer(reader, 3), Text(reader, 6), target, place);
            habits.Add((id, habit));
        }
        return habits;
    }

    /// <summary>Each habit's days by its id, in date order, each date once.</summary>
    private static Dictionary<long, List<LoopDay>> ReadDays(
        SqliteConnection connection,
        HashSet<string> columns,
        List<(long Id, LoopHabit Habit)> habits,
        ImportProblems problems,
        CancellationToken cancellationToken)
    {
        var days = habits.ToDictionary(pair => pair.Id, _ => new List<LoopDay>());
        // Every row is a check before schema 16 gave rows a value; notes came with schema 25.
        var value = columns.Contains("value") ? "value" : LoopDay.YesManual.ToString(CultureInfo.InvariantCulture);
        var notes = columns.Contains("notes") ? $"substr(notes, 1, {TextLimit})" : "NULL";
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid, habit, timestamp, {value}, {notes} FROM Repetitions ORDER BY habit, timestamp";
        using var reader = command.ExecuteReader();
        var rows = 0L;
        while (reader.Read())
        {
            if ((++rows & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var place = $"Repetitions, {ImportTexts.AtRow.With(reader.GetInt64(0))}";
            if (Integer(reader, 1) is not { } habit || !days.TryGetValue(habit, out var habitDays))
            {
                problems.Ignore(ImportTexts.LoopOrphanRepetitions);
                continue;
            }
            if (Integer(reader, 2) is not { } timestamp)
            {
                problems.Error($"{place}, timestamp", ImportTexts.LoopTimestampNotWhole);
                continue;
            }
            if (Date(timestamp, $"{place}, timestamp", problems) is not { } date)
            {
                continue;
            }
            if (Integer(reader, 3) is not { } dayValue)
            {
                problems.Error($"{place}, value", ImportTexts.LoopValueNotWhole);
                continue;
            }
            // Rows come in timestamp order, so two on one date are neighbours.
            if (habitDays.Count > 0 && habitDays[^1].Date == date)
            {
                problems.Warn(ImportTexts.LoopDayTwice);
                continue;
            }
            habitDays.Add(new LoopDay(date, dayValue, Text(reader, 4), reader.GetInt64(0)));
        }
        return days;
    }

    /// <summary>
    /// The date of a timestamp: milliseconds at 00:00 UTC of the local calendar date, so its UTC
    /// date is that date; the importing user's zone is no part of it.
    /// </summary>
    private static DateOnly? Date(long timestamp, string place, ImportProblems problems)
    {
        var epochDay = timestamp / MillisecondsPerDay;
        if (timestamp % MillisecondsPerDay < 0)
        {
            epochDay--;
        }
        var dayNumber = epochDay + UnixEpochDayNumber;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            problems.Error(place, ImportTexts.LoopTimestampOutsideRange.With(timestamp));
            return null;
        }
        var date = DateOnly.FromDayNumber((int)dayNumber);
        return ImportRules.CheckDate(date, place, problems) ? date : null;
    }

    // SQLite keeps whatever a row was given, whatever the column's declared type.
    private static long? Integer(SqliteDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        long whole => whole,
        double real when real == Math.Floor(real) && Math.Abs(real) <= ImportRules.MaxMagnitude => (long)real,
        _ => null,
    };

    private static string? Text(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Require(string table, HashSet<string> columns, string[] required, ImportProblems problems)
    {
        foreach (var column in required.Where(column => !columns.Contains(column)))
        {
            problems.Error(table, ImportTexts.LoopNoColumn.With(column));
        }
    }

    private static HashSet<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }

    private static long Scalar(SqliteConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        return command.ExecuteScalar() is long value ? value : 0;
    }

    private static void Execute(SqliteConnection connection, string statement)
    {
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }
}
