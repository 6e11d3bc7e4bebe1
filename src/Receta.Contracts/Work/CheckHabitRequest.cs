namespace Receta.Contracts;

/// <summary>The day a habit is marked: done (a check) or excused (a skip).</summary>
public sealed record CheckHabitRequest(DateOnly? Date);
