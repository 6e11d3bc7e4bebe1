using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Receta.Scale;

/// <summary>
/// Reads the progress, roadmap and dashboard of random generated users from running nodes, one
/// request at a time, and reports p50, p99 and the slowest per view and node, and the ratio of each
/// node's p99 to the first node's.
/// </summary>
/// <remarks>
/// One request at a time: the figure wanted is what one read costs as the database grows, not how
/// requests queue on two cores shared with the database (and, here, with other work); a load test
/// (bench/Receta.Load) answers that. Several nodes (one per dataset size) are read in turn, request
/// by request, with the same number of reads each, so that a busy moment of the machine weighs on
/// both sides of the ratio alike. A node keeps computed views and goal histories in memory per goal
/// version, so every measured read is of a user and goals no earlier request to that node touched:
/// each is a cold read of the database (whose own pages are in memory: it fits in RAM here).
/// </remarks>
public static class Measurement
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string[] Views = ["progress", "roadmap", "dashboard", "progress, long history"];

    public static async Task<int> RunAsync(ScaleOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var nodes = options.Targets.Select(t => new Node(t.Url, new Dataset(t.Users, Dataset.EntriesPerUser * t.Users, options.Seed), options)).ToList();
        try
        {
            // The same number of reads of each view on every node: as many as the smallest dataset has users for.
            var counts = Views.ToDictionary(v => v, v => nodes.Min(n => n.Plan[v].Count), StringComparer.Ordinal);
            foreach (var node in nodes)
            {
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{node.Url}: {node.Dataset.Users:N0} users; warming up on {node.Warmup.Count} of them"));
                await node.WarmUpAsync(cancellationToken);
            }
            await log.WriteLineAsync($"reading {string.Join(", ", Views.Select(v => $"{counts[v]} {v}"))} per node, one at a time, nodes and views in turn");
            for (var i = 0; i < counts.Values.Max(); i++)
            {
                foreach (var view in Views.Where(v => i < counts[v]))
                {
                    foreach (var node in nodes)
                    {
                        await node.ReadAsync(view, i, cancellationToken);
                    }
                }
            }

            var reports = new List<Dictionary<string, object?>>();
            foreach (var node in nodes)
            {
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{node.Dataset.Users:N0} users, {node.Dataset.Entries:N0} entries ({node.Url}), {node.Failures} failed:"));
                var views = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var view in Views.Where(v => node.Latencies[v].Count > 0))
                {
                    var (count, p50, p99, max) = node.Figures(view);
                    var entries = node.MeanHistory(view, counts[view]);
                    views[view] = new { count, p50Ms = Math.Round(p50, 2), p99Ms = Math.Round(p99, 2), maxMs = Math.Round(max, 2), meanEntriesPerGoal = Math.Round(entries, 1) };
                    var ratio = nodes[0].Latencies[view].Count > 0 ? p99 / nodes[0].Figures(view).P99 : double.NaN;
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {view,-24} {count,6}  p50 {p50,8:0.00} ms  p99 {p99,8:0.00} ms  max {max,8:0.00} ms  p99 / first node's {ratio,5:0.00}  ({entries,6:0.0} entries a read)"));
                }
                reports.Add(new Dictionary<string, object?>
                {
                    ["users"] = node.Dataset.Users,
                    ["goals"] = node.Dataset.Goals,
                    ["entries"] = node.Dataset.Entries,
                    ["failures"] = node.Failures,
                    ["views"] = views,
                });
            }
            await log.WriteLineAsync("every measured read was the first of its user and goal on its node since it started: none came from a node's view cache");
            if (options.SummaryOut is { } file)
            {
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { seed = options.Seed, nodes = reports }, Indented), cancellationToken);
            }
            return nodes.All(n => n.Failures == 0) ? 0 : 1;
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double share)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>One node, the dataset its database holds, which users it reads for which view, and what it measured.</summary>
    private sealed class Node : IDisposable
    {
        private readonly HttpClient _http;

        public Node(Uri url, Dataset dataset, ScaleOptions options)
        {
            Url = url;
            Dataset = dataset;
            _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            var random = new Random(checked((int)(options.Seed % int.MaxValue)));
            var order = Enumerable.Range(0, dataset.Users).ToArray();
            random.Shuffle(order);
            Warmup = order.Take(Math.Min(options.Warmup, dataset.Users / 10)).ToList();
            var rest = order.Skip(Warmup.Count).ToList();

            // Users with a long history first get their own view (their goal's first read), then the
            // others take turns among the three views: no goal or user is read twice.
            Plan = Views.ToDictionary(v => v, _ => new List<(int User, int Goal, string Path)>(), StringComparer.Ordinal);
            foreach (var user in rest.Where(u => Dataset.GoalsOf(u).Any(dataset.IsLong)).Take(options.Samples).ToList())
            {
                var goal = Dataset.GoalsOf(user).First(dataset.IsLong);
                Plan["progress, long history"].Add((user, goal, ProgressPath(goal)));
                rest.Remove(user);
            }
            for (var i = 0; i < rest.Count; i++)
            {
                var user = rest[i];
                var goal = Dataset.GoalsOf(user).ElementAt(random.Next(Dataset.GoalsPerUser));
                var (view, path) = (i % 3) switch
                {
                    0 => ("progress", ProgressPath(goal)),
                    1 => ("roadmap", RoadmapPath(goal)),
                    _ => ("dashboard", "/api/v1/dashboard"),
                };
                if (Plan[view].Count < options.Samples)
                {
                    Plan[view].Add((user, goal, path));
                }
            }
        }

        public Uri Url { get; }

        public Dataset Dataset { get; }

        public List<int> Warmup { get; }

        public Dictionary<string, List<(int User, int Goal, string Path)>> Plan { get; }

        public Dictionary<string, List<double>> Latencies { get; } = Views.ToDictionary(v => v, _ => new List<double>(), StringComparer.Ordinal);

        public int Failures { get; private set; }

        /// <summary>The JIT, the pools and the first statements, on users the measurement never reads.</summary>
        public async Task WarmUpAsync(CancellationToken cancellationToken)
        {
            foreach (var user in Warmup)
            {
                var goal = Dataset.GoalsOf(user).First();
                foreach (var path in new[] { ProgressPath(goal), RoadmapPath(goal + 1), "/api/v1/dashboard" })
                {
                    await GetAsync(Dataset.TokenSecret(user), path, cancellationToken);
                }
            }
        }

        public async Task ReadAsync(string view, int index, CancellationToken cancellationToken)
        {
            var (user, _, path) = Plan[view][index];
            var (ok, milliseconds) = await GetAsync(Dataset.TokenSecret(user), path, cancellationToken);
            if (ok)
            {
                Latencies[view].Add(milliseconds);
            }
            else
            {
                Failures++;
            }
        }

        /// <summary>How many entries a read covered, on average: its goal's, or for the dashboard the user's three goals'.</summary>
        public double MeanHistory(string view, int count) =>
            Plan[view].Take(count).Average(read => view == "dashboard"
                ? Dataset.GoalsOf(read.User).Sum(Dataset.LengthOf)
                : Dataset.LengthOf(read.Goal));

        public (int Count, double P50, double P99, double Max) Figures(string view)
        {
            var sorted = Latencies[view].Order().ToArray();
            return (sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
        }

        public void Dispose() => _http.Dispose();

        private string ProgressPath(int goal) => FormattableString.Invariant($"/api/v1/goals/{Dataset.GoalId(goal)}/progress");

        private string RoadmapPath(int goal) => FormattableString.Invariant($"/api/v1/goals/{Dataset.GoalId(goal)}/roadmap");

        private async Task<(bool Ok, double Milliseconds)> GetAsync(string token, string path, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            using var response = await _http.SendAsync(request, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"GET {Url}{path.TrimStart('/')}: {(int)response.StatusCode}");
            }
            return (response.IsSuccessStatusCode, elapsed);
        }
    }
}
