using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests;

public sealed class DayMathTests
{
    [Fact]
    public void AddDaysCapped_ToTheLastDay_ReturnsIt() =>
        Assert.Equal(D("2999-12-31"), DayMath.AddDaysCapped(D("2999-12-30"), 1L));

    [Fact]
    public void AddDaysCapped_PastTheLastDay_Null() => Assert.Null(DayMath.AddDaysCapped(D("2999-12-31"), 1L));

    [Fact]
    public void AddDaysCapped_HugeCount_NullWithoutOverflow()
    {
        Assert.Null(DayMath.AddDaysCapped(D("2025-01-01"), long.MaxValue));
        Assert.Null(DayMath.AddDaysCapped(D("2025-01-01"), long.MinValue));
        Assert.Null(DayMath.AddDaysCapped(D("2025-01-01"), double.PositiveInfinity));
        Assert.Null(DayMath.AddDaysCapped(D("2025-01-01"), 1e300));
    }

    [Fact]
    public void AddDaysCapped_BeforeTheFirstDay_Null() => Assert.Null(DayMath.AddDaysCapped(D("0001-01-02"), -2L));

    [Fact]
    public void AddDaysCapped_AcrossLeapDay_CountsCalendarDays()
    {
        Assert.Equal(D("2024-03-01"), DayMath.AddDaysCapped(D("2024-02-28"), 2L));
        Assert.Equal(D("2025-05-29"), DayMath.AddDaysCapped(D("2025-02-10"), 108.0));
    }

    [Fact]
    public void AddDaysCapped_FractionalDays_Throws() =>
        Assert.Throws<ArgumentException>(() => DayMath.AddDaysCapped(D("2025-01-01"), 1.5));

    [Fact]
    public void Days_FromAToB_IsBMinusA()
    {
        Assert.Equal(100, DayMath.Days(D("2025-01-01"), D("2025-04-11")));
        Assert.Equal(-100, DayMath.Days(D("2025-04-11"), D("2025-01-01")));
        Assert.Equal(181, DayMath.Days(D("2025-02-01"), D("2025-08-01")));
    }
}
