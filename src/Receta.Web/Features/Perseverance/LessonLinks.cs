using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

/// <summary>
/// The link from a skill or a milestone to the attempt whose lesson it applies (recipe.md, "Comebacks
/// and lessons applied"): it may name only an attempt of the same goal, and deleting the attempt
/// clears it while the skill or milestone stays.
/// </summary>
public static partial class LessonLinks
{
    public const string Field = "fromAttemptId";

    /// <summary>The ids of the goal's attempts: the only ones a skill or milestone may name.</summary>
    public static async Task<IReadOnlySet<Guid>> AttemptIdsAsync(GoalScope scope, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.Attempts.Under(scope).Select(a => a.Id).ToListAsync()).ToHashSet();
    }

    /// <summary>
    /// The attempt <paramref name="fromAttemptId"/> names, or null when none is named; an error by the
    /// field when it names anything but one of <paramref name="attempts"/> (another goal's attempt
    /// does not exist here).
    /// </summary>
    public static Guid? FromAttempt(this RequestErrors errors, string? fromAttemptId, IReadOnlySet<Guid> attempts)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(attempts);
        if (fromAttemptId is null)
        {
            return null;
        }
        if (Guid.TryParse(fromAttemptId, out var id) && attempts.Contains(id))
        {
            return id;
        }
        errors.Add(Field, $"'{Field}' is not an attempt of this goal.");
        return null;
    }

    /// <summary>
    /// The title of a skill or milestone made from a lesson in one click: the lesson on one line,
    /// trimmed, and cut to the 200 characters a title may have (never inside a surrogate pair).
    /// </summary>
    public static string TitleFrom(string lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var line = Whitespace().Replace(lesson, " ").Trim();
        if (line.Length <= ApiLimits.MaxTitleLength)
        {
            return line;
        }
        var cut = char.IsHighSurrogate(line[ApiLimits.MaxTitleLength - 1]) ? ApiLimits.MaxTitleLength - 1 : ApiLimits.MaxTitleLength;
        return line[..cut].TrimEnd();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Unlinks the skills and milestones that apply the lesson of an attempt about to be deleted.</summary>
    public static async Task ClearAsync(GoalScope scope, Guid attemptId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        await db.Skills.Where(s => s.OwnerId == goal.OwnerId && s.GoalId == goal.Id && s.FromAttemptId == attemptId)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.FromAttemptId, (Guid?)null));
        await db.Milestones.Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id && m.FromAttemptId == attemptId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.FromAttemptId, (Guid?)null));
    }
}
