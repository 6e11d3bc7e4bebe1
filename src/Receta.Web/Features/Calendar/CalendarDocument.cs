using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using Receta.Core.Progress;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Calendar;

/// <summary>What the feed shows of one goal the account can read, as of the account's today.</summary>
/// <param name="Goal">The goal, with its target date and title.</param>
/// <param name="Milestones">The milestones that have a due date.</param>
/// <param name="Forecast">The progress view's forecast, or null when it has none.</param>
/// <param name="Habits">The daily habits (as many times as days).</param>
/// <param name="Breaks">The goal's breaks.</param>
/// <param name="PendingAttempts">The attempts whose outcome is not known yet.</param>
public sealed record CalendarGoal(
    Goal Goal,
    IReadOnlyList<Milestone> Milestones,
    Forecast? Forecast,
    IReadOnlyList<CalendarHabit> Habits,
    IReadOnlyList<GoalBreak> Breaks,
    IReadOnlyList<Attempt> PendingAttempts);

/// <summary>A daily habit from the day <paramref name="From"/> on, but on the days it is <paramref name="Excused"/> (skipped, or in a break and not checked).</summary>
public sealed record CalendarHabit(Habit Habit, DateOnly From, IReadOnlyList<DateOnly> Excused);

/// <summary>
/// Writes the feed as RFC 5545 (formats.md §7) with Ical.Net's serializer, which ends lines with CRLF
/// and folds them at 75 octets. Everything is an all-day event (<c>VALUE=DATE</c>, the end day
/// excluded) that keeps the time free (<c>TRANSP:TRANSPARENT</c>), with a UID made from Receta's ids
/// so that a refresh replaces an event rather than adding it again. Nothing in it depends on the
/// moment it is written: the same data as of the same day gives the same bytes.
/// </summary>
public sealed class CalendarDocument(IStringLocalizer<CalendarDocument> texts)
{
    public const string ProductId = "-//Receta//Calendar feed 1.0//EN";

    /// <summary>How often calendar apps are asked to read the feed again.</summary>
    private const string RefreshInterval = "PT1H";

    /// <param name="goals">The goals, in the order their events are written.</param>
    /// <param name="culture">The account's language: the events' titles and descriptions are in it.</param>
    /// <param name="timeZoneId">The account's IANA time zone, a hint for the calendar app.</param>
    /// <param name="stamp">Every event's <c>DTSTAMP</c>: the latest change the feed knows of, not the moment it is written.</param>
    /// <param name="origin">Where the app is reached: each event links to its goal's page there.</param>
    public string Write(IReadOnlyList<CalendarGoal> goals, CultureInfo culture, string timeZoneId, DateTimeOffset stamp, string origin)
    {
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(culture);
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = CalendarMethods.Publish, Scale = "GREGORIAN" };
        // The resources are looked up in the UI culture; the account's language is not the request's.
        Localization.InCulture(culture, () =>
        {
            var name = texts["CalendarName"].Value;
            calendar.AddProperty("X-WR-CALNAME", name);
            calendar.AddProperty("NAME", name);
            var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
            refresh.AddParameter("VALUE", "DURATION");
            calendar.AddProperty(refresh);
            calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);
            calendar.AddProperty("X-WR-TIMEZONE", timeZoneId);
            var dtStamp = new CalDateTime(stamp.UtcDateTime, "UTC");
            foreach (var goal in goals)
            {
                foreach (var item in Events(goal, culture))
                {
                    item.DtStamp = dtStamp;
                    item.Sequence = Sequence(goal.Goal);
                    item.Transparency = TransparencyType.Transparent;
                    item.Url = new Uri($"{origin.TrimEnd('/')}/goals/{goal.Goal.Id}");
                    calendar.Events.Add(item);
                }
            }
            return calendar;
        });
        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no calendar.");
    }

    private IEnumerable<CalendarEvent> Events(CalendarGoal item, CultureInfo culture)
    {
        var goal = item.Goal;
        if (goal.TargetDate is { } target)
        {
            yield return AllDay($"goal-target-{goal.Id}@receta", target, target, texts["TargetDate", goal.Title]);
        }
        if (item.Forecast is { P50: { } p50, P90: { } p90 })
        {
            var window = AllDay($"goal-forecast-{goal.Id}@receta", p50, p90, texts["Forecast", goal.Title]);
            window.Description = texts["ForecastDescription", Day(p50, culture), Day(p90, culture)];
            window.Status = EventStatus.Tentative;
            yield return window;
        }
        foreach (var milestone in item.Milestones)
        {
            var due = milestone.DueDate!.Value;
            var done = milestone.Status == Core.Roadmap.MilestoneStatus.Done;
            var entry = AllDay($"milestone-{milestone.Id}@receta", due, due,
                texts[done ? "MilestoneDone" : "Milestone", milestone.Title, goal.Title]);
            if (done && milestone.CompletedOn is { } completed)
            {
                entry.Description = texts["MilestoneDoneOn", Day(completed, culture)];
            }
            yield return entry;
        }
        foreach (var habit in item.Habits)
        {
            var daily = AllDay($"habit-{habit.Habit.Id}@receta", habit.From, habit.From, texts["Habit", habit.Habit.Title, goal.Title]);
            daily.RecurrenceRule = new RecurrenceRule(FrequencyType.Daily);
            daily.ExceptionDates.AddRange(habit.Excused.Select(day => new CalDateTime(day)));
            yield return daily;
        }
        foreach (var pause in item.Breaks)
        {
            var entry = AllDay($"break-{pause.Id}@receta", pause.From, pause.To, texts["Break", goal.Title]);
            entry.Description = pause.Note;
            yield return entry;
        }
        foreach (var attempt in item.PendingAttempts)
        {
            var entry = AllDay($"attempt-{attempt.Id}@receta", attempt.Date, attempt.Date, texts["Attempt", attempt.Title, goal.Title]);
            entry.Description = texts["AttemptPending"];
            yield return entry;
        }
    }

    /// <summary>An all-day event from <paramref name="first"/> to <paramref name="last"/>, both included: DTEND is the day after.</summary>
    private static CalendarEvent AllDay(string uid, DateOnly first, DateOnly last, string summary) => new()
    {
        Uid = uid,
        DtStart = new CalDateTime(first),
        DtEnd = new CalDateTime(last.AddDays(1)),
        Summary = summary,
    };

    /// <summary>The goal's version (raised by every change to it or under it), so that a calendar app sees each event revised.</summary>
    private static int Sequence(Goal goal) => (int)Math.Clamp(goal.Version, 0, int.MaxValue);

    private static string Day(DateOnly day, CultureInfo culture) => day.ToString("D", culture);
}
