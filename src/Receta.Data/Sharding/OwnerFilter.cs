using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Receta.Data.Sharding;

/// <summary>
/// Whether a statement EF Core sends reaches owner data only through the owner column, as a
/// database sharded by owner (Citus, docs/adr/0014) routes it to one shard. An owner table is one
/// with an <c>OwnerId</c> column (a goal and everything under it), else a <c>UserId</c> column (an
/// account's tokens, sessions, settings…). A table's use is routed when the statement compares its
/// owner column with a value (<c>= @p</c>, <c>IN (…)</c>, <c>= ANY (@p)</c>), with the owner column of
/// a routed table (a co-located join), or inserts it.
/// </summary>
/// <remarks>
/// It reads the SQL that EF Core writes, not any SQL: every table is quoted, and a query's tables
/// are named <c>FROM "T" AS t</c>. It checks that each use of an owner table is tied to a value of
/// the owner column, not that the tie is on every branch of an <c>OR</c>. A statement meant to read
/// across owners (a sweep of the background jobs) says so with <see cref="CrossOwnerTag"/>, so that
/// every such statement is one a reader can find.
/// </remarks>
public sealed partial class OwnerFilter
{
    /// <summary>The start of the tag (EF Core's <c>TagWith</c>) of a statement that reads across owners on purpose.</summary>
    public const string CrossOwnerTag = "cross-owner:";

    /// <summary>Marks a table that leads to an owner (<see cref="IdRoute"/>): found by its own key, not its owner's.</summary>
    public const string RouteAnnotation = "Receta:Route";

    private readonly FrozenDictionary<string, string> _ownerColumns;

    public OwnerFilter(IReadOnlyDictionary<string, string> ownerColumns) =>
        _ownerColumns = ownerColumns.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The owner tables of <paramref name="model"/> and their owner columns.</summary>
    public static OwnerFilter For(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table || entity.IsOwned() || entity.FindAnnotation(RouteAnnotation) is not null)
            {
                continue;
            }
            var owner = entity.FindProperty("OwnerId") ?? entity.FindProperty("UserId");
            if (owner?.ClrType == typeof(Guid))
            {
                columns[table] = owner.GetColumnName();
            }
        }
        return new OwnerFilter(columns);
    }

    /// <summary>The owner tables <paramref name="sql"/> uses without routing them by their owner, in order of use.</summary>
    public IReadOnlyList<string> Unrouted(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (IsCrossOwner(sql))
        {
            return [];
        }
        var unrouted = new List<string>();
        foreach (var statement in Statements().Split(sql))
        {
            unrouted.AddRange(UnroutedIn(statement));
        }
        return unrouted;
    }

    private static bool IsCrossOwner(string sql)
    {
        foreach (var line in sql.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimStart();
            if (!trimmed.StartsWith("--"))
            {
                return false;
            }
            if (trimmed[2..].TrimStart().StartsWith(CrossOwnerTag, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private IEnumerable<string> UnroutedIn(string statement)
    {
        // Each use of an owner table: its alias (the table's own name when it has none) and owner column.
        var uses = new List<(string Table, string Alias, string Column)>();
        foreach (Match use in TableUse().Matches(statement))
        {
            var table = use.Groups["table"].Value;
            if (!_ownerColumns.TryGetValue(table, out var column))
            {
                continue;
            }
            if (use.Groups["insert"].Success)
            {
                // An insert names its columns; it is routed when the owner's is one of them.
                var columns = use.Groups["columns"];
                if (!columns.Success || !columns.Value.Contains($"\"{column}\"", StringComparison.Ordinal))
                {
                    yield return table;
                }
                continue;
            }
            uses.Add((table, use.Groups["alias"].Success ? use.Groups["alias"].Value : table, column));
        }
        if (uses.Count == 0)
        {
            yield break;
        }

        var routed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, alias, column) in uses)
        {
            if (ComparedWithValue(statement, alias, column))
            {
                routed.Add(alias);
            }
        }
        // A join on the owner column carries a routed table's owner to the table joined.
        bool grew;
        do
        {
            grew = false;
            foreach (var (_, alias, column) in uses)
            {
                if (routed.Contains(alias))
                {
                    continue;
                }
                foreach (var (_, other, otherColumn) in uses)
                {
                    if (routed.Contains(other) && Joined(statement, alias, column, other, otherColumn))
                    {
                        routed.Add(alias);
                        grew = true;
                        break;
                    }
                }
            }
        }
        while (grew);

        foreach (var (table, alias, _) in uses)
        {
            if (!routed.Contains(alias))
            {
                yield return table;
            }
        }
    }

    private static bool ComparedWithValue(string statement, string alias, string column)
    {
        var reference = Reference(alias, column);
        return Regex.IsMatch(statement, $@"{reference}\s*(?:=\s*(?:@|\$\d|'|\d|ANY\s*\()|IN\s*\()", RegexOptions.CultureInvariant)
            || Regex.IsMatch(statement, $@"(?:@\w+|\$\d+)\s*=\s*{reference}", RegexOptions.CultureInvariant);
    }

    private static bool Joined(string statement, string alias, string column, string other, string otherColumn)
    {
        var one = Reference(alias, column);
        var two = Reference(other, otherColumn);
        return Regex.IsMatch(statement, $@"{one}\s*=\s*{two}|{two}\s*=\s*{one}", RegexOptions.CultureInvariant);
    }

    // t."Column" (EF Core quotes an alias only when it must), or, in a statement on one table
    // without an alias (EF Core's own updates and deletes), "Column" alone.
    private static string Reference(string alias, string column) =>
        $@"(?:(?:""{Regex.Escape(alias)}""|(?<![\w"".]){Regex.Escape(alias)})\.|(?<![\w"".]))""{Regex.Escape(column)}""";

    [GeneratedRegex(@";\s*(?:\r?\n|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Statements();

    [GeneratedRegex(
        @"(?:(?<insert>INSERT\s+INTO)\s+""(?<table>\w+)""(?:\s+AS\s+""\w+"")?\s*(?:\((?<columns>[^)]*)\))?|(?:FROM|JOIN|UPDATE)\s+""(?<table>\w+)""(?:\s+AS\s+(?:""(?<alias>\w+)""|(?<alias>\w+)))?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex TableUse();
}

public static class CrossOwnerQueries
{
    /// <summary>
    /// Marks a query that reads or writes across owners on purpose (a background sweep, a member's
    /// circles), with why: on a database sharded by owner it runs on every shard (docs/adr/0014).
    /// </summary>
    public static IQueryable<T> AcrossOwners<T>(this IQueryable<T> query, string why) =>
        query.TagWith($"{OwnerFilter.CrossOwnerTag} {why}");
}
