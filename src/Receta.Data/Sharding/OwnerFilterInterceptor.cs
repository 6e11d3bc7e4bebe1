using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Receta.Data.Sharding;

/// <summary>
/// Refuses, before it reaches the database, a statement that uses an owner table without routing it
/// by its owner (<see cref="OwnerFilter"/>): on with <c>Database:RequireOwnerFilter</c>, which the
/// tests turn on, so that the whole API suite proves every query ready to shard by owner.
/// </summary>
public sealed class OwnerFilterInterceptor : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<IModel, OwnerFilter> _filters = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command, CommandEventData eventData)
    {
        // Migrations change the whole schema at once; they are not owner data's queries.
        if (eventData.Context is not { } context || eventData.CommandSource == CommandSource.Migrations)
        {
            return;
        }
        var filter = _filters.GetOrAdd(context.Model, OwnerFilter.For);
        var unrouted = filter.Unrouted(command.CommandText);
        if (unrouted.Count > 0)
        {
            throw new OwnerFilterException(unrouted, command.CommandText);
        }
    }
}

/// <summary>A statement used owner tables without their owner column (<see cref="OwnerFilterInterceptor"/>).</summary>
public sealed class OwnerFilterException(IReadOnlyList<string> tables, string sql)
    : InvalidOperationException(
        $"Not routed by owner: {string.Join(", ", tables.Distinct())}. Filter by the owner column, or tag a deliberate sweep across owners with TagWith(\"{OwnerFilter.CrossOwnerTag} why\"). The statement:\n{sql}")
{
    public IReadOnlyList<string> Tables { get; } = tables;

    public string Sql { get; } = sql;
}
