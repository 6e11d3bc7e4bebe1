namespace Receta.Contracts;

/// <summary>A habit as of a day: its streaks and strength (0–100), and the dates checked up to that day.</summary>
public sealed record HabitResponse(
    Guid Id,
    string Title,
    int Times,
    int PerDays,
    int CurrentStreak,
    int BestStreak,
    double Strength,
    IReadOnlyList<DateOnly> Checks);
