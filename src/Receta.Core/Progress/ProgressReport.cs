namespace Receta.Core.Progress;

/// <summary>
/// How far a goal is as of a day (recipe.md §2). Values are in the measure's unit and unrounded,
/// except <see cref="PercentComplete"/>; rates are units per day; dates are whole days.
/// Without a measure only <see cref="AsOf"/>, <see cref="PercentComplete"/>, <see cref="Achieved"/> (false)
/// and <see cref="Status"/> (open) are set.
/// </summary>
/// <param name="AsOf">The day the view is computed for; entries dated after it are ignored.</param>
/// <param name="Current">c(a), the value from entries dated on or before <paramref name="AsOf"/>.</param>
/// <param name="Start">The measure's start value.</param>
/// <param name="Target">The measure's target value.</param>
/// <param name="Remaining">How much is left toward the target, never negative; 0 once achieved.</param>
/// <param name="PercentComplete">0 to 100, rounded to 0.1; without a measure, done milestones over all.</param>
/// <param name="Achieved">The current value has reached the target (within the tolerance).</param>
/// <param name="Road">road(a), the promised value on the as-of day; null without a target date.</param>
/// <param name="AheadBy">dir·(current − road), in units; negative means behind; null without a road.</param>
/// <param name="BufferDays">Days one could stop and still be on the road; negative when behind; null without a road or once achieved.</param>
/// <param name="RecentRatePerDay">The change per day over the last 28 days (from the start date at the earliest).</param>
/// <param name="RequiredRatePerDay">The change per day needed to reach the target on the target date; null without a road, once achieved, or on and after the target date.</param>
/// <param name="ProjectedCompletion">The day the target is reached at the recent rate; null when achieved, when that rate does not move toward the target, or after 2999-12-31.</param>
/// <param name="Forecast">The Monte Carlo forecast; null with fewer than 7 daily changes or once achieved.</param>
/// <param name="Status">The first status that applies.</param>
/// <param name="HoursPerUnit">Hours of work one unit of progress cost over the last 28 days; null without work or progress then.</param>
/// <param name="HoursToFinish">The remaining units at that cost, in hours; null without a cost or once achieved.</param>
/// <param name="FinishAtCapacity">The day the remaining hours are done at the planned weekly hours, counting active days; null without <paramref name="HoursToFinish"/> or after 2999-12-31.</param>
/// <param name="OnTimeProbability">The fraction of the forecast's paths that arrive by the target date (1 once achieved, 0 on or after that date); null without a target date or a forecast.</param>
public sealed record ProgressReport(
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
    Forecast? Forecast,
    ProgressStatus Status,
    double? HoursPerUnit,
    double? HoursToFinish,
    DateOnly? FinishAtCapacity,
    double? OnTimeProbability);
