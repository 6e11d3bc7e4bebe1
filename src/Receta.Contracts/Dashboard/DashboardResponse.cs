namespace Receta.Contracts;

/// <summary>Every goal the caller can read, as the dashboard shows it, in one call.</summary>
public sealed record DashboardResponse(IReadOnlyList<DashboardItem> Items);
