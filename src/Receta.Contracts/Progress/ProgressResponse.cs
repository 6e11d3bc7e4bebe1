using Receta.Core.Progress;

namespace Receta.Contracts;

/// <summary>
/// How far the goal is as of a day (recipe.md, ingredient 2). Fields that do not apply are null (a
/// goal without a target date has no road); numbers are unrounded but for <c>percentComplete</c>.
/// Part two adds effort to outcome (<c>hoursPerUnit</c>, <c>hoursToFinish</c>, <c>finishAtCapacity</c>) and the odds
/// (<c>onTimeProbability</c>, from the forecast's own simulation).
/// </summary>
public sealed record ProgressResponse(
    DateOnly AsOf,
    double? Current,
    double? Start,
    double? Target,
    double? Remaining,
    double PercentComplete,
    bool Achieved,
    double? Road,
    double? AheadBy,
    int? BufferDays,
    double? RecentRatePerDay,
    double? RequiredRatePerDay,
    DateOnly? ProjectedCompletion,
    ForecastResponse? Forecast,
    ProgressStatus Status,
    double? HoursPerUnit,
    double? HoursToFinish,
    DateOnly? FinishAtCapacity,
    double? OnTimeProbability);
