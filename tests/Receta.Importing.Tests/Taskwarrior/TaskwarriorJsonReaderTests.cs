using Receta.Importing.Taskwarrior;

namespace Receta.Importing.Tests.Taskwarrior;

public sealed class TaskwarriorJsonReaderTests
{
    private static ImportBundle ReadFixture(string name) =>
        TaskwarriorJsonReader.Read(ImportFiles.Fixture("Taskwarrior", name), ImportFiles.InMadrid);

    private static ImportBundle ReadText(string text)
    {
        using var file = ImportFiles.Write(text);
        return TaskwarriorJsonReader.Read(file.Path, ImportFiles.InMadrid);
    }

    private static ImportedMilestone Task(ImportBundle bundle, string title) =>
        Assert.Single(bundle.Goals.SelectMany(goal => goal.Milestones), milestone => milestone.Title == title);

    [Fact]
    public void Read_Export_GroupsTasksIntoAGoalPerTopLevelProject()
    {
        var bundle = ReadFixture("tasks.json");

        Assert.False(bundle.Problems.HasErrors);
        Assert.Equal(["Admin", "Taskwarrior", "Home", "Work"], bundle.Goals.Select(goal => goal.Title));
        Assert.Equal(["project:Admin", "project:Taskwarrior", "project:Home", "project:Work"], bundle.Goals.Select(goal => goal.Key));
        Assert.Equal(
            ["Gather documents", "Book \"civil\" appointment / registry", "Call the notary"],
            bundle.Goals[0].Milestones.Select(milestone => milestone.Title));
        Assert.Equal(["Phone mum", "Café con María"], bundle.Goals[1].Milestones.Select(milestone => milestone.Title));
        Assert.Equal(["Buy a watering can", "Water the plants", "Water the plants"], bundle.Goals[2].Milestones.Select(milestone => milestone.Title));
        Assert.Equal(["Write quarterly report"], bundle.Goals[3].Milestones.Select(milestone => milestone.Title));
        Assert.False(bundle.NeedsGoal);
        Assert.Empty(bundle.TaggedWork);
    }

    [Fact]
    public void Read_DueTypedAsALocalDate_IsThatDateInTheUsersZone()
    {
        var bundle = ReadFixture("tasks.json");

        // Stored as 20250319T230000Z, and in summer time as 20250404T220000Z.
        Assert.Equal(new DateOnly(2025, 3, 20), Task(bundle, "Gather documents").DueDate);
        Assert.Equal(new DateOnly(2025, 4, 5), Task(bundle, "Phone mum").DueDate);
        Assert.Null(Task(bundle, "Call the notary").DueDate);
        Assert.Equal(
            [new DateOnly(2025, 3, 15), new DateOnly(2025, 3, 22)],
            bundle.Goals[2].Milestones.Where(milestone => milestone.Title == "Water the plants").Select(milestone => milestone.DueDate));
    }

    [Fact]
    public void Read_CompletedJustAfterLocalMidnight_IsDoneOnTheLocalDay()
    {
        var bundle = ReadFixture("tasks.json");

        // end is 20250312T233000Z: still the 12th in UTC, already the 13th in Madrid.
        Assert.Equal(new DateOnly(2025, 3, 13), Task(bundle, "Write quarterly report").CompletedOn);
        Assert.All(
            bundle.Goals.SelectMany(goal => goal.Milestones).Where(milestone => milestone.Title != "Write quarterly report"),
            milestone => Assert.Null(milestone.CompletedOn));
    }

    [Fact]
    public void Read_DependencyOnADeletedTaskOrATemplate_IsDroppedWithAWarning()
    {
        var bundle = ReadFixture("tasks.json");

        Assert.Equal([Task(bundle, "Gather documents").Key], Task(bundle, "Book \"civil\" appointment / registry").DependsOn);
        Assert.Equal([Task(bundle, "Write quarterly report").Key], Task(bundle, "Call the notary").DependsOn);
        Assert.Empty(Task(bundle, "Buy a watering can").DependsOn);
        Assert.Contains("Dependencies on tasks that were not imported (deleted, recurring or absent) were dropped. (2 times)", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_DeletedTasksAndRecurringTemplates_AreIgnoredAndCounted()
    {
        var bundle = ReadFixture("tasks.json");

        Assert.Equal(2, bundle.Problems.Ignored);
        Assert.Contains("Deleted Taskwarrior tasks (1 time)", bundle.Problems.Warnings);
        Assert.Contains("Recurring Taskwarrior templates (each occurrence is a task of its own) (1 time)", bundle.Problems.Warnings);
        Assert.DoesNotContain(bundle.Goals.SelectMany(goal => goal.Milestones), milestone => milestone.Title == "Old idea");
    }

    [Fact]
    public void Read_Export_KeysEachMilestoneByItsUuid()
    {
        var bundle = ReadFixture("tasks.json");
        var milestones = bundle.Goals.SelectMany(goal => goal.Milestones).ToList();

        Assert.All(milestones, milestone => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", milestone.Key));
        Assert.Equal(milestones.Count, milestones.Select(milestone => milestone.Key).Distinct().Count());
        var text = File.ReadAllText(ImportFiles.Fixture("Taskwarrior", "tasks.json"));
        Assert.All(milestones, milestone => Assert.Contains($"\"uuid\":\"{milestone.Key}\"", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_JsonLines_ReadsTheSameAsTheArray()
    {
        var array = ReadFixture("tasks.json");
        var lines = ReadFixture("tasks.jsonl");

        Assert.False(lines.Problems.HasErrors);
        Assert.Equal(Describe(array), Describe(lines));
        Assert.Equal(array.Problems.Warnings, lines.Problems.Warnings);
    }

    [Fact]
    public void Read_Taskwarrior25_ReadsDependsGivenAsStringsAndWaitingTasks()
    {
        var bundle = ReadFixture("tasks-2.5.json");

        Assert.False(bundle.Problems.HasErrors);
        Assert.Equal(["Admin", "Travel", "Taskwarrior"], bundle.Goals.Select(goal => goal.Title));
        // "a,b" with b deleted; and the string "[\"…\"]" Taskserver passed around.
        Assert.Equal(["3f0a5a6e-1c2b-4d3e-8f90-a1b2c3d4e5f6"], Task(bundle, "Fly to Lisbon").DependsOn);
        var waiting = Task(bundle, "Pack the bags");
        Assert.Equal(["b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"], waiting.DependsOn);
        Assert.Equal(new DateOnly(2025, 4, 27), waiting.DueDate);
        Assert.Null(waiting.CompletedOn);
        Assert.Equal(new DateOnly(2025, 3, 5), Task(bundle, "Café receipts 💶 / March").CompletedOn);
        Assert.Equal(2, bundle.Problems.Ignored);
        Assert.Contains("Dependencies on tasks that were not imported (deleted, recurring or absent) were dropped.", bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_DependsAsACommaStringWithSpaces_KeepsEveryUuid()
    {
        var bundle = ReadText("""
            {"description":"a","status":"pending","uuid":"AAAAAAAA-0000-4000-8000-000000000001"}
            {"description":"b","status":"pending","uuid":"aaaaaaaa-0000-4000-8000-000000000002"}
            {"description":"c","status":"pending","uuid":"aaaaaaaa-0000-4000-8000-000000000003","depends":" aaaaaaaa-0000-4000-8000-000000000001 , AAAAAAAA-0000-4000-8000-000000000002,"}
            """);

        Assert.False(bundle.Problems.HasErrors);
        Assert.Equal(["aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002"], Task(bundle, "c").DependsOn);
        Assert.Equal("aaaaaaaa-0000-4000-8000-000000000001", Task(bundle, "a").Key);
        Assert.Empty(bundle.Problems.Warnings);
    }

    [Fact]
    public void Read_NotJson_IsAnErrorNamingTheLine()
    {
        var bundle = ReadText("description,status\nGather documents,pending\n");

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("line 1, byte 1", error.Where);
        Assert.StartsWith("This is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_BrokenJsonOnALaterLine_NamesThatLine()
    {
        var bundle = ReadText("""
            [
            {"description":"a","status":"pending","uuid":"aaaaaaaa-0000-4000-8000-000000000001"},
            {"description":"b","status":"pending","uuid":"aaaaaaaa-0000-4000-8000-000000000002",}
            ]
            """);

        Assert.StartsWith("line 3, byte ", Assert.Single(bundle.Problems.Errors).Where, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[1]""", "line 1, task 1", "Expected an object here, found a number.")]
    [InlineData("""{"uuid":"x"}""", "line 1, task 1, status", "This field is missing.")]
    [InlineData("""{"status":"pending"}""", "line 1, task 1, uuid", "This field is missing.")]
    [InlineData("""{"status":"open","uuid":"x"}""", "line 1, task 1, status", "\"open\" is not a status of Taskwarrior (pending, waiting, completed, deleted, recurring).")]
    [InlineData("""{"status":"completed","uuid":"x","description":"a"}""", "line 1, task 1, end", "A completed task needs the time it was done.")]
    [InlineData("""{"status":"pending","uuid":"x","due":"2025-03-20"}""", "line 1, task 1, due", "\"2025-03-20\" is not a UTC time like 20250320T090000Z.")]
    [InlineData("""{"status":"pending","uuid":"x","due":"30010101T000000Z"}""", "line 1, task 1, due", "The date 3001-01-01 is outside 1900–2999.")]
    [InlineData("""{"status":"pending","uuid":"x","depends":7}""", "line 1, task 1, depends", "Expected an array of uuids or a comma-separated string, found a number.")]
    [InlineData("""{"status":"pending","uuid":"x","depends":"[\"a\","}""", "line 1, task 1, depends", "This string looks like an array of uuids but is not valid JSON.")]
    [InlineData("""{"status":"pending","uuid":"x","description":["a"]}""", "line 1, task 1, description", "Expected a string here, found an array.")]
    public void Read_MalformedTask_IsAnErrorNamingTheTaskAndField(string json, string where, string message)
    {
        var bundle = ReadText(json);

        Assert.Equal(new ImportError(where, message), Assert.Single(bundle.Problems.Errors));
    }

    [Fact]
    public void Read_TheSameUuidTwice_IsAnErrorNamingBothLines()
    {
        var bundle = ReadText("""
            {"description":"a","status":"pending","uuid":"aaaaaaaa-0000-4000-8000-000000000001"}
            {"description":"b","status":"pending","uuid":"aaaaaaaa-0000-4000-8000-000000000001"}
            """);

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal("line 2, task 2, uuid", error.Where);
        Assert.Contains("also on line 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("[")]
    [InlineData("[{\"status\":\"pending\"")]
    [InlineData("[] []")]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    public void Read_WrongShape_IsAnErrorNotAnException(string text)
    {
        var bundle = ReadText(text);

        Assert.True(bundle.Problems.HasErrors);
        Assert.Empty(bundle.Goals);
    }

    [Fact]
    public void Read_NestedTooDeep_IsAnErrorNotAnException()
    {
        var bundle = ReadText(new string('[', 5000) + new string(']', 5000));

        Assert.Contains("depth", Assert.Single(bundle.Problems.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        var context = ImportFiles.InMadrid with { CancellationToken = new CancellationToken(canceled: true) };

        Assert.Throws<OperationCanceledException>(() => TaskwarriorJsonReader.Read(ImportFiles.Fixture("Taskwarrior", "tasks.json"), context));
    }

    private static List<string> Describe(ImportBundle bundle) =>
        [
            .. bundle.Goals.SelectMany(goal => goal.Milestones.Select(milestone =>
                $"{goal.Key}|{milestone.Key}|{milestone.Title}|{milestone.DueDate}|{milestone.CompletedOn}|{string.Join(',', milestone.DependsOn)}")),
        ];
}
