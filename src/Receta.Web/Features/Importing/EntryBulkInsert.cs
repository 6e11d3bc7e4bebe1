using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Importing;

namespace Receta.Web.Features.Importing;

/// <summary>
/// Inserts entries in bulk inside the import's transaction, skipping those whose key the goal holds
/// already: one prepared statement reused for every row on SQLite, binary <c>COPY</c> into a
/// temporary table and one <c>INSERT … ON CONFLICT DO NOTHING</c> on PostgreSQL. EF's change
/// tracker would hold a million entries in memory; this holds one row.
/// </summary>
internal sealed class EntryBulkInsert(RecetaDbContext db)
{
    private const int ProgressEvery = 10_000;

    /// <summary>SQLite's page cache for an import's connection, in KiB (its default is 2 MiB); set back when it ends.</summary>
    private const int ImportCacheKiB = 64 * 1024;

    private static readonly string[] Columns = ["OwnerId", "Id", "GoalId", "Date", "Value", "Note", "Sequence", "CreatedAt", "ImportKey"];

    public sealed record Result(long Created, long Duplicates);

    /// <param name="goal">The goal the entries go under; saved already.</param>
    /// <param name="rows">The entries, streamed.</param>
    /// <param name="keyOf">The stored key of a source key.</param>
    /// <param name="now">When they are created.</param>
    /// <param name="firstSequence">The creation sequence of the first row; each next row takes the next number.</param>
    /// <param name="progressed">Told how many more rows were handled, now and then.</param>
    /// <param name="cancellationToken">Ends the import.</param>
    public Task<Result> WriteAsync(
        Goal goal, IEnumerable<ImportedEntry> rows, Func<string, string> keyOf, DateTimeOffset now, long firstSequence,
        Action<long> progressed, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? CopyAsync(goal, rows, keyOf, now, firstSequence, progressed, cancellationToken)
            : InsertAsync(goal, rows, keyOf, now, firstSequence, progressed, cancellationToken);

    private async Task<Result> InsertAsync(
        Goal goal, IEnumerable<ImportedEntry> rows, Func<string, string> keyOf, DateTimeOffset now, long firstSequence,
        Action<long> progressed, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Entries are imported inside the import's transaction.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"Entries\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", Columns.Select(c => $"$p{c}"))}) ON CONFLICT DO NOTHING";
        var parameters = Parameters(command);
        command.Prepare();
        // A larger page cache while the import runs: the goal's indexes grow by every row.
        await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{ImportCacheKiB}", cancellationToken);
        var ids = new SequentialIds(now);
        long created = 0, handled = 0;
        parameters.Set("OwnerId", goal.OwnerId);
        parameters.Set("GoalId", goal.Id);
        parameters.Set("CreatedAt", now);
        try
        {
            foreach (var row in rows)
            {
                parameters.Set("Id", ids.Next());
                parameters.Set("Date", row.Date);
                parameters.Set("Value", row.Value);
                parameters.Set("Note", row.Note);
                parameters.Set("Sequence", firstSequence + handled);
                parameters.Set("ImportKey", keyOf(row.Key));
                created += command.ExecuteNonQuery();
                if (++handled % ProgressEvery == 0)
                {
                    progressed(ProgressEvery);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
        }
        progressed(handled % ProgressEvery);
        return new Result(created, handled - created);
    }

    private async Task<Result> CopyAsync(
        Goal goal, IEnumerable<ImportedEntry> rows, Func<string, string> keyOf, DateTimeOffset now, long firstSequence,
        Action<long> progressed, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columns = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TEMPORARY TABLE IF NOT EXISTS \"ImportedEntries\" (LIKE \"Entries\") ON COMMIT DROP; TRUNCATE \"ImportedEntries\"",
            cancellationToken);
        long handled = 0;
        var ids = new SequentialIds(now);
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY \"ImportedEntries\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(goal.OwnerId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(ids.Next(), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(goal.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.Date, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(row.Value, NpgsqlDbType.Double, cancellationToken);
                await copy.WriteAsync(row.Note, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(firstSequence + handled, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(now.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(keyOf(row.Key), NpgsqlDbType.Text, cancellationToken);
                if (++handled % ProgressEvery == 0)
                {
                    progressed(ProgressEvery);
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }
        progressed(handled % ProgressEvery);
        // The column names are this class's own constants, not input.
#pragma warning disable EF1002
        var created = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"Entries\" ({columns}) SELECT {columns} FROM \"ImportedEntries\" ON CONFLICT DO NOTHING", cancellationToken);
#pragma warning restore EF1002
        return new Result(created, handled - created);
    }

    /// <summary>One parameter per column, typed and converted as EF stores the column (SQLite keeps instants as numbers).</summary>
    private ParameterSet Parameters(DbCommand command)
    {
        var entry = db.Model.FindEntityType(typeof(Entry))!;
        var set = new ParameterSet();
        foreach (var column in Columns)
        {
            var mapping = entry.FindProperty(column)!.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, $"$p{column}", null, nullable: true);
            command.Parameters.Add(parameter);
            set.Add(column, parameter, mapping.Converter);
        }
        return set;
    }

    private sealed class ParameterSet
    {
        private readonly Dictionary<string, (DbParameter Parameter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)> byColumn = [];

        public void Add(string column, DbParameter parameter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter) =>
            byColumn.Add(column, (parameter, converter));

        public void Set(string column, object? value)
        {
            var (parameter, converter) = byColumn[column];
            parameter.Value = value is null ? DBNull.Value : converter is null ? value : converter.ConvertToProvider(value);
        }
    }

    /// <summary>
    /// Version 7 ids for one import, in increasing order: the time of the import, then random bits
    /// counted up by one per row. Ids made at the same millisecond by <see cref="Guid.CreateVersion7(DateTimeOffset)"/>
    /// come in random order, which scatters a million rows across the primary key's index.
    /// </summary>
    private sealed class SequentialIds(DateTimeOffset now)
    {
        private readonly byte[] bytes = Start(now);

        public Guid Next()
        {
            // The last 7 bytes are a big-endian counter below the variant bits; 2^56 rows never carry into them.
            for (var i = 15; i >= 9; i--)
            {
                if (++bytes[i] != 0)
                {
                    break;
                }
            }
            return new Guid(bytes, bigEndian: true);
        }

        private static byte[] Start(DateTimeOffset now)
        {
            var start = new byte[16];
            Guid.CreateVersion7(now).TryWriteBytes(start, bigEndian: true, out _);
            start[9] &= 0x0F;
            return start;
        }
    }
}
