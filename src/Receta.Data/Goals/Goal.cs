using Receta.Core.Purpose;

namespace Receta.Data.Goals;

/// <summary>
/// A goal and its measure. <see cref="Version"/> rises by one with every change to the goal or
/// anything under it; children take the new value as their creation <c>Sequence</c>, which orders
/// same-date items by creation and keys caches of computed views.
/// </summary>
public sealed class Goal : IImported
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid? ParentId { get; set; }
    public required string Title { get; set; }
    public string? Purpose { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? TargetDate { get; set; }
    public double WeeklyCapacityHours { get; set; } = 5;
    public GoalStatus Status { get; set; }
    public bool NoPreparationNeeded { get; set; }
    public string? MeasureUnit { get; set; }
    public double? MeasureStart { get; set; }
    public double? MeasureTarget { get; set; }
    public Aggregation? MeasureAggregation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Orders the owner's goals by creation.</summary>
    public string? ImportKey { get; set; }

    /// <summary>
    /// The id the forecast's random paths are seeded from (recipe.md, "The forecast") when it is not
    /// this goal's own: a goal brought in from a Receta export keeps the id it had where it was made,
    /// so that its forecast, odds and calibration answer the same after the move.
    /// </summary>
    public Guid? SeedId { get; set; }

    /// <summary>What the forecast is seeded with: <see cref="SeedId"/>, else the goal's own id.</summary>
    public string ForecastSeed => (SeedId ?? Id).ToString();

    public long Sequence { get; set; }

    public long Version { get; set; }

    public Measure? Measure =>
        MeasureAggregation is { } aggregation && MeasureStart is { } start && MeasureTarget is { } target
            ? new Measure(MeasureUnit ?? "", start, target, aggregation)
            : null;

    /// <summary>A copy of every column, detached from any context.</summary>
    public Goal Copy() => (Goal)MemberwiseClone();
}
