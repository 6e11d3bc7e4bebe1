using Receta.Core.Circle;
using Receta.Core.Progress;

namespace Receta.Contracts;

/// <summary>One goal at a glance as of a day: its status, how far, the next milestone, the recipe score, today's habits and the odds of arriving on time.</summary>
public sealed record DashboardItem(
    GoalResponse Goal,
    CircleRole Role,
    ProgressStatus Status,
    double PercentComplete,
    int? BufferDays,
    ForecastResponse? Forecast,
    NextMilestone? Next,
    int Score,
    IReadOnlyList<HabitDueToday> HabitsDueToday,
    double? OnTimeProbability);

/// <summary>The next step of the roadmap.</summary>
public sealed record NextMilestone(Guid Id, string Title, DateOnly? DueDate);

/// <summary>A habit of the goal and whether it is checked today.</summary>
public sealed record HabitDueToday(Guid Id, string Title, bool Checked);
