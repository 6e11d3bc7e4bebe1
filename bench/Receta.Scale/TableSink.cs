using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Receta.Scale;

/// <summary>
/// A table as the app's EF Core model maps it: its name, and per column the property's getter and
/// the provider's type mapping (with its value converter: enums as text, SQLite's DateTimeOffset as
/// a number, a list of ids as PostgreSQL's uuid[] or SQLite's JSON). Rows are written exactly as EF
/// Core would have written them, without EF Core's change tracking.
/// </summary>
public sealed class MappedTable
{
    private MappedTable(string name, IReadOnlyList<MappedColumn> columns)
    {
        Name = name;
        Columns = columns;
    }

    public string Name { get; }

    public IReadOnlyList<MappedColumn> Columns { get; }

    public static MappedTable For<T>(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new MappedColumn(p.GetColumnName(table)!, p.GetGetter(), p.GetRelationalTypeMapping()))
            .ToList();
        return new MappedTable(table.Name, columns);
    }

    public string QuotedColumns => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
}

public sealed partial class MappedColumn(string name, IClrPropertyGetter getter, RelationalTypeMapping mapping)
{
    public string Name { get; } = name;

    public RelationalTypeMapping Mapping { get; } = mapping;

    /// <summary>PostgreSQL's name of the column's type without its size: <c>character varying</c> for <c>character varying(200)</c>.</summary>
    public string StoreTypeWithoutFacets { get; } = Facets().Replace(mapping.StoreType, "");

    /// <summary>The value as the provider stores it, or null.</summary>
    public object? ProviderValue(object entity)
    {
        var value = getter.GetClrValue(entity);
        return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();
}

/// <summary>Where the generator's rows go: PostgreSQL's binary COPY, or SQLite's prepared INSERT.</summary>
public interface ITableSink
{
    /// <summary>Writes every row of <paramref name="rows"/> into its table; returns how many.</summary>
    Task<long> WriteAsync<T>(IEnumerable<T> rows, long expected, CancellationToken cancellationToken)
        where T : class;
}

/// <summary>
/// A progress line on standard error, rewritten in place at most once a second, with the rate;
/// closed with the table's total and time.
/// </summary>
public sealed class ProgressLine(string table, long expected, TextWriter output)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _lastTicks;

    public void Report(long written)
    {
        if (_watch.ElapsedMilliseconds - _lastTicks < 1000)
        {
            return;
        }
        _lastTicks = _watch.ElapsedMilliseconds;
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r  {table,-12} {written,12:N0} / {expected:N0}  {written / Math.Max(0.001, _watch.Elapsed.TotalSeconds),10:N0} rows/s   "));
    }

    public TimeSpan Finish(long written)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\r  {table,-12} {written,12:N0} rows in {_watch.Elapsed.TotalSeconds,7:0.0} s  {written / Math.Max(0.001, _watch.Elapsed.TotalSeconds),10:N0} rows/s   "));
        return _watch.Elapsed;
    }
}

/// <summary>PostgreSQL: one <c>COPY … FROM STDIN (FORMAT BINARY)</c> per table.</summary>
public sealed class PostgresCopySink(NpgsqlConnection connection, IModel model, TextWriter progress) : ITableSink
{
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, long expected, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = MappedTable.For<T>(model);
        var line = new ProgressLine(table.Name, expected, progress);
        long written = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({table.QuotedColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in table.Columns)
                {
                    if (column.ProviderValue(row) is { } value)
                    {
                        await importer.WriteAsync(value, column.StoreTypeWithoutFacets, cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
                if (++written % 10_000 == 0)
                {
                    line.Report(written);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        line.Finish(written);
        return written;
    }
}

/// <summary>
/// SQLite has no COPY: one prepared INSERT per table, its parameters typed by the model's mappings
/// (ids as upper-case text, as EF Core stores them), reused for every row, committed every
/// <see cref="RowsPerTransaction"/> rows.
/// </summary>
public sealed class SqliteInsertSink(SqliteConnection connection, IModel model, TextWriter progress) : ITableSink
{
    private const int RowsPerTransaction = 200_000;

    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, long expected, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = MappedTable.For<T>(model);
        var line = new ProgressLine(table.Name, expected, progress);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({table.QuotedColumns}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = table.Columns
            .Select((column, i) => (Column: column, Parameter: column.Mapping.CreateParameter(command, $"$p{i}", null, nullable: true)))
            .ToArray();
        foreach (var (_, parameter) in parameters)
        {
            command.Parameters.Add(parameter);
        }
        long written = 0;
        var transaction = connection.BeginTransaction();
        try
        {
            command.Transaction = transaction;
            command.Prepare();
            foreach (var row in rows)
            {
                foreach (var (column, parameter) in parameters)
                {
                    parameter.Value = column.ProviderValue(row) ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (++written % RowsPerTransaction == 0)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = connection.BeginTransaction();
                    command.Transaction = transaction;
                }
                if (written % 10_000 == 0)
                {
                    line.Report(written);
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
        line.Finish(written);
        return written;
    }
}
