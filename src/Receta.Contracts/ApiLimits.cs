namespace Receta.Contracts;

/// <summary>
/// The limits the server enforces on what clients send (api.md, Conventions), in one place so that
/// the validation, the OpenAPI document and clients agree.
/// </summary>
public static class ApiLimits
{
    /// <summary>Titles and names: 1–200 characters after trimming.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Notes, purposes, feedback and lessons: up to 10,000 characters.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>Every number is finite and within ±1e12.</summary>
    public const double MaxMagnitude = 1e12;

    /// <summary>The lowest number a request may carry.</summary>
    public const double MinNumber = -MaxMagnitude;

    /// <summary>Request bodies up to 1 MiB (imports excepted, which stream).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Dates from 1900-01-01 to 2999-12-31, inclusive.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <inheritdoc cref="EarliestDate"/>
    public static readonly DateOnly LatestDate = new(2999, 12, 31);

    /// <summary>Skill levels are whole numbers from 0 to 5.</summary>
    public const int MaxSkillLevel = 5;

    /// <summary>A skill has at most this many resources.</summary>
    public const int MaxResources = 100;

    /// <summary>A milestone depends on at most this many others.</summary>
    public const int MaxDependencies = 100;

    /// <summary>A list's page holds at most this many items (<c>?limit=</c>, 100 by default).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>A habit's period: 1 ≤ times ≤ perDays ≤ 31.</summary>
    public const int MaxHabitPeriodDays = 31;

    /// <summary>A goal's weekly capacity, in hours: more than 0 and at most a week's 168.</summary>
    public const double MaxWeeklyCapacityHours = 168;

    /// <summary>Minutes of one work session: 1 to a day's 1,440.</summary>
    public const int MaxWorkMinutes = 1440;

    /// <summary>Resource addresses: http or https, up to 2,000 characters.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>Passwords: at least 12 characters; long passphrases are welcome, up to 1,000.</summary>
    public const int MinPasswordLength = 12;

    /// <inheritdoc cref="MinPasswordLength"/>
    public const int MaxPasswordLength = 1000;

    /// <summary>Email addresses (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>A local time of day as the API writes it: <c>HH:mm</c>, 00:00 to 23:59.</summary>
    public const string TimeOfDayPattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    /// <summary>The reminders of one habit.</summary>
    public const int MaxRemindersPerHabit = 4;
}
