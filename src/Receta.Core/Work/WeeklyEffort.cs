namespace Receta.Core.Work;

/// <summary>Minutes worked in one ISO week.</summary>
/// <param name="Week">The ISO week as "yyyy-Www" with the ISO week-year, e.g. "2025-W01" for 2024-12-30.</param>
/// <param name="Minutes">Total minutes of the week's sessions.</param>
public sealed record WeeklyEffort(string Week, int Minutes);
