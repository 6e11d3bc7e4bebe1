using Receta.Core.Purpose;

namespace Receta.Core.Tests.Purpose;

public sealed class MeasureTests
{
    [Fact]
    public void Direction_TargetAboveStart_PlusOne() => Assert.Equal(1, new Measure("hours", 0, 100, Aggregation.Sum).Direction);

    [Fact]
    public void Direction_TargetBelowStart_MinusOne() => Assert.Equal(-1, new Measure("kg", 92, 80, Aggregation.Last).Direction);

    [Fact]
    public void Constructor_StartEqualsTarget_Throws() =>
        Assert.Throws<ArgumentException>(() => new Measure("kg", 80, 80, Aggregation.Last));

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0)]
    public void Constructor_NotFinite_Throws(double start, double target) =>
        Assert.Throws<ArgumentException>(() => new Measure("u", start, target, Aggregation.Sum));

    [Fact]
    public void Constructor_CountingDown_Throws() =>
        Assert.Throws<ArgumentException>(() => new Measure("applications", 12, 0, Aggregation.Count));

    [Fact]
    public void Constructor_UnknownAggregation_Throws() =>
        Assert.Throws<ArgumentException>(() => new Measure("u", 0, 1, (Aggregation)42));

    [Fact]
    public void Equality_SameFields_Equal() =>
        Assert.Equal(new Measure("kg", 92, 80, Aggregation.Last), new Measure("kg", 92, 80, Aggregation.Last));
}
