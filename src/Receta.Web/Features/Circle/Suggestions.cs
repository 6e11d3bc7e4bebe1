using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Circle;
using Receta.Data.Goals;
using Receta.Web.Features.Roadmap;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Circle;

/// <summary>Mentors suggest milestones; the owner or a partner accepts one into the roadmap.</summary>
public static class Suggestions
{
    public static async Task<Outcome<SuggestionResponse>> SuggestAsync(GoalScope scope, SuggestionRequest request, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(db);
        var errors = new RequestErrors();
        var title = errors.Title(request.Title, "title");
        var dueDate = errors.OptionalDate(request.DueDate, "dueDate");
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var goal = scope.Goal;
        var now = clock.GetUtcNow();
        var suggestion = new Suggestion
        {
            OwnerId = goal.OwnerId,
            Id = Guid.CreateVersion7(now),
            GoalId = goal.Id,
            AuthorId = scope.User.Id,
            Title = title,
            DueDate = dueDate,
            Status = SuggestionStatus.Open,
            Sequence = scope.Touch(),
            CreatedAt = now,
        };
        db.Suggestions.Add(suggestion);
        await db.SaveChangesAsync();
        var author = await db.Users.Where(u => u.Id == suggestion.AuthorId).Select(u => u.DisplayName).FirstAsync();
        return ToResponse(suggestion, author);
    }

    public static async Task<IReadOnlyList<SuggestionResponse>> ListAsync(GoalScope scope, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Suggestions.Under(scope)
            .Join(db.Users, s => s.AuthorId, u => u.Id, (s, u) => new { Suggestion = s, u.DisplayName })
            .ToListAsync();
        return [.. rows.OrderBy(r => r.Suggestion.Sequence).Select(r => ToResponse(r.Suggestion, r.DisplayName))];
    }

    /// <summary>Makes the suggestion a milestone (to do, with its title and due date); accepting twice is a conflict.</summary>
    public static async Task<Outcome<MilestoneResponse>> AcceptAsync(GoalScope scope, string suggestionId, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var suggestion = await db.Suggestions.FindInGoalAsync(scope, suggestionId);
        if (suggestion is null)
        {
            return Failure.NotFound("suggestion");
        }
        if (suggestion.Status == SuggestionStatus.Accepted)
        {
            return Failure.Conflict("This suggestion is already a milestone.");
        }
        var goal = scope.Goal;
        var now = clock.GetUtcNow();
        var milestone = new Milestone
        {
            OwnerId = goal.OwnerId,
            Id = Guid.CreateVersion7(now),
            GoalId = goal.Id,
            Title = suggestion.Title,
            DueDate = suggestion.DueDate,
            Sequence = scope.Touch(),
            CreatedAt = now,
        };
        db.Milestones.Add(milestone);
        suggestion.Status = SuggestionStatus.Accepted;
        suggestion.MilestoneId = milestone.Id;
        await db.SaveChangesAsync();
        return MilestoneResponses.From(milestone);
    }

    private static SuggestionResponse ToResponse(Suggestion s, string author) =>
        new(s.Id, s.Title, s.DueDate, s.Status, s.MilestoneId, s.AuthorId, author, s.CreatedAt);

    public static void Map(RouteGroupBuilder goal)
    {
        goal.MapPost("/suggestions", async (GoalScope scope, SuggestionRequest request, RecetaDbContext db, TimeProvider clock) =>
                (await SuggestAsync(scope, request, db, clock)).ToResult(suggestion =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/suggestions/{suggestion.Id}", suggestion)))
            .Requires(GoalAction.Suggest)
            .Produces<SuggestionResponse>(StatusCodes.Status201Created)
            .WithName("Suggest")
            .WithDescription("Suggests a milestone (mentor and up).");
        goal.MapGet("/suggestions", async (GoalScope scope, RecetaDbContext db) =>
                TypedResults.Ok(new ItemList<SuggestionResponse>(await ListAsync(scope, db))))
            .Requires(GoalAction.Suggest)
            .WithName("ListSuggestions")
            .WithDescription("The goal's suggested milestones.");
        goal.MapPost("/suggestions/{suggestionId}/accept", async (GoalScope scope, string suggestionId, RecetaDbContext db, TimeProvider clock) =>
                (await AcceptAsync(scope, suggestionId, db, clock)).ToResult(milestone =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/milestones/{milestone.Id}", milestone)))
            .Requires(GoalAction.Edit)
            .Produces<MilestoneResponse>(StatusCodes.Status201Created)
            .WithName("AcceptSuggestion")
            .WithDescription("Accepts a suggestion into the roadmap as a milestone (owner or partner).");
    }
}
