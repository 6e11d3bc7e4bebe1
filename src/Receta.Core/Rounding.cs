namespace Receta.Core;

/// <summary>
/// The one rounding of recipe.md: to one decimal, half away from zero. Only percentComplete,
/// readiness and strength are rounded.
/// </summary>
public static class Rounding
{
    // decimal holds 28 digits; beyond this magnitude a double has no tenths left to round.
    private const double LargestRounded = 1e15;

    /// <summary>
    /// Rounds to the nearest tenth, half away from zero, judging "half" on the shortest decimal
    /// reading of the value (at most 15 significant digits), so 28.75 becomes 28.8 and 0.15 becomes
    /// 0.2 even though neither is exactly representable. Non-finite values are returned unchanged.
    /// </summary>
    public static double ToTenth(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= LargestRounded)
        {
            return value;
        }
        // The double-to-decimal conversion keeps 15 significant digits, which removes binary artefacts.
        return (double)Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero);
    }
}
