namespace Receta.Web.Components.Charts;

/// <summary>One point of a time series: a day and a value in the series' unit.</summary>
public readonly record struct ChartPoint(DateOnly Date, double Value);

/// <summary>A line of a <see cref="LineChart"/>: a name for its legend and table, a CSS class for its stroke, its points by date.</summary>
public sealed record LineSeries(string Name, string CssClass, IReadOnlyList<ChartPoint> Points);

/// <summary>A shaded area of a <see cref="LineChart"/>, a polygon through its points.</summary>
public sealed record ChartArea(string Name, string CssClass, IReadOnlyList<ChartPoint> Points);

/// <summary>A vertical line across a <see cref="LineChart"/> at a day, with its label.</summary>
public sealed record DateMarker(DateOnly Date, string Label, string CssClass);

/// <summary>One bar of a <see cref="BarChart"/>.</summary>
public sealed record ChartBar(string Label, double Value);

/// <summary>A span of days shaded behind the lines of a <see cref="LineChart"/>, both ends included: a break.</summary>
public sealed record DateBand(DateOnly From, DateOnly To, string Label, string CssClass);
