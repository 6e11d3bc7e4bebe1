using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>
/// A habit's reminder: an email at <c>time</c> (<c>HH:mm</c>, the account's zone) on <c>weekdays</c>
/// (all seven when absent), unless the day is checked, skipped or in a break. A habit has at most four, at distinct times.
/// </summary>
public sealed record ReminderFields(
    [property: RegularExpression(ApiLimits.TimeOfDayPattern)] string? Time,
    IReadOnlyList<Weekday>? Weekdays = null);

/// <summary>A habit's reminder as stored: its time and its days, Monday first.</summary>
public sealed record ReminderResponse(string Time, IReadOnlyList<Weekday> Weekdays);
