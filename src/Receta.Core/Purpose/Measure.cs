namespace Receta.Core.Purpose;

/// <summary>
/// How far a goal is measured: from <see cref="Start"/> to <see cref="Target"/>, in <see cref="Unit"/>,
/// with entries made into a current value by <see cref="Aggregation"/>.
/// </summary>
/// <remarks>
/// Invariants: start and target are finite and differ; a <see cref="Purpose.Aggregation.Count"/> measure
/// counts up, so its target is above its start.
/// </remarks>
/// <param name="Unit">Free text: "hours", "kg", "applications".</param>
/// <param name="Start">The value at the goal's start date, in <paramref name="Unit"/>.</param>
/// <param name="Target">The value that achieves the goal, in <paramref name="Unit"/>.</param>
/// <param name="Aggregation">How entries make the current value.</param>
/// <exception cref="ArgumentException">An invariant does not hold.</exception>
public sealed record Measure(string Unit, double Start, double Target, Aggregation Aggregation)
{
    /// <summary>Free text: "hours", "kg", "applications".</summary>
    public string Unit { get; } = Unit ?? throw new ArgumentNullException(nameof(Unit));

    /// <summary>The value at the goal's start date.</summary>
    public double Start { get; } = Start;

    /// <summary>The value that achieves the goal; never equal to <see cref="Start"/>.</summary>
    public double Target { get; } = Guard(Start, Target, Aggregation);

    /// <summary>How entries make the current value.</summary>
    public Aggregation Aggregation { get; } = Aggregation;

    /// <summary>+1 when the target is above the start ("do more"), −1 when below ("do less").</summary>
    public int Direction => Target > Start ? 1 : -1;

    private static double Guard(double start, double target, Aggregation aggregation)
    {
        if (!double.IsFinite(start) || !double.IsFinite(target))
        {
            throw new ArgumentException("A measure's start and target must be finite numbers.");
        }
        if (start == target)
        {
            throw new ArgumentException("A measure's target must differ from its start.");
        }
        if (!Enum.IsDefined(aggregation))
        {
            throw new ArgumentException($"Unknown aggregation {aggregation}.");
        }
        if (aggregation == Aggregation.Count && target < start)
        {
            throw new ArgumentException("A count measure counts up: its target must be above its start.");
        }
        return target;
    }
}
