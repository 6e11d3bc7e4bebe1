namespace Receta.Core.Progress;

/// <summary>How the odds of arriving on time read to a person, the same on every page and in the terminal.</summary>
public static class OddsWording
{
    /// <summary>
    /// <paramref name="odds"/> (0 to 1) as a whole percent, 0 and 100 only for odds that are exactly that: "100 %" would
    /// promise what some simulated paths do not keep, and "0 %" deny what some reach.
    /// </summary>
    public static double WholePercent(double odds) =>
        odds is <= 0 or >= 1 ? Math.Clamp(odds, 0, 1) * 100 : Math.Clamp(Math.Round(odds * 100, MidpointRounding.AwayFromZero), 1, 99);
}
