using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class LogWork
{
    public const int MaxMinutes = ApiLimits.MaxWorkMinutes;


    public static async Task<Outcome<WorkSessionResponse>> HandleAsync(GoalScope scope, LogWorkRequest request, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var errors = new RequestErrors();
        var date = errors.Date(request.Date, "date");
        var minutes = errors.WholeNumber(request.Minutes, "minutes", 1, MaxMinutes);
        var note = errors.Text(request.Note, "note");
        Guid? milestoneId = null;
        if (request.MilestoneId is not null)
        {
            milestoneId = await db.Milestones.FindIdAsync(scope, request.MilestoneId);
            if (milestoneId is null)
            {
                errors.Add("milestoneId", "'milestoneId' is not a milestone of this goal.");
            }
        }
        Guid? skillId = null;
        if (request.SkillId is not null)
        {
            skillId = await db.Skills.FindIdAsync(scope, request.SkillId);
            if (skillId is null)
            {
                errors.Add("skillId", "'skillId' is not a skill of this goal.");
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var now = clock.GetUtcNow();
        var session = new WorkSession
        {
            OwnerId = goal.OwnerId,
            Id = Guid.CreateVersion7(now),
            GoalId = goal.Id,
            Date = date,
            Minutes = minutes,
            Note = note,
            MilestoneId = milestoneId,
            SkillId = skillId,
            Sequence = scope.Touch(),
            CreatedAt = now,
        };
        db.WorkSessions.Add(session);
        await db.SaveChangesAsync();
        return WorkSessionResponses.From(session);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/work", async (GoalScope scope, LogWorkRequest request, RecetaDbContext db, TimeProvider clock) =>
                (await HandleAsync(scope, request, db, clock)).ToResult(session =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/work/{session.Id}", session)))
            .Requires(GoalAction.Edit)
            .Produces<WorkSessionResponse>(StatusCodes.Status201Created)
            .WithDescription("Logs minutes of work on a day (ingredient 5), optionally toward a milestone or a skill.");
}
