// These records move to Receta.Contracts (the API's request and response records, shared by the
// web host and the CLI) when it lands on main; until then they mirror src/Receta.Web's answers.
namespace Receta.Cli.Api;

public enum ProgressStatus { Achieved, Open, Ahead, OnTrack, Behind, OffTrack }

public enum GoalStatus { Active, Paused, Achieved, Abandoned }

public enum CircleRole { Viewer, Cheerleader, Mentor, Partner, Owner }

public enum MilestoneStatus { Todo, Done }

public enum AttemptOutcome { Pending, Succeeded, Failed }

public enum Aggregation { Sum, Last, Best, Count }

public sealed record CreateTokenRequest(string Email, string Password, string Name, string? Scope = null, DateTimeOffset? ExpiresAt = null, string? Code = null, string? RecoveryCode = null);

public sealed record CreateTokenResponse(Guid Id, string Name, string Scope, string Token, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

public sealed record AccountResponse(Guid Id, string Email, string DisplayName, string TimeZone);

public sealed record MeasureResponse(string Unit, double Start, double Target, Aggregation Aggregation);

public sealed record GoalResponse(
    Guid Id, string Title, string? Purpose, Guid? ParentId, DateOnly StartDate, DateOnly? TargetDate,
    double WeeklyCapacityHours, bool NoPreparationNeeded, MeasureResponse? Measure, GoalStatus Status,
    CircleRole Role, DateTimeOffset CreatedAt);

public sealed record GoalListResponse(IReadOnlyList<GoalResponse> Items, string? NextCursor);

public sealed record AddEntryRequest(DateOnly Date, double? Value, string? Note);

public sealed record EntryResponse(Guid Id, DateOnly Date, double? Value, string? Note, DateTimeOffset CreatedAt);

public sealed record LogWorkRequest(DateOnly Date, int Minutes, string? Note, string? MilestoneId, string? SkillId);

public sealed record WorkSessionResponse(Guid Id, DateOnly Date, int Minutes, string? Note, Guid? MilestoneId, Guid? SkillId, DateTimeOffset CreatedAt);

public sealed record CheckHabitRequest(DateOnly Date);

public sealed record HabitCheckResponse(Guid HabitId, DateOnly Date);

public sealed record HabitResponse(Guid Id, string Title, int Times, int PerDays, int CurrentStreak, int BestStreak, double Strength, IReadOnlyList<DateOnly> Checks);

public sealed record HabitListResponse(IReadOnlyList<HabitResponse> Items);

public sealed record RecordAttemptRequest(string Title, DateOnly Date, AttemptOutcome Outcome, string? Feedback, string? Lesson);

public sealed record AttemptResponse(Guid Id, int Number, string Title, DateOnly Date, AttemptOutcome Outcome, string? Feedback, string? Lesson, DateTimeOffset CreatedAt);

public sealed record ForecastResponse(DateOnly? P50, DateOnly? P90);

public sealed record ProgressResponse(
    DateOnly AsOf, double? Current, double? Start, double? Target, double? Remaining, double PercentComplete,
    bool Achieved, double? Road, double? AheadBy, int? BufferDays, double? RecentRatePerDay,
    double? RequiredRatePerDay, DateOnly? ProjectedCompletion, ForecastResponse? Forecast, ProgressStatus Status);

public sealed record RoadmapItemResponse(
    Guid Id, string Title, MilestoneStatus Status, DateOnly? DueDate, double RemainingHours,
    DateOnly? ProjectedStart, DateOnly? ProjectedFinish, bool Late, IReadOnlyList<Guid> BlockedBy,
    DateOnly? CompletedOn, double EstimateHours, double? TargetValue, IReadOnlyList<Guid> DependsOn);

public sealed record RoadmapResponse(Guid? Next, DateOnly? ProjectedFinish, IReadOnlyList<RoadmapItemResponse> Items);

public sealed record SkillResponse(Guid Id, string Name, int Level, int TargetLevel, int Gap);

public sealed record ReadinessResponse(double Readiness, IReadOnlyList<SkillResponse> Items);

public sealed record IngredientResponse(string Key, bool Satisfied, string? Hint);

public sealed record RecipeResponse(int Score, IReadOnlyList<IngredientResponse> Ingredients);

public sealed record DashboardGoal(Guid Id, string Title);

public sealed record DashboardNext(Guid Id, string Title, DateOnly? DueDate);

public sealed record DashboardHabit(Guid Id, string Title, bool Checked);

public sealed record DashboardItem(
    GoalResponse Goal, CircleRole Role, ProgressStatus Status, double PercentComplete, int? BufferDays,
    ForecastResponse? Forecast, DashboardNext? Next, int Score, IReadOnlyList<DashboardHabit> HabitsDueToday);

public sealed record DashboardResponse(IReadOnlyList<DashboardItem> Items);
