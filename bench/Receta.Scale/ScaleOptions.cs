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
          measure   --url URL (required)  --samples N per view (1000)  --warmup N users (30)
                    --summary-out FILE (the figures as JSON)
          both      --users N (100000)  --entries N (100 per user)  --seed N (1)
                    measure must be given the users, entries and seed the database was generated with.

        Goals per user: 3; milestones per goal: 3; entries spread over the goals with a skew (1 % of
        goals hold a thousand entries and more), the same per goal whatever --users is.
        """;

    public required string Command { get; init; }
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string? Connection { get; init; }
    public Uri? Url { get; init; }
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
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
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
            Url = Take("url") is { } url ? new Uri(url) : null,
            Users = users,
            Entries = Take("entries") is { } entries ? long.Parse(entries, CultureInfo.InvariantCulture) : 100L * users,
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
        if (options.Command == "measure" && options.Url is null)
        {
            throw new ArgumentException("measure needs --url.");
        }
        return options;
    }
}
