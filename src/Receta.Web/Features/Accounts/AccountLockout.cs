using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Throttles guessing per account: after <see cref="MaxFailures"/> failed sign-ins within
/// <see cref="Window"/>, every attempt is refused (429) until the oldest of those failures is
/// <see cref="Window"/> old, even with the right password. The window slides on the app's clock:
/// failures of an account are its <c>signInFailed</c> audit events, so every node sees them.
/// </summary>
/// <remarks>
/// An email with no account is throttled alike, in memory, so that the answers do not tell which
/// emails have accounts.
/// </remarks>
public sealed class AccountLockout(RecetaDbContext db, TimeProvider clock, IMemoryCache memory)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How long the account must wait before the next attempt; null when it may try now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(Guid userId)
    {
        var now = clock.GetUtcNow();
        var since = now - Window;
        var newestFailures = await db.AuditEvents.AsNoTracking()
            .Where(e => e.UserId == userId && e.Action == AuditActions.SignInFailed && e.At > since)
            .OrderByDescending(e => e.At)
            .Select(e => e.At)
            .Take(MaxFailures)
            .ToListAsync();
        return Wait(newestFailures, now);
    }

    /// <summary>Like <see cref="RetryAfterAsync"/>, for an email that has no account.</summary>
    public TimeSpan? RetryAfterWithoutAccount(string email)
    {
        var now = clock.GetUtcNow();
        return memory.TryGetValue(Key(email), out UnknownEmailFailures? failures) ? Wait(failures!.Newest(now - Window), now) : null;
    }

    public void RecordFailureWithoutAccount(string email)
    {
        var failures = memory.GetOrCreate(Key(email), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = Window;
            return new UnknownEmailFailures();
        })!;
        failures.Add(clock.GetUtcNow());
    }

    private static TimeSpan? Wait(List<DateTimeOffset> newestFirst, DateTimeOffset now) =>
        newestFirst.Count < MaxFailures ? null : newestFirst[MaxFailures - 1] + Window - now;

    private static (string, string) Key(string email) => ("sign-in-failures", email.Trim().ToUpperInvariant());

    private sealed class UnknownEmailFailures
    {
        private readonly Lock _lock = new();
        private readonly Queue<DateTimeOffset> _times = new();

        public void Add(DateTimeOffset at)
        {
            lock (_lock)
            {
                _times.Enqueue(at);
                while (_times.Count > MaxFailures)
                {
                    _times.Dequeue();
                }
            }
        }

        public List<DateTimeOffset> Newest(DateTimeOffset after)
        {
            lock (_lock)
            {
                return _times.Where(t => t > after).OrderDescending().ToList();
            }
        }
    }
}
