namespace Receta.Contracts;

/// <summary>A page of work sessions, with the minutes of every session in the range and per ISO week.</summary>
public sealed record WorkLogResponse(IReadOnlyList<WorkSessionResponse> Items, string? NextCursor, int TotalMinutes, IReadOnlyList<WeekMinutes> Weeks);

/// <summary>Minutes worked in one ISO week, <c>week</c> as "2025-W05".</summary>
public sealed record WeekMinutes(string Week, int Minutes);
