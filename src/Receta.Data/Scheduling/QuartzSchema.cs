using System.Text.RegularExpressions;

namespace Receta.Data.Scheduling;

/// <summary>
/// The tables of Quartz.NET's persistent (ADO) job store, created by the migrations of each provider
/// with the rest of the schema; the scheduler is told only to validate them at start. The statements
/// are Quartz's own (the script its job store would run to provision itself, embedded in its
/// assembly), so that the schema is exactly the one the shipped version queries. A later version of
/// Quartz that changes it comes with a migration of its own, which validation at start asks for.
/// </summary>
public static partial class QuartzSchema
{
    /// <summary>The prefix of Quartz's tables (its <c>tablePrefix</c>).</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>The statements that create the tables and indexes, in order; each creates only what is missing.</summary>
    public static IReadOnlyList<string> Create(bool postgres) =>
        [.. Separator().Split(Script(postgres)).Select(Strip).Where(statement => statement.Length > 0)];

    /// <summary>The statements that remove the tables, those that refer to others first.</summary>
    public static IReadOnlyList<string> Drop(bool postgres) =>
        [.. TableName().Matches(Script(postgres)).Select(m => $"DROP TABLE IF EXISTS {m.Groups[1].Value}").Reverse()];

    private static string Script(bool postgres)
    {
        var name = $"Quartz.Impl.AdoJobStore.Schema.create_{(postgres ? "postgres" : "sqlite")}.sql";
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Quartz.NET no longer embeds '{name}': bring its schema in a migration of its own.");
        using var reader = new StreamReader(stream);
        // {0} is the prefix as written in statements, {1} the same without a schema qualifier: ours has none.
        return reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
    }

    // A statement without its comment lines (a provider may refuse a command that is only a comment).
    private static string Strip(string statement) =>
        string.Join('\n', statement.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();

    // Statements are separated by a line that reads exactly "--;;".
    [GeneratedRegex(@"^--;;\r?$", RegexOptions.Multiline)]
    private static partial Regex Separator();

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS (\w+)")]
    private static partial Regex TableName();
}
