using System.Globalization;

namespace Receta.Web.Components.Charts;

/// <summary>SVG coordinates: culture-free, one decimal, so a Spanish page still writes "12.5" and not "12,5".</summary>
public static class Svg
{
    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Points(IEnumerable<(double X, double Y)> points) =>
        string.Join(' ', points.Select(p => $"{Number(p.X)},{Number(p.Y)}"));
}
