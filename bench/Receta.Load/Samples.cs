using System.Collections.Concurrent;
using System.Diagnostics;

namespace Receta.Load;

/// <summary>
/// One request as the client saw it: its kind, when it started and ended (<see cref="Stopwatch"/>
/// ticks since the session began), its HTTP status (0 when no answer came: the connection failed, a
/// timeout), the id sent in <c>X-Request-Id</c> (which nginx logs) and, when it failed, why.
/// </summary>
public sealed record Sample(string Kind, long StartTicks, long EndTicks, int Status, string RequestId, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public double Milliseconds => (EndTicks - StartTicks) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>One entry a client meant to log, under one Idempotency-Key, through all its attempts.</summary>
public sealed class Write(int client, string goalId, string key)
{
    public int Client { get; } = client;

    public string GoalId { get; } = goalId;

    /// <summary>Also the entry's note, by which it is found again.</summary>
    public string Key { get; } = key;

    /// <summary>The entry's id once a 201 came back: an acknowledged write.</summary>
    public string? EntryId { get; set; }

    public List<Sample> Attempts { get; } = [];
}

/// <summary>Everything the clients recorded: latencies of the answered requests, every failed one, every write.</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _latencies = new(StringComparer.Ordinal);
    private long _requests;
    private long _failures;

    public ConcurrentQueue<Sample> Failures { get; } = new();

    public ConcurrentQueue<Write> Writes { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public long FailureCount => Interlocked.Read(ref _failures);

    public void Add(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Interlocked.Increment(ref _requests);
        if (sample.Succeeded)
        {
            _latencies.GetOrAdd(sample.Kind, _ => new ConcurrentQueue<double>()).Enqueue(sample.Milliseconds);
        }
        else
        {
            Interlocked.Increment(ref _failures);
            Failures.Enqueue(sample);
        }
    }

    public IReadOnlyDictionary<string, double[]> SortedLatencies() =>
        _latencies.ToDictionary(pair => pair.Key, pair => pair.Value.Order().ToArray(), StringComparer.Ordinal);

    public static double Percentile(IReadOnlyList<double> sorted, double share)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
