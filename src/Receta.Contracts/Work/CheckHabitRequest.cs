namespace Receta.Contracts;

/// <summary>The day a habit was done.</summary>
public sealed record CheckHabitRequest(DateOnly? Date);
