using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>
/// What email the account receives (connections.md §4). Habit reminders at each habit's times; a risk
/// alert when a goal newly falls behind or its odds of finishing on time newly fall under
/// <c>riskThreshold</c>; the weekly digest at <c>digest</c> (null: none); as a circle member, the
/// digest of the goals shared with you (<c>circleDigest</c>); cheers and suggestions on your goals
/// (<c>circleNews</c>). Nothing is sent in the quiet hours: it waits for their end.
/// </summary>
public sealed record NotificationSettingsResponse(
    bool Reminders,
    bool RiskAlerts,
    double RiskThreshold,
    DigestSchedule? Digest,
    bool CircleDigest,
    bool CircleNews,
    QuietHours? QuietHours);

/// <summary>The weekly digest's day and local hour (0–23).</summary>
public sealed record DigestSchedule(
    Weekday Weekday,
    [property: Range(0, 23)] int Hour);

/// <summary>Local times <c>HH:mm</c>; quiet hours may run past midnight (<c>22:00</c>–<c>07:00</c>).</summary>
public sealed record QuietHours(
    [property: RegularExpression(ApiLimits.TimeOfDayPattern)] string From,
    [property: RegularExpression(ApiLimits.TimeOfDayPattern)] string To);

/// <summary>The writable settings (a merge patch of <c>PATCH /me/notifications</c>); <c>digest</c> or <c>quietHours</c> null turns it off.</summary>
public sealed record NotificationSettingsFields(
    bool? Reminders,
    bool? RiskAlerts,
    [property: Range(0.0, 1.0)] double? RiskThreshold,
    DigestFields? Digest,
    bool? CircleDigest,
    bool? CircleNews,
    QuietHoursFields? QuietHours);

/// <summary>The weekly digest's day and local hour (0–23), both required when it is on.</summary>
public sealed record DigestFields(
    Weekday? Weekday,
    [property: Range(0, 23)] int? Hour);

/// <summary>Quiet hours' local start and end, <c>HH:mm</c>, both required when there are some.</summary>
public sealed record QuietHoursFields(
    [property: RegularExpression(ApiLimits.TimeOfDayPattern)] string? From,
    [property: RegularExpression(ApiLimits.TimeOfDayPattern)] string? To);
