namespace Receta.Data.Nudges;

/// <summary>
/// What email an account wants (connections.md §4). No row means the defaults: reminders and risk
/// alerts on at a threshold of 0.5, the weekly digest on Sunday at 18:00, no circle digest, no quiet hours.
/// </summary>
public sealed class NotificationSettings
{
    public const double DefaultRiskThreshold = 0.5;
    public const DayOfWeek DefaultDigestDay = DayOfWeek.Sunday;
    public const int DefaultDigestHour = 18;

    public Guid UserId { get; set; }

    public bool Reminders { get; set; } = true;

    public bool RiskAlerts { get; set; } = true;

    /// <summary>A goal's alert is due when its on-time probability newly falls under this (0–1).</summary>
    public double RiskThreshold { get; set; } = DefaultRiskThreshold;

    /// <summary>The weekly digest's day; null when the digest is off.</summary>
    public DayOfWeek? DigestDay { get; set; } = DefaultDigestDay;

    /// <summary>The local hour (0–23) of the weekly digest and of the daily look at the odds.</summary>
    public int DigestHour { get; set; } = DefaultDigestHour;

    /// <summary>Whether the account, as a circle member, gets the digest of the goals shared with it.</summary>
    public bool CircleDigest { get; set; }

    /// <summary>Whether cheers and suggestions reach the owner by email (batched, at most one email per goal per hour).</summary>
    public bool CircleNews { get; set; } = true;

    /// <summary>Local start of the quiet hours, when nothing is sent; with <see cref="QuietTo"/>, or both null.</summary>
    public TimeOnly? QuietFrom { get; set; }

    public TimeOnly? QuietTo { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
