using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>
/// A habit: <c>times</c> per <c>perDays</c> days, 1 ≤ times ≤ perDays ≤ 31 (daily is 1 per 1), and up to
/// four email reminders at distinct local times (<c>reminders</c> replaces them all; <c>[]</c> removes them).
/// </summary>
public sealed record HabitFields(
    [property: StringLength(ApiLimits.MaxTitleLength, MinimumLength = 1)] string? Title,
    [property: Range(1, ApiLimits.MaxHabitPeriodDays)] int? Times,
    [property: Range(1, ApiLimits.MaxHabitPeriodDays)] int? PerDays,
    IReadOnlyList<ReminderFields>? Reminders = null);
