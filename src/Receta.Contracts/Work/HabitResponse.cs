namespace Receta.Contracts;

/// <summary>
/// A habit as of a day: its streaks and strength (0–100) on its counted days, and the dates checked and skipped up to
/// that day, ascending. A skipped date (or one in a break of the goal) that is not checked counts neither for nor
/// against the habit. <c>reminders</c> are the owner's own: a circle member sees none.
/// </summary>
public sealed record HabitResponse(
    Guid Id,
    string Title,
    int Times,
    int PerDays,
    int CurrentStreak,
    int BestStreak,
    double Strength,
    IReadOnlyList<DateOnly> Checks,
    IReadOnlyList<DateOnly> Skips,
    IReadOnlyList<ReminderResponse> Reminders);
