using System.Globalization;

namespace Receta.Load;

/// <summary>What to run, from <c>--name value</c> pairs (see <see cref="Usage"/>).</summary>
public sealed record LoadOptions
{
    public const string Usage = """
        Receta.Load: clients with tokens reading and writing through one address (nginx), every
        acknowledged write recorded and read back at the end.

          --url URL            where to send the requests (required), e.g. https://127.0.0.1:8443
          --ca FILE            the server's certificate (PEM), the only one accepted (self-signed)
          --clients N          concurrent clients, each with its own account and goal (32)
          --duration TIME      how long to run: 90s, 30m (60s)
          --rate N             requests per second in all (default: as fast as the clients go)
          --writes SHARE       the share of requests that log an entry (0.3)
          --kill-pid PID       kill -9 this process (a node) ...
          --kill-after TIME    ... this long into the run (a third of the duration)
          --killed-node ADDR   that node's address as nginx names it (127.0.0.1:5002), to tell its failures apart
          --nginx-log FILE     nginx's access log (deploy/nginx/nginx.conf's format), to see which node a failed request was on
          --state-out FILE     write one account's token and goal (JSON) there, for the CLI check
          --summary-out FILE   write the summary (JSON) there too

        Exit code: 0 when every acknowledged write was read back exactly once and no request failed
        but those in flight on the killed node; 1 otherwise; 2 for bad arguments.
        """;

    public required Uri Url { get; init; }
    public string? CertificateFile { get; init; }
    public int Clients { get; init; } = 32;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public double? Rate { get; init; }
    public double WriteShare { get; init; } = 0.3;
    public int? KillPid { get; init; }
    public TimeSpan? KillAfter { get; init; }
    public string? KilledNode { get; init; }
    public string? NginxLog { get; init; }
    public string? StateOut { get; init; }
    public string? SummaryOut { get; init; }

    public TimeSpan KillDelay => KillAfter ?? Duration / 3;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            }
            values[args[i][2..]] = args[i + 1];
        }
        string? Take(string name) => values.Remove(name, out var value) ? value : null;

        var options = new LoadOptions
        {
            Url = new Uri(Take("url") ?? throw new ArgumentException("--url is required.")),
            CertificateFile = Take("ca"),
            Clients = Take("clients") is { } clients ? int.Parse(clients, CultureInfo.InvariantCulture) : 32,
            Duration = Take("duration") is { } duration ? ParseTime(duration) : TimeSpan.FromSeconds(60),
            Rate = Take("rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : null,
            WriteShare = Take("writes") is { } writes ? double.Parse(writes, CultureInfo.InvariantCulture) : 0.3,
            KillPid = Take("kill-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            KillAfter = Take("kill-after") is { } after ? ParseTime(after) : null,
            KilledNode = Take("killed-node"),
            NginxLog = Take("nginx-log"),
            StateOut = Take("state-out"),
            SummaryOut = Take("summary-out"),
        };
        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option --{values.Keys.First()}.");
        }
        if (options.Clients < 1 || options.WriteShare is < 0 or > 1 || options.Rate <= 0)
        {
            throw new ArgumentException("--clients must be at least 1, --writes between 0 and 1, --rate above 0.");
        }
        return options;
    }

    /// <summary><c>90s</c>, <c>30m</c>, <c>1h</c>, or bare seconds.</summary>
    public static TimeSpan ParseTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text[^1] switch
        {
            's' => (text[..^1], 1),
            'm' => (text[..^1], 60),
            'h' => (text[..^1], 3600),
            _ => (text, 1),
        };
        return TimeSpan.FromSeconds(double.Parse(number, CultureInfo.InvariantCulture) * unit);
    }
}
