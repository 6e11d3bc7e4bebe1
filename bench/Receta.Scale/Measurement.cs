using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Receta.Scale;

/// <summary>
/// Reads the progress, roadmap and dashboard of random generated users from a running node, one
/// request at a time, and reports p50, p99 and the slowest per view.
/// </summary>
/// <remarks>
/// One request at a time: the figure wanted is what one read costs as the database grows, not how
/// requests queue on two cores shared with the database (and, here, with other work); a load test
/// (bench/Receta.Load) answers that. The node keeps computed views and goal histories in memory per
/// goal version, so every measured read is of a user and goals no earlier request touched: each
/// is a cold read of the database (whose own pages are in memory: it fits in RAM here).
/// </remarks>
public static class Measurement
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string[] Views = ["progress", "roadmap", "dashboard", "progress, long history"];

    public static async Task<int> RunAsync(ScaleOptions options, Dataset dataset, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(log);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var random = new Random(checked((int)(options.Seed % int.MaxValue)));
        var order = Enumerable.Range(0, dataset.Users).ToArray();
        random.Shuffle(order);
        var warmup = order.Take(Math.Min(options.Warmup, dataset.Users / 10)).ToArray();
        var rest = order.Skip(warmup.Length).ToList();

        // Users with a long history first get their own view (their goal's first read), then the
        // others take turns among the three views: no goal or user is read twice.
        var plan = Views.ToDictionary(v => v, _ => new List<(int User, string Path)>(), StringComparer.Ordinal);
        foreach (var user in rest.Where(u => Dataset.GoalsOf(u).Any(dataset.IsLong)).Take(options.Samples).ToList())
        {
            plan["progress, long history"].Add((user, ProgressPath(dataset, Dataset.GoalsOf(user).First(dataset.IsLong))));
            rest.Remove(user);
        }
        for (var i = 0; i < rest.Count; i++)
        {
            var user = rest[i];
            var goal = Dataset.GoalsOf(user).ElementAt(random.Next(Dataset.GoalsPerUser));
            var (view, path) = (i % 3) switch
            {
                0 => ("progress", ProgressPath(dataset, goal)),
                1 => ("roadmap", FormattableString.Invariant($"/api/v1/goals/{dataset.GoalId(goal)}/roadmap")),
                _ => ("dashboard", "/api/v1/dashboard"),
            };
            if (plan[view].Count < options.Samples)
            {
                plan[view].Add((user, path));
            }
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"warming up on {warmup.Length} users, then {string.Join(", ", Views.Select(v => $"{plan[v].Count} {v}"))} reads, one at a time, against {options.Url}"));
        foreach (var user in warmup)
        {
            var goal = Dataset.GoalsOf(user).First();
            foreach (var path in new[] { ProgressPath(dataset, goal), FormattableString.Invariant($"/api/v1/goals/{dataset.GoalId(goal + 1)}/roadmap"), "/api/v1/dashboard" })
            {
                await GetAsync(http, dataset.TokenSecret(user), path, cancellationToken);
            }
        }

        var latencies = Views.ToDictionary(v => v, _ => new List<double>(), StringComparer.Ordinal);
        var queues = Views.Select(v => (View: v, Reads: new Queue<(int User, string Path)>(plan[v]))).ToList();
        var failures = 0;
        // Views take turns, so that whatever else the machine does weighs on each alike.
        while (queues.Any(q => q.Reads.Count > 0))
        {
            foreach (var (view, reads) in queues.Where(q => q.Reads.Count > 0))
            {
                var (user, path) = reads.Dequeue();
                var (ok, milliseconds) = await GetAsync(http, dataset.TokenSecret(user), path, cancellationToken);
                if (ok)
                {
                    latencies[view].Add(milliseconds);
                }
                else
                {
                    failures++;
                }
            }
        }

        var summary = new Dictionary<string, object?>
        {
            ["users"] = dataset.Users,
            ["goals"] = dataset.Goals,
            ["entries"] = dataset.Entries,
            ["seed"] = dataset.Seed,
            ["failures"] = failures,
            ["distinctUsersRead"] = plan.Values.Sum(p => p.Count),
        };
        var views = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var view in Views)
        {
            var sorted = latencies[view].Order().ToArray();
            if (sorted.Length == 0)
            {
                continue;
            }
            var (p50, p99, max) = (Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
            views[view] = new { count = sorted.Length, p50Ms = Math.Round(p50, 2), p99Ms = Math.Round(p99, 2), maxMs = Math.Round(max, 2) };
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {view,-24} {sorted.Length,6}  p50 {p50,8:0.00} ms  p99 {p99,8:0.00} ms  max {max,8:0.00} ms"));
        }
        summary["views"] = views;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"every measured read was the first of its user and goal since the node started ({summary["distinctUsersRead"]} users): none came from the node's view cache; {failures} failed"));
        if (options.SummaryOut is { } file)
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(summary, Indented), cancellationToken);
        }
        return failures == 0 ? 0 : 1;
    }

    private static string ProgressPath(Dataset dataset, int goal) => FormattableString.Invariant($"/api/v1/goals/{dataset.GoalId(goal)}/progress");

    private static async Task<(bool Ok, double Milliseconds)> GetAsync(HttpClient http, string token, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync($"GET {path}: {(int)response.StatusCode}");
        }
        return (response.IsSuccessStatusCode, elapsed);
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double share)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
