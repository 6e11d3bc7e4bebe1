namespace Receta.Contracts;

/// <summary>The roadmap as of a day: <c>todo</c> items in schedule order, then <c>done</c> items by completion date.</summary>
public sealed record RoadmapResponse(Guid? Next, DateOnly? ProjectedFinish, IReadOnlyList<RoadmapItem> Items);
