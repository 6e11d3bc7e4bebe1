namespace Receta.Contracts;

/// <summary>A habit's mark of a day: checked, or skipped when it answers a skip.</summary>
public sealed record HabitCheckResponse(Guid HabitId, DateOnly Date);
