using Receta.Web.Features.Breaks;
using Receta.Web.Features.Circle;
using Receta.Web.Features.Exporting;
using Receta.Web.Features.Perseverance;
using Receta.Web.Features.Preparation;
using Receta.Web.Features.Progress;
using Receta.Web.Features.Roadmap;
using Receta.Web.Features.Work;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

public static class GoalEndpoints
{
    /// <summary>Maps <c>/goals</c>, and under <c>/goals/{goalId}</c> every ingredient's endpoints behind the goal access check.</summary>
    public static void MapGoals(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var goals = api.MapGroup("/goals").WithTags("Goals");
        CreateGoal.Map(goals);
        ListGoals.Map(goals);

        var goal = goals.MapGroup("/{goalId}").AddEndpointFilter<GoalWriteFilter>();
        GetGoal.Map(goal);
        UpdateGoal.Map(goal);
        DeleteGoal.Map(goal);
        GetRecipeScore.Map(goal);
        goal.MapProgress();
        goal.MapRoadmap();
        goal.MapPreparation();
        goal.MapWork();
        goal.MapPerseverance();
        goal.MapBreaks();
        goal.MapCircle();
        GoalCsv.Map(goal);
    }
}
