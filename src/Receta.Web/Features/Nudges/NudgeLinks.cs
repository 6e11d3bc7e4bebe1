using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Nudges;

/// <summary>What an unsubscribe link turns off: one kind of email.</summary>
public enum NudgeKind
{
    Reminders,
    RiskAlerts,
    Digest,
    CircleDigest,
    CircleNews,
}

/// <summary>A "done" link's meaning: this account checks this habit on this date, and nothing else.</summary>
public sealed record DoneLink(Guid UserId, Guid GoalId, Guid HabitId, DateOnly Date);

/// <summary>An unsubscribe link's meaning: this account stops this kind of email.</summary>
public sealed record UnsubscribeLink(Guid UserId, NudgeKind Kind);

/// <summary>
/// The links in a nudge email: signed (ASP.NET data protection, one purpose per kind of link, so a
/// "done" link cannot be replayed as an unsubscribe or the other way), and expiring. They are
/// addresses of pages on the configured public address; opening one (a GET, as mail scanners do)
/// changes nothing: its page's button, or RFC 8058's one-click POST, acts.
/// </summary>
public sealed class NudgeLinks(IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>A reminder's "done" link works for a week: long enough for a late look at the inbox.</summary>
    public static readonly TimeSpan DoneLifetime = TimeSpan.FromDays(7);

    /// <summary>An unsubscribe link works for 60 days (RFC 8058 asks that it keep working for a while after the email).</summary>
    public static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(60);

    private readonly IDataProtector _done = protection.CreateProtector("Receta.Nudges.Done");
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("Receta.Nudges.Unsubscribe");

    public Uri Done(DoneLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{link.UserId:N}|{link.GoalId:N}|{link.HabitId:N}|{link.Date:yyyy-MM-dd}");
        return Page("nudges/done", Protect(_done, payload, DoneLifetime));
    }

    public Uri Unsubscribe(UnsubscribeLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Page("unsubscribe", Protect(_unsubscribe, $"{link.UserId:N}|{link.Kind}", UnsubscribeLifetime));
    }

    /// <summary>A goal's page (it asks the reader to sign in).</summary>
    public Uri Goal(Guid goalId) => Page("goals", goalId.ToString());

    /// <summary>The link a token stands for; null when it was not made here, was changed, or has expired.</summary>
    public DoneLink? ReadDone(string token)
    {
        var parts = Unprotect(_done, token)?.Split('|');
        return parts is [var user, var goal, var habit, var date]
            && Guid.TryParseExact(user, "N", out var userId) && Guid.TryParseExact(goal, "N", out var goalId)
            && Guid.TryParseExact(habit, "N", out var habitId)
            && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? new DoneLink(userId, goalId, habitId, day)
                : null;
    }

    /// <inheritdoc cref="ReadDone"/>
    public UnsubscribeLink? ReadUnsubscribe(string token)
    {
        var parts = Unprotect(_unsubscribe, token)?.Split('|');
        return parts is [var user, var kind] && Guid.TryParseExact(user, "N", out var userId) && Enum.TryParse<NudgeKind>(kind, out var what)
            ? new UnsubscribeLink(userId, what)
            : null;
    }

    // The expiry travels inside the signed payload and is checked against the app's clock (data
    // protection's time-limited protector would read the system clock instead).
    private string Protect(IDataProtector protector, string payload, TimeSpan lifetime) =>
        protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{(clock.GetUtcNow() + lifetime).ToUnixTimeSeconds()}|{payload}"));

    private string? Unprotect(IDataProtector protector, string token)
    {
        try
        {
            var signed = protector.Unprotect(token);
            var bar = signed.IndexOf('|', StringComparison.Ordinal);
            return bar > 0 && long.TryParse(signed.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && DateTimeOffset.FromUnixTimeSeconds(expires) >= clock.GetUtcNow()
                    ? signed[(bar + 1)..]
                    : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private Uri Page(string path, string token) => PublicUrls.Of(configuration, $"{path}/{token}");
}
