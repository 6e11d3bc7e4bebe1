namespace Receta.Web.Features.Webhooks;

/// <summary>The events a webhook can receive (connections.md §5), as they are named on the wire.</summary>
public static class WebhookEventTypes
{
    public const string EntryCreated = "entry.created";
    public const string EntryDeleted = "entry.deleted";
    public const string WorkLogged = "work.logged";
    public const string HabitChecked = "habit.checked";
    public const string HabitSkipped = "habit.skipped";
    public const string MilestoneCompleted = "milestone.completed";
    public const string AttemptRecorded = "attempt.recorded";
    public const string GoalAchieved = "goal.achieved";
    public const string GoalStatusChanged = "goal.statusChanged";
    public const string CheerReceived = "cheer.received";

    /// <summary>Every type a webhook may ask for, in the order forms list them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        EntryCreated, EntryDeleted, WorkLogged, HabitChecked, HabitSkipped,
        MilestoneCompleted, AttemptRecorded, GoalAchieved, GoalStatusChanged, CheerReceived,
    ];

    /// <summary>The stored, space-separated form of a webhook's types.</summary>
    public static string[] Parse(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
