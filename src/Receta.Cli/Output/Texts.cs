using System.Globalization;

namespace Receta.Cli.Output;

/// <summary>
/// Every word <c>receta</c> prints for people, in English, Spanish and Brazilian Portuguese: one
/// instance per language, compiled in (no resource lookup at startup), each in a file of its own
/// (<c>Texts.English.cs</c>, <c>Texts.Spanish.cs</c>, <c>Texts.Portuguese.cs</c>). Another language
/// is one more instance, and its case in <see cref="Choose"/>. Words for statuses follow the web
/// UI's (StatusBadge).
/// </summary>
public sealed partial class Texts
{
    public required string Code { get; init; }
    public required string DecimalSeparator { get; init; }

    public required string Ahead { get; init; }
    public required string OnTrack { get; init; }
    public required string Behind { get; init; }
    public required string OffTrack { get; init; }
    public required string Achieved { get; init; }
    public required string Open { get; init; }

    public required string ColumnStatus { get; init; }
    public required string ColumnGoal { get; init; }
    public required string ColumnDone { get; init; }
    public required string ColumnBuffer { get; init; }
    public required string ColumnNext { get; init; }
    public required string ColumnForecast { get; init; }
    public required string ColumnScore { get; init; }
    public required string ColumnOnTime { get; init; }
    public required string OnTime { get; init; }
    public required Func<string, string, string> AtCapacity { get; init; }
    public required Func<string, string, string, string> BreakTaken { get; init; }

    /// <summary>The progress bar's label: the file's name.</summary>
    public required Func<string, string> Importing { get; init; }

    /// <summary>How many of a kind (goals, habits, checks, …) an import made: the count and the API's name of the kind.</summary>
    public required Func<long, string, string> Made { get; init; }

    public required Func<string, string> Imported { get; init; }
    public required Func<string, string> WouldImport { get; init; }
    public required Func<long, long, string> ImportSkipped { get; init; }
    public required string NothingNew { get; init; }
    public required string ImportFailed { get; init; }
    public required Func<string, string> Exported { get; init; }
    public required Func<string, string> CalendarMade { get; init; }
    public required Func<string, string> CalendarExists { get; init; }
    public required string CalendarRevoked { get; init; }
    public required Func<string, string, string, string> ReminderSet { get; init; }
    public required Func<string, string, string> ReminderRemoved { get; init; }
    public required Func<string, string, string> NoReminderAt { get; init; }
    public required Func<string, string> NoReminders { get; init; }
    public required string EveryDay { get; init; }
    public required string NotATime { get; init; }
    public required Func<string, string> NotAWeekday { get; init; }
    public required string NoWebhooks { get; init; }
    public required string ColumnUrl { get; init; }
    public required string ColumnEvents { get; init; }
    public required string ColumnState { get; init; }
    public required string WebhookOn { get; init; }
    public required Func<string, string> WebhookDisabled { get; init; }
    public required Func<string, string> WebhookAdded { get; init; }
    public required string WebhookRemoved { get; init; }
    public required string ColumnId { get; init; }
    public required string ColumnTitle { get; init; }
    public required string ColumnRole { get; init; }
    public required string ColumnDue { get; init; }
    public required string ColumnRemaining { get; init; }
    public required string ColumnStart { get; init; }
    public required string ColumnFinish { get; init; }
    public required string ColumnLate { get; init; }
    public required string ColumnHabits { get; init; }

    public required string Days { get; init; }
    public required string Hours { get; init; }
    public required string Yes { get; init; }
    public required string Todo { get; init; }
    public required string DoneStatus { get; init; }
    public required string NoGoals { get; init; }
    public required string NoMilestones { get; init; }
    public required string Progress { get; init; }
    public required string Roadmap { get; init; }
    public required string ProjectedFinish { get; init; }
    public required string HabitsToday { get; init; }

    public required Func<string, string, string, string> Logged { get; init; }
    public required Func<string, string> GoalStatusWord { get; init; }
    public required Func<string, string> RoleWord { get; init; }
    public required string Score { get; init; }
    public required string NextMilestone { get; init; }
    public required string Due { get; init; }
    public required string Buffer { get; init; }
    public required Func<string, string, string> Worked { get; init; }
    public required Func<string, string, string> Checked { get; init; }
    public required Func<string, string, string> AlreadyChecked { get; init; }
    public required Func<string, string, string> Skipped { get; init; }
    public required Func<string, string, string> AlreadySkipped { get; init; }
    public required Func<int, string, string> AttemptRecorded { get; init; }
    public required Func<int, string> Queued { get; init; }
    public required Func<int, string> SentQueued { get; init; }
    public required Func<int, int, int, string> SyncSummary { get; init; }
    public required string NothingToSync { get; init; }
    public required Func<int, string> QueuedForOtherServers { get; init; }
    public required Func<string, string, string> SignedIn { get; init; }
    public required string SignedOut { get; init; }
    public required string NotSignedIn { get; init; }
    public required Func<string, string> Unreachable { get; init; }
    public required string AskEmail { get; init; }
    public required string AskPassword { get; init; }
    public required string AskCode { get; init; }
    public required Func<string, string> NoMatch { get; init; }
    public required Func<string, int, string> Ambiguous { get; init; }

    /// <summary>
    /// The language: <paramref name="requested"/> (<c>--lang</c>), else the account's, else the
    /// environment's (LC_ALL, LC_MESSAGES, LANG); Spanish when that starts with "es", Portuguese
    /// when it starts with "pt" (pt, pt-BR, pt_BR.UTF-8), else English.
    /// </summary>
    public static Texts Choose(string? requested, string? account, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var language = requested ?? account
            ?? environment.Variable("LC_ALL") ?? environment.Variable("LC_MESSAGES") ?? environment.Variable("LANG");
        return language switch
        {
            null => English,
            _ when language.StartsWith("es", StringComparison.OrdinalIgnoreCase) => Spanish,
            _ when language.StartsWith("pt", StringComparison.OrdinalIgnoreCase) => Portuguese,
            _ => English,
        };
    }

    /// <summary>A number as people of this language write it: 42.5 or 42,5.</summary>
    public string Number(double value, string format = "0.#")
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return DecimalSeparator == "." ? text : text.Replace(".", DecimalSeparator, StringComparison.Ordinal);
    }
}
