namespace Receta.Contracts;

/// <summary>A habit checked on a day.</summary>
public sealed record HabitCheckResponse(Guid HabitId, DateOnly Date);
