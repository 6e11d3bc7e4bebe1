using System.Globalization;

namespace Receta.Core.Work;

/// <summary>Effort per week: recipe.md §5.</summary>
public static class Effort
{
    /// <summary>
    /// The minutes of <paramref name="sessions"/> summed by ISO week (ISO week-year, weeks start on Monday),
    /// ascending; only weeks with work are listed.
    /// </summary>
    public static IReadOnlyList<WeeklyEffort> ByIsoWeek(IEnumerable<WorkSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var minutesByWeek = new SortedDictionary<(int Year, int Week), int>();
        foreach (var session in sessions)
        {
            var day = session.Date.ToDateTime(TimeOnly.MinValue);
            var week = (ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
            minutesByWeek[week] = minutesByWeek.GetValueOrDefault(week) + session.Minutes;
        }
        return [.. minutesByWeek.Select(w => new WeeklyEffort(
            string.Create(CultureInfo.InvariantCulture, $"{w.Key.Year:D4}-W{w.Key.Week:D2}"), w.Value))];
    }
}
