using Receta.Core.Perseverance;
using Receta.Core.Scorecard;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Scorecard;

public sealed class RecipeScorecardTests
{
    private static readonly DateOnly AsOf = D("2025-03-31");

    private static readonly ScorecardFacts Nothing = new(
        "Become a NASA astronaut", null, false, null, false, false, 0, false, null, [], false);

    private static readonly ScorecardFacts Everything = new(
        "Become a NASA astronaut", "Touch the stars", true, AsOf, true, true, 5, false, AsOf, [], false);

    private static bool Holds(ScorecardFacts facts, Ingredient ingredient) =>
        RecipeScorecard.Evaluate(facts, AsOf).Ingredients.Single(i => i.Key == ingredient).Satisfied;

    private static AttemptRecord Attempt(string day, long sequence, AttemptOutcome outcome, string? lesson = null) =>
        new($"attempt-{sequence}", D(day), sequence, outcome, lesson);

    [Fact]
    public void Evaluate_EverythingInPlace_SixInRecipeOrder()
    {
        var score = RecipeScorecard.Evaluate(Everything, AsOf);

        Assert.Equal(6, score.Score);
        Assert.Equal(
            [Ingredient.Purpose, Ingredient.Distance, Ingredient.Roadmap, Ingredient.Preparation, Ingredient.Work, Ingredient.Perseverance],
            score.Ingredients.Select(i => i.Key));
    }

    [Fact]
    public void Evaluate_NewGoalWithATitleOnly_OnlyPerseverance()
    {
        var score = RecipeScorecard.Evaluate(Nothing, AsOf);

        Assert.Equal(1, score.Score);
        Assert.True(Holds(Nothing, Ingredient.Perseverance));
    }

    [Theory]
    [InlineData("Touch the stars", true)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void Evaluate_Purpose_NeedsNonBlankPurpose(string? purpose, bool expected) =>
        Assert.Equal(expected, Holds(Everything with { Purpose = purpose }, Ingredient.Purpose));

    [Fact]
    public void Evaluate_BlankTitle_NoPurpose() => Assert.False(Holds(Everything with { Title = " " }, Ingredient.Purpose));

    [Theory]
    [InlineData("2025-03-31", true)]
    [InlineData("2025-03-02", true)]
    [InlineData("2025-03-01", false)]
    public void Evaluate_Distance_EntryWithinThirtyDays(string latestEntry, bool expected) =>
        Assert.Equal(expected, Holds(Everything with { LatestEntryDate = D(latestEntry) }, Ingredient.Distance));

    [Fact]
    public void Evaluate_DistanceWithoutMeasure_Missing() => Assert.False(Holds(Everything with { HasMeasure = false }, Ingredient.Distance));

    [Fact]
    public void Evaluate_DistanceWithoutEntry_Missing() => Assert.False(Holds(Everything with { LatestEntryDate = null }, Ingredient.Distance));

    [Fact]
    public void Evaluate_Roadmap_NeedsTargetDateAndDatedMilestone()
    {
        Assert.True(Holds(Everything, Ingredient.Roadmap));
        Assert.False(Holds(Everything with { HasTargetDate = false }, Ingredient.Roadmap));
        Assert.False(Holds(Everything with { HasMilestoneWithDueDate = false }, Ingredient.Roadmap));
    }

    [Fact]
    public void Evaluate_Preparation_SkillOrNoneNeeded()
    {
        Assert.True(Holds(Everything with { SkillCount = 1 }, Ingredient.Preparation));
        Assert.True(Holds(Everything with { SkillCount = 0, NoPreparationNeeded = true }, Ingredient.Preparation));
        Assert.False(Holds(Everything with { SkillCount = 0 }, Ingredient.Preparation));
    }

    [Theory]
    [InlineData("2025-03-31", true)]
    [InlineData("2025-03-25", true)]
    [InlineData("2025-03-24", false)]
    public void Evaluate_Work_SessionOrCheckWithinSevenDays(string latest, bool expected) =>
        Assert.Equal(expected, Holds(Everything with { LatestWorkOrCheckDate = D(latest) }, Ingredient.Work));

    [Fact]
    public void Evaluate_WorkNever_Missing() => Assert.False(Holds(Everything with { LatestWorkOrCheckDate = null }, Ingredient.Work));

    [Fact]
    public void Evaluate_FailureWithLessonAndAnotherTry_Perseveres() =>
        Assert.True(Holds(Everything with
        {
            Attempts = [Attempt("2025-01-10", 1, AttemptOutcome.Failed, "Get a pilot's license"), Attempt("2025-03-01", 2, AttemptOutcome.Pending)],
        }, Ingredient.Perseverance));

    [Fact]
    public void Evaluate_LatestAttemptFailed_NotYetPersevered() =>
        Assert.False(Holds(Everything with
        {
            Attempts = [Attempt("2025-01-10", 1, AttemptOutcome.Succeeded), Attempt("2025-03-01", 2, AttemptOutcome.Failed, "Learn Russian")],
        }, Ingredient.Perseverance));

    [Fact]
    public void Evaluate_FailureWithoutLesson_Missing() =>
        Assert.False(Holds(Everything with
        {
            Attempts = [Attempt("2025-01-10", 1, AttemptOutcome.Failed, "  "), Attempt("2025-03-01", 2, AttemptOutcome.Pending)],
        }, Ingredient.Perseverance));

    [Fact]
    public void Evaluate_EarlierFailureWithoutLesson_MissingEvenAfterSuccess() =>
        Assert.False(Holds(Everything with
        {
            Attempts = [Attempt("2025-01-10", 1, AttemptOutcome.Failed), Attempt("2025-03-01", 2, AttemptOutcome.Succeeded)],
            GoalAchieved = true,
        }, Ingredient.Perseverance));

    [Fact]
    public void Evaluate_GoalAchievedAfterALastFailure_Perseveres() =>
        Assert.True(Holds(Everything with
        {
            Attempts = [Attempt("2025-03-01", 1, AttemptOutcome.Failed, "Practice the interview")],
            GoalAchieved = true,
        }, Ingredient.Perseverance));

    [Fact]
    public void Evaluate_RetryOnTheSameDateCreatedEarlier_NumberedBeforeTheFailure()
    {
        // Same date: the pending attempt was created first, so it is number 1 and the failure, number 2, is the latest.
        Assert.False(Holds(Everything with
        {
            Attempts = [Attempt("2025-03-01", 7, AttemptOutcome.Failed, "Lesson"), Attempt("2025-03-01", 3, AttemptOutcome.Pending)],
        }, Ingredient.Perseverance));
        Assert.True(Holds(Everything with
        {
            Attempts = [Attempt("2025-03-01", 3, AttemptOutcome.Failed, "Lesson"), Attempt("2025-03-01", 7, AttemptOutcome.Pending)],
        }, Ingredient.Perseverance));
    }

    [Fact]
    public void Evaluate_RetryDatedAfterTheDay_DoesNotCount() =>
        Assert.False(Holds(Everything with
        {
            Attempts = [Attempt("2025-03-01", 1, AttemptOutcome.Failed, "Lesson"), Attempt("2025-04-15", 2, AttemptOutcome.Pending)],
        }, Ingredient.Perseverance));

    [Fact]
    public void Evaluate_OnlySuccessesAndPending_Perseveres() =>
        Assert.True(Holds(Everything with
        {
            Attempts = [Attempt("2025-03-01", 1, AttemptOutcome.Pending), Attempt("2025-03-02", 2, AttemptOutcome.Succeeded)],
        }, Ingredient.Perseverance));

    [Fact]
    public void Evaluate_TwoMissing_ScoreFour()
    {
        var score = RecipeScorecard.Evaluate(Everything with { Purpose = "", LatestWorkOrCheckDate = D("2025-01-01") }, AsOf);

        Assert.Equal(4, score.Score);
    }
}
