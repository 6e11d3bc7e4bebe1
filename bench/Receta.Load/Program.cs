using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Receta.Load;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var log = Console.Out;
using var api = new ApiSession(options.Url, options.CertificateFile);

await log.WriteLineAsync($"setting up {options.Clients} accounts, each with a goal, on {options.Url}");
var run = new LoadRun(options, api, log);
var accounts = await run.SetUpAsync(cancel.Token);
if (options.StateOut is { } stateFile)
{
    await File.WriteAllTextAsync(stateFile, JsonSerializer.Serialize(new { token = accounts[0].Token, goalId = accounts[0].GoalId, goalTitle = "Load goal 0" }));
}

var mode = options.Rate is { } rate ? string.Create(CultureInfo.InvariantCulture, $"at {rate:0} requests/s") : "as fast as they go";
await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
    $"running {options.Clients} clients {mode} for {options.Duration.TotalSeconds:0} s, {options.WriteShare:P0} writes"));
var began = api.Now;
await run.RunAsync(accounts, cancel.Token);
var ran = ApiSession.Elapsed(api.Now - began);

await log.WriteLineAsync("reading every entry back");
var found = await run.ReadBackAsync(accounts, CancellationToken.None);
var page = await api.GetPageAsync("/signin", CancellationToken.None);

// Which node each failed request was on, from nginx's access log (rid= and up= of deploy/nginx/nginx.conf's format).
var upstreams = new Dictionary<string, string>(StringComparer.Ordinal);
if (options.NginxLog is { } nginxLog && File.Exists(nginxLog))
{
    var line = new Regex("rid=(?<rid>[0-9a-f]{32}) up=\"(?<up>[^\"]*)\"", RegexOptions.CultureInvariant);
    foreach (var text in File.ReadLines(nginxLog))
    {
        if (line.Match(text) is { Success: true } match)
        {
            upstreams[match.Groups["rid"].Value] = match.Groups["up"].Value;
        }
    }
}
var killTicks = run.KillTicks;
bool InFlightOnKilledNode(Sample sample) =>
    killTicks >= 0 && sample.StartTicks <= killTicks && sample.EndTicks >= killTicks
    && (options.KilledNode is null || !upstreams.TryGetValue(sample.RequestId, out var up) || up.Contains(options.KilledNode, StringComparison.Ordinal));

var writes = run.Recorder.Writes.ToList();
var inFlight = new HashSet<Sample>();
var heldByKilledNode = new HashSet<Sample>();
foreach (var write in writes)
{
    var interrupted = false;
    foreach (var attempt in write.Attempts.Where(a => !a.Succeeded))
    {
        if (InFlightOnKilledNode(attempt))
        {
            inFlight.Add(attempt);
            interrupted = true;
        }
        else if (interrupted && attempt.Status == (int)HttpStatusCode.Conflict)
        {
            // The key's reservation was made by the killed node, which never saved its answer.
            heldByKilledNode.Add(attempt);
        }
    }
}
foreach (var sample in run.Recorder.Failures.Where(s => s.Kind is not ("entry" or "entry retry") && InFlightOnKilledNode(s)))
{
    inFlight.Add(sample);
}
var unexpected = run.Recorder.Failures.Where(s => !inFlight.Contains(s) && !heldByKilledNode.Contains(s)).ToList();

var acknowledged = writes.Where(w => w.EntryId is not null).ToList();
var unresolved = writes.Where(w => w.EntryId is null).ToList();
var keys = writes.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
int Count(Write write) => found.TryGetValue(write.Key, out var ids) ? ids.Count : 0;
var lost = acknowledged.Where(w => Count(w) == 0).ToList();
var duplicated = writes.Where(w => Count(w) > 1).ToList();
var wrongId = acknowledged.Where(w => Count(w) == 1 && found[w.Key][0] != w.EntryId).ToList();
var strangers = found.Keys.Where(note => !keys.Contains(note)).ToList();
var acknowledgedAfterRetry = acknowledged.Count(w => w.Attempts.Count > 1);
var unresolvedPresent = unresolved.Count(w => Count(w) == 1);

var latencies = run.Recorder.SortedLatencies();
var all = latencies.Values.SelectMany(v => v).Order().ToArray();
string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
var summary = new Dictionary<string, object?>
{
    ["clients"] = options.Clients,
    ["seconds"] = Math.Round(ran.TotalSeconds, 1),
    ["requests"] = run.Recorder.Requests,
    ["requestsPerSecond"] = Math.Round(run.Recorder.Requests / ran.TotalSeconds, 1),
    ["p50Ms"] = Math.Round(Recorder.Percentile(all, 0.50), 1),
    ["p90Ms"] = Math.Round(Recorder.Percentile(all, 0.90), 1),
    ["p99Ms"] = Math.Round(Recorder.Percentile(all, 0.99), 1),
    ["byKind"] = latencies.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => new
    {
        count = p.Value.Length,
        p50Ms = Math.Round(Recorder.Percentile(p.Value, 0.50), 1),
        p99Ms = Math.Round(Recorder.Percentile(p.Value, 0.99), 1),
    }),
    ["killedAtSeconds"] = killTicks >= 0 ? Math.Round(ApiSession.Elapsed(killTicks - began).TotalSeconds, 1) : null,
    ["failedInFlightOnKilledNode"] = inFlight.Count,
    ["answered409WhileKeyHeldByKilledNode"] = heldByKilledNode.Count,
    ["failedOtherwise"] = unexpected.Count,
    ["writes"] = writes.Count,
    ["writesAcknowledged"] = acknowledged.Count,
    ["writesAcknowledgedAfterRetry"] = acknowledgedAfterRetry,
    ["writesUnresolved"] = unresolved.Count,
    ["writesUnresolvedButPresent"] = unresolvedPresent,
    ["acknowledgedLost"] = lost.Count,
    ["duplicated"] = duplicated.Count,
    ["acknowledgedWithAnotherId"] = wrongId.Count,
    ["entriesNobodyWrote"] = strangers.Count,
    ["signInPageStatus"] = (int)page,
};

await log.WriteLineAsync();
await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
    $"{run.Recorder.Requests} requests in {ran.TotalSeconds:0.0} s: {run.Recorder.Requests / ran.TotalSeconds:0} requests/s, p50 {Ms(Recorder.Percentile(all, 0.5))} ms, p90 {Ms(Recorder.Percentile(all, 0.9))} ms, p99 {Ms(Recorder.Percentile(all, 0.99))} ms"));
foreach (var (kind, values) in latencies.OrderBy(p => p.Key, StringComparer.Ordinal))
{
    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"  {kind,-12} {values.Length,8}  p50 {Ms(Recorder.Percentile(values, 0.5)),7} ms  p99 {Ms(Recorder.Percentile(values, 0.99)),7} ms"));
}
await log.WriteLineAsync($"failed: {inFlight.Count} in flight on the killed node, {heldByKilledNode.Count} retries answered 409 (key held by the killed node), {unexpected.Count} otherwise");
foreach (var failure in unexpected.Take(20))
{
    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"  unexpected: {failure.Kind} at {ApiSession.Elapsed(failure.StartTicks - began).TotalSeconds:0.0} s: {failure.Status} {failure.Error} (nginx: {upstreams.GetValueOrDefault(failure.RequestId, "?")})"));
}
await log.WriteLineAsync($"writes: {writes.Count}, acknowledged {acknowledged.Count} ({acknowledgedAfterRetry} after a retry with the same key), unresolved {unresolved.Count} ({unresolvedPresent} of them applied)");
await log.WriteLineAsync($"read back: {lost.Count} acknowledged writes missing, {duplicated.Count} duplicated, {wrongId.Count} under another id, {strangers.Count} entries nobody wrote");
await log.WriteLineAsync($"GET /signin through the balancer: {(int)page}");
if (options.SummaryOut is { } summaryFile)
{
    await File.WriteAllTextAsync(summaryFile, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
}

var passed = unexpected.Count == 0 && lost.Count == 0 && duplicated.Count == 0 && wrongId.Count == 0 && strangers.Count == 0 && page == HttpStatusCode.OK;
await log.WriteLineAsync(passed ? "PASS" : "FAIL");
return passed ? 0 : 1;
