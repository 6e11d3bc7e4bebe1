using System.Globalization;

namespace Receta.Core.Tests;

/// <summary>ISO dates in tests, so expected values read like recipe.md.</summary>
internal static class Days
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
