using Receta.Core.Circle;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

public static class GetGoal
{
    public static GoalResponse Handle(GoalScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return GoalResponses.From(scope.Goal, scope.Role);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/", (GoalScope scope) => TypedResults.Ok(Handle(scope)))
            .Requires(GoalAction.Read)
            .WithDescription("One goal, with the caller's role on it.");
}
