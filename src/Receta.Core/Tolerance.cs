namespace Receta.Core;

/// <summary>
/// The comparison rule of recipe.md "Numbers": two quantities that differ by less than
/// <c>ε = 1e-9 · max(1, |a|, |b|)</c> compare as equal, so ten entries of 0.1 reach a target of 1.
/// </summary>
public static class Tolerance
{
    /// <summary>The relative tolerance, 1e-9.</summary>
    public const double Relative = 1e-9;

    /// <summary>How close (absolute, 1e-9) a day count must be to an integer to be taken as that integer.</summary>
    public const double IntegerSnap = 1e-9;

    /// <summary>The tolerance for comparing <paramref name="a"/> with <paramref name="b"/>: <c>1e-9 · max(1, |a|, |b|)</c>.</summary>
    public static double Epsilon(double a, double b) => Relative * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ by less than <see cref="Epsilon"/>.</summary>
    public static bool AreEqual(double a, double b) => a == b || Math.Abs(a - b) < Epsilon(a, b);

    /// <summary>
    /// Compares within the tolerance: 0 when <see cref="AreEqual"/>, otherwise −1 when
    /// <paramref name="a"/> &lt; <paramref name="b"/> and +1 when <paramref name="a"/> &gt; <paramref name="b"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Either value is NaN.</exception>
    public static int Compare(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            throw new ArgumentException("NaN cannot be compared.");
        }
        if (AreEqual(a, b))
        {
            return 0;
        }
        return a < b ? -1 : 1;
    }

    /// <summary>
    /// Returns the nearest integer when <paramref name="x"/> is within 1e-9 of it, otherwise
    /// <paramref name="x"/> unchanged. Applied to a day count before its floor or ceiling.
    /// </summary>
    public static double SnapToInteger(double x)
    {
        var nearest = Math.Round(x);
        return Math.Abs(x - nearest) <= IntegerSnap ? nearest : x;
    }
}
