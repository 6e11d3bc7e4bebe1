namespace Receta.Core.Roadmap;

/// <summary>The roadmap as of a day: milestones to do in working order, then done ones by completion date.</summary>
/// <param name="Next">The id of the first milestone to do: the step to take now; null when nothing is to do.</param>
/// <param name="ProjectedFinish">The last day of work on the last milestone to do; null when nothing is to do or after 2999-12-31.</param>
/// <param name="Items">Every milestone: to-do ones in schedule order, then done ones.</param>
public sealed record RoadmapSchedule(string? Next, DateOnly? ProjectedFinish, IReadOnlyList<ScheduledMilestone> Items);
