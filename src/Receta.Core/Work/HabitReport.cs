namespace Receta.Core.Work;

/// <summary>A habit as of a day, on its counted days (the days not excused by a skip or a break).</summary>
/// <param name="CurrentStreak">
/// Consecutive met counted days ending on the latest counted day, or on the counted day before it when that day is not
/// (yet) met. Without skips and breaks the latest counted day is the day itself.
/// </param>
/// <param name="BestStreak">The longest run of consecutive met counted days up to the day.</param>
/// <param name="Strength">The smoothed score, 0–100, rounded to 0.1; 0 with no check.</param>
public sealed record HabitReport(int CurrentStreak, int BestStreak, double Strength);
