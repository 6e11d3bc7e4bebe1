namespace Receta.Web.Components.Charts;

/// <summary>
/// Keeps the shape of a long series with few points, so a chart of decades of entries stays
/// small: Largest-Triangle-Three-Buckets (Steinarsson, 2013). The first and last points are kept.
/// </summary>
public static class Downsampling
{
    /// <summary>Charts draw at most this many points per series.</summary>
    public const int MaxPoints = 200;

    /// <summary>At most <paramref name="threshold"/> points of <paramref name="points"/> (ascending by date), in order.</summary>
    public static IReadOnlyList<ChartPoint> LargestTriangleThreeBuckets(IReadOnlyList<ChartPoint> points, int threshold = MaxPoints)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 3);
        if (points.Count <= threshold)
        {
            return points;
        }
        var sampled = new List<ChartPoint>(threshold) { points[0] };
        var bucketSize = (double)(points.Count - 2) / (threshold - 2);
        var previous = 0;
        for (var bucket = 0; bucket < threshold - 2; bucket++)
        {
            var start = (int)Math.Floor(bucket * bucketSize) + 1;
            var end = Math.Min((int)Math.Floor((bucket + 1) * bucketSize) + 1, points.Count - 1);
            var nextStart = end;
            var nextEnd = Math.Min((int)Math.Floor((bucket + 2) * bucketSize) + 1, points.Count);
            double averageX = 0, averageY = 0;
            for (var i = nextStart; i < nextEnd; i++)
            {
                averageX += points[i].Date.DayNumber;
                averageY += points[i].Value;
            }
            var count = Math.Max(1, nextEnd - nextStart);
            averageX /= count;
            averageY /= count;

            var best = start;
            var bestArea = -1.0;
            var a = points[previous];
            for (var i = start; i < end; i++)
            {
                var area = Math.Abs(((a.Date.DayNumber - averageX) * (points[i].Value - a.Value))
                    - ((a.Date.DayNumber - points[i].Date.DayNumber) * (averageY - a.Value)));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = i;
                }
            }
            sampled.Add(points[best]);
            previous = best;
        }
        sampled.Add(points[^1]);
        return sampled;
    }
}
