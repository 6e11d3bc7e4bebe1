using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Receta.Load;

/// <summary>A client's account and the goal it reads and writes.</summary>
public sealed record ClientAccount(int Number, string Token, string GoalId);

/// <summary>The run: set up the clients, send the mix, kill the node on time, then read every write back.</summary>
public sealed class LoadRun(LoadOptions options, ApiSession api, TextWriter log)
{
    /// <summary>How long a write whose answer was lost is tried again (same key) before it counts as unresolved.</summary>
    private static readonly TimeSpan WriteRetryWindow = TimeSpan.FromSeconds(20);

    private static readonly DateOnly FirstDay = new(2026, 1, 1);

    private readonly Recorder _recorder = new();
    private long _killTicks = -1;
    private long _nextSlot;
    private long _began;

    public Recorder Recorder => _recorder;

    /// <summary>When the node was killed (ticks since the session began), or -1.</summary>
    public long KillTicks => Interlocked.Read(ref _killTicks);

    public async Task<IReadOnlyList<ClientAccount>> SetUpAsync(CancellationToken cancellationToken)
    {
        var accounts = new ClientAccount[options.Clients];
        // A few at a time: every account costs two password hashes on the server.
        await Parallel.ForAsync(0, options.Clients, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var token = await api.CreateAccountAsync(i, ct);
            var goal = await api.SetUpAsync(HttpMethod.Post, "/api/v1/goals", new
            {
                title = $"Load goal {i}",
                purpose = "See that nothing is lost",
                startDate = FirstDay,
                targetDate = FirstDay.AddYears(2),
                measure = new { unit = "pages", start = 0, target = 1_000_000, aggregation = "sum" },
            }, token, ct);
            var goalId = goal.GetProperty("id").GetString()!;
            await api.SetUpAsync(HttpMethod.Post, $"/api/v1/goals/{goalId}/milestones",
                new { title = "First draft", dueDate = FirstDay.AddMonths(6), estimateHours = 40 }, token, ct);
            accounts[i] = new ClientAccount(i, token, goalId);
        });
        return accounts;
    }

    public async Task RunAsync(IReadOnlyList<ClientAccount> accounts, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var began = api.Now;
        _began = began;
        _nextSlot = began;
        var clients = accounts.Select(account => Task.Run(() => ClientAsync(account, stop.Token), CancellationToken.None)).ToList();
        var killer = options.KillPid is { } pid ? KillAsync(pid, stop.Token) : Task.CompletedTask;
        var progress = ReportProgressAsync(began, stop.Token);
        try
        {
            await Task.Delay(options.Duration, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(clients);
            await killer;
            await progress;
        }
    }

    private async Task KillAsync(int pid, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.KillDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        using var node = Process.GetProcessById(pid);
        Interlocked.Exchange(ref _killTicks, api.Now);
        // Process.Kill is SIGKILL on Linux: kill -9, nothing flushed, no graceful shutdown.
        node.Kill();
        await log.WriteLineAsync($"killed node (pid {pid}) with SIGKILL {ApiSession.Elapsed(KillTicks - _began).TotalSeconds:0.0} s into the run");
    }

    private async Task ReportProgressAsync(long began, CancellationToken cancellationToken)
    {
        var lastRequests = 0L;
        var lastTicks = began;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
                var now = api.Now;
                var requests = _recorder.Requests;
                var rate = (requests - lastRequests) / ApiSession.Elapsed(now - lastTicks).TotalSeconds;
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{ApiSession.Elapsed(now - began).TotalSeconds,6:0} s  {requests,9} requests  {rate,7:0} /s  {_recorder.FailureCount} failed"));
                (lastRequests, lastTicks) = (requests, now);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ClientAsync(ClientAccount account, CancellationToken stop)
    {
        var random = new Random(account.Number);
        var goal = $"/api/v1/goals/{account.GoalId}";
        var writes = 0;
        while (!stop.IsCancellationRequested)
        {
            if (!await WaitForSlotAsync(stop))
            {
                break;
            }
            var pick = random.NextDouble();
            if (pick < options.WriteShare)
            {
                // Finished even after the run's end: a write is tried again until it is resolved.
                await WriteAsync(account, FirstDay.AddDays(writes++ % 330));
                continue;
            }
            var read = (pick - options.WriteShare) / (1 - options.WriteShare);
            var (kind, path) = read switch
            {
                < 0.3 => ("progress", $"{goal}/progress"),
                < 0.55 => ("roadmap", $"{goal}/roadmap"),
                < 0.75 => ("goals", "/api/v1/goals"),
                _ => ("dashboard", "/api/v1/dashboard"),
            };
            var (sample, _, _) = await api.SendAsync(kind, HttpMethod.Get, path, token: account.Token, cancellationToken: CancellationToken.None);
            _recorder.Add(sample);
        }
    }

    /// <summary>With --rate, the next of the evenly spaced start times shared by all clients; false once stopped.</summary>
    private async Task<bool> WaitForSlotAsync(CancellationToken stop)
    {
        if (options.Rate is not { } rate)
        {
            return true;
        }
        var slot = Interlocked.Add(ref _nextSlot, (long)(Stopwatch.Frequency / rate));
        var wait = ApiSession.Elapsed(slot - api.Now);
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, stop);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    private async Task WriteAsync(ClientAccount account, DateOnly date)
    {
        var write = new Write(account.Number, account.GoalId, Guid.NewGuid().ToString("N"));
        _recorder.Writes.Enqueue(write);
        var body = new { date, value = 1, note = write.Key };
        var first = api.Now;
        for (var attempt = 1; ; attempt++)
        {
            var (sample, answer, _) = await api.SendAsync(attempt == 1 ? "entry" : "entry retry", HttpMethod.Post,
                $"/api/v1/goals/{account.GoalId}/entries", body, account.Token, write.Key);
            _recorder.Add(sample);
            lock (write.Attempts)
            {
                write.Attempts.Add(sample);
            }
            if (sample.Status == (int)HttpStatusCode.Created && answer is { } created)
            {
                write.EntryId = created.GetProperty("id").GetString();
                return;
            }
            // A refusal other than "still running" (409) will not change on a retry.
            var retryable = sample.Status is 0 or 409 or >= 500;
            if (!retryable || ApiSession.Elapsed(api.Now - first) > WriteRetryWindow)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 250 * attempt)));
        }
    }

    /// <summary>Every entry of every client's goal, by note: how many times each key's entry is there, and its ids.</summary>
    public async Task<Dictionary<string, List<string>>> ReadBackAsync(IReadOnlyList<ClientAccount> accounts, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            string? cursor = null;
            do
            {
                var path = $"/api/v1/goals/{account.GoalId}/entries?limit=1000" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
                var page = await api.SetUpAsync(HttpMethod.Get, path, null, account.Token, cancellationToken);
                foreach (var entry in page.GetProperty("items").EnumerateArray())
                {
                    var note = entry.GetProperty("note").GetString() ?? "";
                    if (!found.TryGetValue(note, out var ids))
                    {
                        found[note] = ids = [];
                    }
                    ids.Add(entry.GetProperty("id").GetString()!);
                }
                cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            while (cursor is not null);
        }
        return found;
    }
}
