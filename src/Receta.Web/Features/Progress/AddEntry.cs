using Receta.Core.Circle;
using Receta.Core.Purpose;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Progress;

public static class AddEntry
{
    public static async Task<Outcome<EntryResponse>> HandleAsync(
        GoalScope scope, AddEntryRequest request, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        if (goal.Measure is not { } measure)
        {
            return Failure.Invalid("measure", "This goal has no measure; give it one before logging entries.");
        }
        var errors = new RequestErrors();
        var date = errors.Date(request.Date, "date");
        var value = measure.Aggregation == Aggregation.Count
            ? errors.OptionalNumber(request.Value, "value")
            : errors.Number(request.Value, "value");
        var note = errors.Text(request.Note, "note");
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var now = clock.GetUtcNow();
        var entry = new Entry
        {
            OwnerId = goal.OwnerId,
            Id = Guid.CreateVersion7(now),
            GoalId = goal.Id,
            Date = date,
            Value = value,
            Note = note,
            Sequence = scope.Touch(),
            CreatedAt = now,
        };
        db.Entries.Add(entry);
        await db.SaveChangesAsync();
        return EntryResponses.From(entry);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/entries", async (GoalScope scope, AddEntryRequest request, RecetaDbContext db, TimeProvider clock) =>
                (await HandleAsync(scope, request, db, clock)).ToResult(entry =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/entries/{entry.Id}", entry)))
            .Requires(GoalAction.Edit)
            .Produces<EntryResponse>(StatusCodes.Status201Created)
            .WithDescription("Logs where the measure stood, or what was added, on a day (ingredient 2). 400 when the goal has no measure.");
}
