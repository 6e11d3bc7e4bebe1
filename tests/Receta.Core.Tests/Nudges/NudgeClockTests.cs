using Receta.Core.Nudges;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Nudges;

public sealed class NudgeClockTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    private static TimeOnly T(string time) => TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Instant_FollowsTheZonesOffset_OnEitherSideOfDaylightTime()
    {
        // 07:30 in Los Angeles is 15:30Z in winter (UTC−8) and 14:30Z in summer (UTC−7).
        Assert.Equal(Utc("2025-03-08T15:30:00Z"), NudgeClock.Instant(D("2025-03-08"), T("07:30"), LosAngeles));
        Assert.Equal(Utc("2025-03-10T14:30:00Z"), NudgeClock.Instant(D("2025-03-10"), T("07:30"), LosAngeles));
        Assert.Equal(Utc("2025-10-27T06:30:00Z"), NudgeClock.Instant(D("2025-10-27"), T("07:30"), Madrid));
    }

    [Fact]
    public void Instant_ATimeTheClocksSkip_IsAsFarPastTheJump()
    {
        // On 2025-03-09 Los Angeles goes from 02:00 straight to 03:00: a 02:30 reminder comes at 03:30 PDT.
        var instant = NudgeClock.Instant(D("2025-03-09"), T("02:30"), LosAngeles);
        Assert.Equal(Utc("2025-03-09T10:30:00Z"), instant);
        Assert.Equal(TimeSpan.FromHours(-7), instant.Offset);
    }

    [Fact]
    public void Instant_ATimeTheClocksPassTwice_IsTheFirstPassing()
    {
        // On 2025-11-02 Los Angeles passes 01:30 at 08:30Z (PDT) and again at 09:30Z (PST).
        Assert.Equal(Utc("2025-11-02T08:30:00Z"), NudgeClock.Instant(D("2025-11-02"), T("01:30"), LosAngeles));
    }

    [Theory]
    [InlineData("22:00", "07:00", "23:30", true)]
    [InlineData("22:00", "07:00", "06:59", true)]
    [InlineData("22:00", "07:00", "07:00", false)]
    [InlineData("22:00", "07:00", "21:59", false)]
    [InlineData("12:00", "14:00", "13:00", true)]
    [InlineData("12:00", "14:00", "14:00", false)]
    public void IsQuiet_IncludesTheStart_NotTheEnd_AndRunsPastMidnight(string from, string to, string time, bool quiet) =>
        Assert.Equal(quiet, NudgeClock.IsQuiet(T(time), T(from), T(to)));

    [Fact]
    public void AfterQuietHours_WaitsForTheirEnd_OnTheRightDay()
    {
        // 23:00 on Saturday in Madrid (UTC+1 in winter) waits until Sunday 07:00; 05:00 until the same morning's 07:00.
        var lateEvening = NudgeClock.Instant(D("2025-03-01"), T("23:00"), Madrid);
        Assert.Equal(NudgeClock.Instant(D("2025-03-02"), T("07:00"), Madrid), NudgeClock.AfterQuietHours(lateEvening, T("22:00"), T("07:00"), Madrid));
        var earlyMorning = NudgeClock.Instant(D("2025-03-02"), T("05:00"), Madrid);
        Assert.Equal(NudgeClock.Instant(D("2025-03-02"), T("07:00"), Madrid), NudgeClock.AfterQuietHours(earlyMorning, T("22:00"), T("07:00"), Madrid));
        var morning = NudgeClock.Instant(D("2025-03-02"), T("07:30"), Madrid);
        Assert.Equal(morning, NudgeClock.AfterQuietHours(morning, T("22:00"), T("07:00"), Madrid));
        Assert.Equal(morning, NudgeClock.AfterQuietHours(morning, null, null, Madrid));
    }

    [Fact]
    public void AfterQuietHours_EndingOnTheNightTheClocksChange_EndsAtTheLocalTime()
    {
        // Quiet until 07:00 across the night Madrid springs forward (2025-03-30): 07:00 CEST is 05:00Z.
        var night = NudgeClock.Instant(D("2025-03-29"), T("23:30"), Madrid);
        Assert.Equal(Utc("2025-03-30T05:00:00Z"), NudgeClock.AfterQuietHours(night, T("22:00"), T("07:00"), Madrid));
    }
}
