namespace Receta.Core.Work;

/// <summary>A habit as of a day.</summary>
/// <param name="CurrentStreak">Consecutive met days ending on the day, or on the day before when the day is not (yet) met.</param>
/// <param name="BestStreak">The longest run of met days up to the day.</param>
/// <param name="Strength">The smoothed score, 0–100, rounded to 0.1; 0 with no check.</param>
public sealed record HabitReport(int CurrentStreak, int BestStreak, double Strength);
