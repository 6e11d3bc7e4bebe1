namespace Receta.Core.Tests;

public sealed class RoundingTests
{
    [Theory]
    [InlineData(28.75, 28.8)]
    [InlineData(28.74, 28.7)]
    [InlineData(0.15, 0.2)]
    [InlineData(-0.15, -0.2)]
    [InlineData(-28.75, -28.8)]
    [InlineData(66.66666666666667, 66.7)]
    [InlineData(99.99999999999999, 100.0)]
    [InlineData(0.0, 0.0)]
    public void ToTenth_Values_HalfAwayFromZero(double value, double expected) =>
        Assert.Equal(expected, Rounding.ToTenth(value));

    [Fact]
    public void ToTenth_SumWithBinaryArtefact_RoundsTheDecimalReading()
    {
        // 100 × 0.2875 is 28.749999999999996 in binary, 28.75 as written: half away from zero gives 28.8.
        Assert.Equal(28.8, Rounding.ToTenth(100 * 0.2875));
        // 0.45 is stored as 0.450000000000000011...; 4.35 as 4.3499999999999996...: both are halves as written.
        Assert.Equal(0.5, Rounding.ToTenth(0.45));
        Assert.Equal(4.4, Rounding.ToTenth(4.35));
    }

    [Fact]
    public void ToTenth_NotFinite_Unchanged() => Assert.Equal(double.PositiveInfinity, Rounding.ToTenth(double.PositiveInfinity));
}
