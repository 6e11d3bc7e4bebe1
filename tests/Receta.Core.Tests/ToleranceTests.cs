namespace Receta.Core.Tests;

public sealed class ToleranceTests
{
    [Fact]
    public void AreEqual_TenTenthsAndOne_Equal()
    {
        var sum = 0.0;
        for (var i = 0; i < 10; i++)
        {
            sum += 0.1;
        }

        Assert.NotEqual(1.0, sum);
        Assert.True(Tolerance.AreEqual(sum, 1.0));
    }

    [Theory]
    [InlineData(1.0, 1.0 + 0.9e-9, true)]
    [InlineData(1.0, 1.0 + 1.1e-9, false)]
    [InlineData(0.0, 0.9e-9, true)]
    [InlineData(0.0, 1.1e-9, false)]
    [InlineData(1e6, 1e6 + 0.9e-3, true)]
    [InlineData(1e6, 1e6 + 1.1e-3, false)]
    [InlineData(-1e6, -1e6 - 0.9e-3, true)]
    public void AreEqual_NearTheRelativeEpsilon_EqualOnlyWithin(double a, double b, bool expected) =>
        Assert.Equal(expected, Tolerance.AreEqual(a, b));

    [Theory]
    [InlineData(1.0, 1.0 + 0.5e-9, 0)]
    [InlineData(1.0, 2.0, -1)]
    [InlineData(2.0, 1.0, 1)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, 0)]
    public void Compare_Values_SignWithinTolerance(double a, double b, int expected) =>
        Assert.Equal(expected, Tolerance.Compare(a, b));

    [Fact]
    public void Compare_NaN_Throws() => Assert.Throws<ArgumentException>(() => Tolerance.Compare(double.NaN, 1));

    [Theory]
    [InlineData(154.00000000000003, 154.0)]
    [InlineData(2.9999999999999996, 3.0)]
    [InlineData(-4.0000000001, -4.0)]
    [InlineData(2.5, 2.5)]
    [InlineData(3.000001, 3.000001)]
    public void SnapToInteger_Values_SnapsOnlyWithinOneBillionth(double x, double expected) =>
        Assert.Equal(expected, Tolerance.SnapToInteger(x));
}
