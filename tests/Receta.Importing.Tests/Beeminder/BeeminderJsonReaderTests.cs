using Receta.Core.Purpose;
using Receta.Importing.Beeminder;

namespace Receta.Importing.Tests.Beeminder;

public sealed class BeeminderJsonReaderTests
{
    private static ImportBundle ReadFixture(string name) =>
        BeeminderJsonReader.Read(ImportFiles.Fixture("Beeminder", name), ImportFiles.InMadrid);

    private static ImportBundle ReadText(string text)
    {
        using var file = ImportFiles.Write(text);
        return BeeminderJsonReader.Read(file.Path, ImportFiles.InMadrid);
    }

    /// <summary>A goal with only what a test varies besides the fields every goal has.</summary>
    private static ImportBundle ReadGoal(string fields) =>
        ReadText($$"""{"slug":"g","id":"g1","gunits":"units","runits":"d","initday":1735689600,"initval":0,{{fields}}}""");

    [Fact]
    public void Read_HustlerGoal_IsAGoalWithItsMeasureAndDates()
    {
        var bundle = ReadFixture("pushups-goal.json");

        Assert.False(bundle.Problems.HasErrors);
        Assert.False(bundle.NeedsGoal);
        var goal = Assert.Single(bundle.Goals);
        Assert.Equal("6774a1c0e2b3f4a5b6c7d801", goal.Key);
        Assert.Equal("Push-ups every day", goal.Title);
        Assert.Equal(new ImportedMeasure("pushups", 0, 3000, Aggregation.Sum), goal.Measure);
        Assert.Equal(new DateOnly(2025, 1, 1), goal.StartDate);
        // goaldate is null: roadall's last row [null, 3000, 140/week] reaches 3000 from 1000 on 1 April in 100 days.
        Assert.Equal(new DateOnly(2025, 7, 10), goal.TargetDate);
    }

    [Fact]
    public void Read_RoadRows_BetweenStartAndEndAreRoadMilestones()
    {
        var goal = Assert.Single(ReadFixture("pushups-goal.json").Goals);

        Assert.Equal(["Road", "Road"], goal.Milestones.Select(milestone => milestone.Title));
        Assert.Equal([new DateOnly(2025, 2, 1), new DateOnly(2025, 4, 1)], goal.Milestones.Select(milestone => milestone.DueDate));
        // [1 Feb, null, 70/week]: 31 days at 10 a day from 0.
        Assert.Equal(310, goal.Milestones[0].TargetValue!.Value, 9);
        Assert.Equal(1000, goal.Milestones[1].TargetValue);
        Assert.Equal(["6774a1c0e2b3f4a5b6c7d801/road/2025-02-01", "6774a1c0e2b3f4a5b6c7d801/road/2025-04-01"], goal.Milestones.Select(milestone => milestone.Key));
        Assert.All(goal.Milestones, milestone => Assert.Empty(milestone.DependsOn));
    }

    [Fact]
    public void Read_Datapoints_AreEntriesOnTheirDaystampKeyedByTheirId()
    {
        var goal = Assert.Single(ReadFixture("pushups-goal.json").Goals);

        Assert.Equal(
            [
                new ImportedEntry("67d11e10a1b2c3d4e5f60003", new DateOnly(2025, 3, 11), 25, "late sets, \"slow\" tempo"),
                new ImportedEntry("67ce3c80a1b2c3d4e5f60002", new DateOnly(2025, 3, 10), 40, "morning sets"),
                new ImportedEntry("67cd0000a1b2c3d4e5f60008", new DateOnly(2025, 3, 9), 20, null),
                new ImportedEntry("67cc9000a1b2c3d4e5f60007", new DateOnly(2025, 3, 8), 15, "no #DERAILment today"),
            ],
            goal.Entries);
    }

    [Fact]
    public void Read_NightOwlDatapoint_CountsOnItsDaystampNotItsTimestamp()
    {
        var goal = Assert.Single(ReadFixture("pushups-goal.json").Goals);

        // timestamp 1741758000 is 2025-03-12 05:40 UTC; Beeminder counted it for the 11th.
        Assert.Equal(new DateOnly(2025, 3, 11), Assert.Single(goal.Entries, entry => entry.Key == "67d11e10a1b2c3d4e5f60003").Date);
    }

    [Fact]
    public void Read_DummyInitialDerailAndSelfDestructingDatapoints_AreIgnoredAndCounted()
    {
        var bundle = ReadFixture("pushups-goal.json");

        Assert.Equal(4, bundle.Problems.Ignored);
        Assert.Equal(
            [
                "Beeminder's #SELFDESTRUCT datapoints (pessimistic presumptions) (1 time)",
                "Beeminder's dummy datapoints (made by Beeminder, not data) (1 time)",
                "Beeminder's #DERAIL datapoints (markers of a derailment) (1 time)",
                "Beeminder's initial datapoints (the goal's start value is imported instead) (1 time)",
            ],
            bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_OdometerGoal_TakesTheLastReadingAndFullroad()
    {
        var bundle = ReadFixture("reading-goal.json");

        Assert.Empty(bundle.Problems.Warnings);
        var goal = Assert.Single(bundle.Goals);
        Assert.Equal("reading", goal.Title);
        Assert.Equal(new ImportedMeasure("pages", 120, 420, Aggregation.Last), goal.Measure);
        Assert.Equal(new DateOnly(2025, 2, 1), goal.StartDate);
        Assert.Equal(new DateOnly(2025, 5, 1), goal.TargetDate);
        var milestone = Assert.Single(goal.Milestones);
        Assert.Equal((new DateOnly(2025, 3, 1), 200.0), (milestone.DueDate!.Value, milestone.TargetValue!.Value));
        Assert.Equal([205.0, 170, 162, 130], goal.Entries.Select(entry => entry.Value!.Value));
        Assert.Equal([new DateOnly(2025, 2, 10), new DateOnly(2025, 2, 10)], goal.Entries.Where(entry => entry.Date.Day == 10).Select(entry => entry.Date));
    }

    [Fact]
    public void Read_AggdayWithoutAMatch_TakesTheLastEntryWithAWarning()
    {
        var bundle = ReadFixture("sleep-goal.json");

        var goal = Assert.Single(bundle.Goals);
        Assert.Equal(new ImportedMeasure("hours", 7, 8, Aggregation.Last), goal.Measure);
        Assert.Equal(new DateOnly(2025, 6, 1), goal.TargetDate);
        Assert.Empty(goal.Milestones);
        Assert.Equal(["Beeminder's aggday \"mean\" has no match in Receta: the goal takes its last entry (\"last\")."], bundle.Problems.Warnings);
        Assert.False(bundle.Problems.HasErrors);
    }

    [Theory]
    [InlineData(true, "sum", Aggregation.Sum, false)]
    [InlineData(true, null, Aggregation.Sum, false)]
    [InlineData(true, "max", Aggregation.Sum, true)]
    [InlineData(false, null, Aggregation.Last, false)]
    [InlineData(false, "last", Aggregation.Last, false)]
    [InlineData(false, "max", Aggregation.Best, false)]
    [InlineData(false, "min", Aggregation.Best, false)]
    [InlineData(false, "count", Aggregation.Count, false)]
    [InlineData(false, "sum", Aggregation.Last, true)]
    [InlineData(false, "triangle", Aggregation.Last, true)]
    public void Read_KyoomAndAggday_ChooseTheAggregation(bool kyoom, string? aggday, Aggregation expected, bool warns)
    {
        var aggdayField = aggday is null ? "" : $"\"aggday\":\"{aggday}\",";
        var bundle = ReadGoal($"{aggdayField}\"kyoom\":{(kyoom ? "true" : "false")},\"goaldate\":1748736000,\"goalval\":10,\"rate\":null");

        Assert.False(bundle.Problems.HasErrors);
        Assert.Equal(expected, Assert.Single(bundle.Goals).Measure!.Aggregation);
        Assert.Equal(warns, bundle.Problems.Warnings.Count == 1);
    }

    [Fact]
    public void Read_GoalWithoutRoadall_BuildsTheRoadFromTheGoalsOwnFields()
    {
        // From 0 on 1 January at 2 a day to 100: fifty days.
        var bundle = ReadGoal("\"goaldate\":null,\"goalval\":100,\"rate\":2,\"road\":[[1736380800,null,1]]");

        var goal = Assert.Single(bundle.Goals);
        Assert.Equal(new DateOnly(2025, 1, 9), Assert.Single(goal.Milestones).DueDate);
        Assert.Equal(8, goal.Milestones[0].TargetValue);
        // From 8 on 9 January at 2 a day to 100: 46 days.
        Assert.Equal(new DateOnly(2025, 2, 24), goal.TargetDate);
    }

    [Fact]
    public void Read_FlatLastRowWithoutADate_EndsWhereBeeminderEndsIt()
    {
        var bundle = ReadGoal("\"goaldate\":null,\"goalval\":null,\"rate\":0,\"roadall\":[[1735689600,0,null],[null,5,0]]");

        var goal = Assert.Single(bundle.Goals);
        Assert.Equal(new DateOnly(2099, 12, 31), goal.TargetDate);
        Assert.Equal(5, goal.Measure!.Target);
    }

    [Fact]
    public void Read_RoadRowGivenAsDaystamps_ReadsThemAsUtcDays()
    {
        var bundle = ReadGoal("\"goaldate\":null,\"goalval\":null,\"rate\":null,\"roadall\":[[\"20250101\",0,null],[\"2025-02-01\",31,null],[\"20250301\",null,1]]");

        var goal = Assert.Single(bundle.Goals);
        Assert.Equal(new DateOnly(2025, 2, 1), Assert.Single(goal.Milestones).DueDate);
        Assert.Equal(new DateOnly(2025, 3, 1), goal.TargetDate);
        Assert.Equal(59, goal.Measure!.Target, 9);
    }

    [Fact]
    public void Read_BareDatapointsArray_NeedsTheGoalTheImportNames()
    {
        var bundle = ReadFixture("datapoints.json");

        Assert.False(bundle.Problems.HasErrors);
        Assert.True(bundle.NeedsGoal);
        var goal = Assert.Single(bundle.Goals);
        Assert.Equal(("datapoints", "Beeminder"), (goal.Key, goal.Title));
        Assert.Null(goal.Measure);
        Assert.Equal(
            [
                new ImportedEntry("67d11e10a1b2c3d4e5f60003", new DateOnly(2025, 3, 11), 25, "late sets, \"slow\" tempo"),
                new ImportedEntry("67ce3c80a1b2c3d4e5f60002", new DateOnly(2025, 3, 10), 40.5, "morning sets"),
            ],
            goal.Entries);
        Assert.Equal(2, bundle.Problems.Ignored);
    }

    [Fact]
    public void Read_EmptyDatapointsArray_IsAnEmptyGoalToFill()
    {
        var bundle = ReadText("[]");

        Assert.True(bundle.NeedsGoal);
        Assert.Empty(Assert.Single(bundle.Goals).Entries);
        Assert.False(bundle.Problems.HasErrors);
    }

    [Theory]
    [InlineData("\"goalval\":10", "goal, goaldate", "Two of date, value and rate are needed; fewer are given.")]
    [InlineData("\"goaldate\":1748736000,\"goalval\":1e13", "goal, goalval", "The value 10000000000000 is not a number within ±1e12.")]
    [InlineData("\"goaldate\":32503680000,\"goalval\":1", "goal, goaldate", "The date 3000-01-01 is outside 1900–2999.")]
    [InlineData("\"goaldate\":5e11,\"goalval\":1", "goal, goaldate", "The date is outside 1900–2999.")]
    [InlineData("\"goaldate\":\"2025-06-01\",\"goalval\":1", "goal, goaldate", "Expected a number here, found a string.")]
    [InlineData("\"roadall\":[[1735689600,0,null],[null,null,1]]", "goal, roadall[1]", "Two of date, value and rate are needed; fewer are given.")]
    [InlineData("\"roadall\":[[1735689600,0,null],[1748736000,10]]", "goal, roadall[1]", "A road row is an array of date, value and rate.")]
    [InlineData("\"roadall\":[[null,0,null],[1748736000,10,null]]", "goal, roadall[0]", "The road's first row needs its date and its value.")]
    [InlineData("\"roadall\":[[1735689600,0,null]]", "goal, roadall", "The road needs its start row and its end row.")]
    [InlineData("\"roadall\":[[1735689600,0,null],[\"June\",10,null]]", "goal, roadall[1]", "\"June\" is not a date: expected Unix seconds or a daystamp like 20250313.")]
    [InlineData("\"goaldate\":1748736000,\"goalval\":1,\"datapoints\":[{\"id\":\"a\",\"daystamp\":\"20251345\",\"value\":1}]", "goal, datapoints[0], daystamp", "\"20251345\" is not a daystamp like 20250313.")]
    [InlineData("\"goaldate\":1748736000,\"goalval\":1,\"datapoints\":[{\"id\":\"a\",\"daystamp\":\"20250313\",\"value\":\"12\"}]", "goal, datapoints[0], value", "Expected a number here, found a string.")]
    [InlineData("\"goaldate\":1748736000,\"goalval\":1,\"datapoints\":[{\"daystamp\":\"20250313\",\"value\":1}]", "goal, datapoints[0], id", "This field is missing.")]
    [InlineData("\"goaldate\":1748736000,\"goalval\":1,\"datapoints\":[{\"id\":\"a\",\"daystamp\":\"18991231\",\"value\":1}]", "goal, datapoints[0], daystamp", "The date 1899-12-31 is outside 1900–2999.")]
    [InlineData("\"goaldate\":1748736000,\"goalval\":1,\"datapoints\":{}", "goal, datapoints", "Expected an array here, found an object.")]
    [InlineData("\"goaldate\":1748736000,\"goalval\":1,\"kyoom\":\"yes\"", "goal, kyoom", "Expected true or false here, found a string.")]
    public void Read_MalformedGoal_IsAnErrorNamingTheField(string fields, string where, string message)
    {
        var bundle = ReadGoal(fields);

        Assert.Equal(new ImportError(where, message), Assert.Single(bundle.Problems.Errors));
    }

    [Fact]
    public void Read_NumberPastDoubles_IsAnErrorNamingTheField()
    {
        var bundle = ReadText("""[{"id":"a","daystamp":"20250313","value":1e400}]""");

        Assert.Equal("line 1, datapoint 1, value", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_DatapointIdTwice_IsAnError()
    {
        var bundle = ReadText("""[{"id":"a","daystamp":"20250313","value":1},{"id":"a","daystamp":"20250314","value":2}]""");

        Assert.Equal("line 1, datapoint 2, id", Assert.Single(bundle.Problems.Errors).Where);
    }

    [Fact]
    public void Read_ArrayOfGoals_IsAnErrorThatSaysWhichFileToTake()
    {
        var bundle = ReadText("""[{"slug":"pushups","id":"g1","initday":1735689600,"initval":0}]""");

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("line 1, datapoint 1", error.Where);
        Assert.Contains("goals/{goal}.json?datapoints=true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title":"no id"}""", "goal, id")]
    [InlineData("""{"slug":"g"}""", "goal, initday")]
    [InlineData("""{"slug":"a","initday":1735689600,"initval":0,"goaldate":1748736000,"goalval":1}""" + "\n" + """{"slug":"b"}""", "line 2")]
    [InlineData("42", "goal")]
    public void Read_NotAGoal_IsAnErrorNotAnException(string text, string where)
    {
        var bundle = ReadText(text);

        Assert.Equal(where, bundle.Problems.Errors[0].Where);
    }

    [Fact]
    public void Read_InvalidUtf8InAComment_IsAnErrorNotAnException()
    {
        byte[] bytes = [.. "[{\"id\":\"a\",\"daystamp\":\"20250313\",\"value\":1,\"comment\":\""u8, 0xC3, 0x28, .. "\"}]"u8];
        using var file = ImportFiles.Write(bytes);

        var bundle = BeeminderJsonReader.Read(file.Path, ImportFiles.InMadrid);

        Assert.Equal(new ImportError("line 1, datapoint 1, comment", "This string is not valid UTF-8."), Assert.Single(bundle.Problems.Errors));
    }

    [Fact]
    public void Read_NotJson_IsAnErrorNamingThePlace()
    {
        var bundle = ReadText("timestamp,value,comment\n1741758000,25,late\n");

        Assert.StartsWith("line 1, byte ", Assert.Single(bundle.Problems.Errors).Where, StringComparison.Ordinal);
        Assert.Empty(bundle.Goals);
    }
}
