using System.Globalization;
using Microsoft.Extensions.Configuration;
using Receta.Data;

namespace Receta.Scale;

/// <summary>What to run, from a command and <c>--name value</c> pairs (see <see cref="Usage"/>).</summary>
public sealed record ScaleOptions
{
    public const string Usage = """
        Receta.Scale: a large dataset generated into an empty database, and how fast a Receta node
        answers the progress, roadmap and dashboard of random users on it.

          generate  --provider sqlite|postgres (sqlite)  --connection CS (required)
          measure   --target USERS=URL, once per node (required): a node on a database generated with
                    that many users (and 100 entries per user), e.g. --target 1000=http://127.0.0.1:5001;
                    several nodes are read in turn, so that whatever else the machine does weighs on each alike
                    --samples N most reads per view and node (1000)  --warmup N users (30)
                    --summary-out FILE (the figures as JSON)
          both      --users N (100000)  --entries N (100 per user)  --seed N (1, the same for both commands)

        Goals per user: 3; milestones per goal: 3; entries spread over the goals with a skew (1 % of
        goals hold a thousand entries and more), the same per goal whatever --users is.
        """;

    public required string Command { get; init; }
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string? Connection { get; init; }
    /// <summary>For <c>measure</c>: the nodes to read, each with the number of users its database was generated with.</summary>
    public IReadOnlyList<(int Users, Uri Url)> Targets { get; init; } = [];
    public int Users { get; init; } = 100_000;
    public long Entries { get; init; }
    public long Seed { get; init; } = 1;
    public int Samples { get; init; } = 1000;
    public int Warmup { get; init; } = 30;
    public string? SummaryOut { get; init; }

    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is not ("generate" or "measure"))
        {
            throw new ArgumentException("Expected 'generate' or 'measure' first.");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = new List<(int, Uri)>();
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            }
            if (args[i] == "--target")
            {
                var parts = args[i + 1].Split('=', 2);
                targets.Add(parts.Length == 2
                    ? (int.Parse(parts[0], CultureInfo.InvariantCulture), new Uri(parts[1]))
                    : throw new ArgumentException($"Expected --target USERS=URL, got '{args[i + 1]}'."));
                continue;
            }
            values[args[i][2..]] = args[i + 1];
        }
        string? Take(string name) => values.Remove(name, out var value) ? value : null;
        int Int(string name, int fallback) => Take(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var users = Int("users", 100_000);
        var options = new ScaleOptions
        {
            Command = args[0],
            Provider = Take("provider") is { } provider
                ? DatabaseServiceCollectionExtensions.ReadProvider(new ConfigurationBuilder()
                    .AddInMemoryCollection([new("Database:Provider", provider)]).Build())
                : DatabaseProvider.Sqlite,
            Connection = Take("connection"),
            Targets = targets,
            Users = users,
            Entries = Take("entries") is { } entries ? long.Parse(entries, CultureInfo.InvariantCulture) : Dataset.EntriesPerUser * users,
            Seed = Take("seed") is { } seed ? long.Parse(seed, CultureInfo.InvariantCulture) : 1,
            Samples = Int("samples", 1000),
            Warmup = Int("warmup", 30),
            SummaryOut = Take("summary-out"),
        };
        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option --{values.Keys.First()}.");
        }
        if (options.Users < 1 || options.Entries < 0 || options.Samples < 1 || options.Warmup < 0)
        {
            throw new ArgumentException("--users and --samples must be at least 1, --entries and --warmup at least 0.");
        }
        if (options.Command == "generate" && options.Connection is null)
        {
            throw new ArgumentException("generate needs --connection.");
        }
        if (options.Command == "measure" && options.Targets.Count == 0)
        {
            throw new ArgumentException("measure needs at least one --target USERS=URL.");
        }
        return options;
    }
}
