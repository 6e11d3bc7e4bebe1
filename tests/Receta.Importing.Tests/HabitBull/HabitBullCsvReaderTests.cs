using Receta.Importing.HabitBull;
using Receta.Importing.Tests.Support;

namespace Receta.Importing.Tests.HabitBull;

public sealed class HabitBullCsvReaderTests : IDisposable
{
    private const string Header = "HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\n";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_IsoDates_MakeEachHabitADailyHabitOfOneGoal()
    {
        var bundle = HabitBullCsvReader.Read(ImportTestFiles.Fixture("HabitBull", "habitbull-iso-dates.csv"), ImportTestFiles.Context());

        Assert.Empty(bundle.Problems.Errors);
        var goal = Assert.Single(bundle.Goals);
        Assert.Equal(("habitbull", "HabitBull"), (goal.Key, goal.Title));
        Assert.Equal(
            [("Breed dragons", 1, 1), ("Read, then sleep", 1, 1), ("Pushups", 1, 1)],
            goal.Habits.Select(habit => (habit.Key, habit.Times, habit.PerDays)));
        var habits = goal.Habits.ToDictionary(habit => habit.Title);
        Assert.Equal([new DateOnly(2016, 3, 18), new DateOnly(2016, 3, 19), new DateOnly(2016, 3, 21)], habits["Breed dragons"].Checks);
        Assert.Equal([new DateOnly(2016, 3, 15), new DateOnly(2016, 3, 16)], habits["Read, then sleep"].Checks);
        // A count above 1 is a day done as well.
        Assert.Equal([new DateOnly(2016, 3, 15), new DateOnly(2016, 3, 16)], habits["Pushups"].Checks);
        Assert.All(goal.Habits, habit => Assert.Empty(habit.Skips));
    }

    [Fact]
    public void Read_MonthDayYearDates_AreReadAsSuchAndGarbageValuesAreNotDone()
    {
        var bundle = HabitBullCsvReader.Read(ImportTestFiles.Fixture("HabitBull", "habitbull-us-dates.csv"), ImportTestFiles.Context());

        Assert.Empty(bundle.Problems.Errors);
        var habits = bundle.Goals[0].Habits.ToDictionary(habit => habit.Title);
        Assert.Equal([new DateOnly(2020, 11, 5)], habits["H1"].Checks);
        // -2150000000 is HabitBull's garbage: not a day done.
        Assert.Empty(habits["H2"].Checks);
        Assert.Equal(
            [new DateOnly(2019, 4, 11), new DateOnly(2019, 4, 12), new DateOnly(2019, 4, 14), new DateOnly(2019, 12, 31)],
            habits["H3"].Checks);
    }

    [Fact]
    public void Read_DateListedTwice_IsOneCheck()
    {
        var bundle = Read(Header + "Run,,,2020-01-01,1,\nRun,,,1/1/2020,1,\nRun,,,2020-01-02,0,\n");

        Assert.Equal([new DateOnly(2020, 1, 1)], Assert.Single(bundle.Goals[0].Habits).Checks);
    }

    [Fact]
    public void Read_DateInNeitherForm_IsAnErrorNamingLineAndField()
    {
        var bundle = Read(Header + "Run,,,2020-01-01,1,\nRun,,,1.2.2020,1,\n");

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("line 3, CalendarDate", error.Where);
        Assert.Contains("\"1.2.2020\"", error.Message, StringComparison.Ordinal);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_ValueThatIsNoNumber_IsAnError()
    {
        var bundle = Read(Header + "Run,,,2020-01-01,yes,\n");

        Assert.Equal("line 2, Value", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_DateOutsideTheCenturies_IsAnError()
    {
        var bundle = Read(Header + "Run,,,12/31/1899,1,\n");

        Assert.Equal("line 2, CalendarDate", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_HeaderAlone_GivesNoGoal()
    {
        var bundle = Read(Header);

        Assert.Empty(bundle.Problems.Errors);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_FileWithAnotherHeader_IsAnError()
    {
        var bundle = Read("Date,Value\n2020-01-01,1\n");

        Assert.Equal("line 1", Assert.Single(bundle.Problems.Errors).Where);
        Assert.Empty(bundle.Goals);
    }

    private ImportBundle Read(string text)
    {
        var path = temp.File("habitbull.csv");
        File.WriteAllText(path, text);
        return HabitBullCsvReader.Read(path, ImportTestFiles.Context());
    }
}
