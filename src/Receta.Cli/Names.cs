using System.Text;
using Receta.Cli.Api;
using Receta.Cli.Local;

namespace Receta.Cli;

/// <summary>
/// Finds what a command line names: an id, or an unambiguous, case-insensitive piece of a title
/// (an exact title wins). Not exactly one match is a usage failure (exit 2) listing the candidates.
/// Lists come from the server and are remembered in the <see cref="NameCache"/>; while the server
/// cannot be reached, the remembered lists are used.
/// </summary>
public sealed class Names(CliSession session)
{
    private const int PageSize = 1000;

    public static string GoalsPath => "/api/v1/goals";

    public static string GoalPath(string goalId) => $"/api/v1/goals/{Uri.EscapeDataString(goalId)}";

    public Task<NamedItem> GoalAsync(string argument, CancellationToken cancellationToken) =>
        FindAsync(GoalsPath, argument, async () =>
        {
            var goals = new List<NamedItem>();
            string? cursor = null;
            do
            {
                var (page, _) = await session.GetAsync($"{GoalsPath}?limit={PageSize}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}",
                    CliJsonContext.Default.PageGoalResponse, cancellationToken);
                goals.AddRange(page.Items.Select(g => new NamedItem(g.Id.ToString(), g.Title)));
                cursor = page.NextCursor;
            }
            while (cursor is not null);
            return goals;
        });

    public Task<NamedItem> HabitAsync(NamedItem goal, string argument, CancellationToken cancellationToken) =>
        FindAsync(GoalPath(goal.Id) + "/habits", argument, async () =>
            (await session.GetAsync(GoalPath(goal.Id) + "/habits", CliJsonContext.Default.ItemListHabitResponse, cancellationToken))
                .Value.Items.Select(h => new NamedItem(h.Id.ToString(), h.Title)).ToList());

    public Task<NamedItem> MilestoneAsync(NamedItem goal, string argument, CancellationToken cancellationToken) =>
        FindAsync(GoalPath(goal.Id) + "/roadmap", argument, async () =>
            (await session.GetAsync(GoalPath(goal.Id) + "/roadmap", CliJsonContext.Default.RoadmapResponse, cancellationToken))
                .Value.Items.Select(m => new NamedItem(m.Id.ToString(), m.Title)).ToList());

    public Task<NamedItem> SkillAsync(NamedItem goal, string argument, CancellationToken cancellationToken) =>
        FindAsync(GoalPath(goal.Id) + "/readiness", argument, async () =>
            (await session.GetAsync(GoalPath(goal.Id) + "/readiness", CliJsonContext.Default.ReadinessResponse, cancellationToken))
                .Value.Items.Select(s => new NamedItem(s.Id.ToString(), s.Name)).ToList());

    /// <summary>Remembers a list the command fetched anyway (e.g. <c>receta goals</c>), for offline use and completion.</summary>
    public void Remember(string listPath, IReadOnlyList<NamedItem> items) => NameCache.Remember(session.Environment, listPath, items);

    private async Task<NamedItem> FindAsync(string listPath, string argument, Func<Task<List<NamedItem>>> fetch)
    {
        var wanted = argument.Trim();
        if (Guid.TryParse(wanted, out var id))
        {
            // An id needs no list: the server says whether it exists.
            var known = NameCache.Load(session.Environment).Lists.GetValueOrDefault(listPath)?.FirstOrDefault(i => Guid.TryParse(i.Id, out var k) && k == id);
            return known ?? new NamedItem(id.ToString(), id.ToString());
        }
        List<NamedItem> items;
        try
        {
            items = await fetch();
            Remember(listPath, items);
        }
        catch (ServerUnreachableException) when (NameCache.Load(session.Environment).Lists.TryGetValue(listPath, out var remembered))
        {
            items = remembered;
        }
        return Match(items, wanted, session.Texts);
    }

    /// <summary>The one item <paramref name="wanted"/> names: an exact title (ignoring case), else the one title containing it.</summary>
    public static NamedItem Match(IReadOnlyList<NamedItem> items, string wanted, Output.Texts texts)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(texts);
        var exact = items.Where(i => string.Equals(i.Title, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = exact.Count > 0 ? exact : items.Where(i => i.Title.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }
        if (candidates.Count == 0)
        {
            throw CommandFailedException.Usage(texts.NoMatch(wanted));
        }
        var message = new StringBuilder(texts.Ambiguous(wanted, candidates.Count));
        foreach (var candidate in candidates)
        {
            message.Append('\n').Append("  ").Append(candidate.Id).Append("  ").Append(candidate.Title);
        }
        throw CommandFailedException.Usage(message.ToString());
    }
}
