using Receta.Core.Circle;
using Receta.Core.Progress;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Progress;

/// <summary>How good the forecast has been: how often its 80 % band held the value reached 28 days later.</summary>
public static class GetCalibration
{
    public static async Task<CalibrationResponse> HandleAsync(
        GoalScope scope, DateOnly asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(cache);
        var goal = scope.Goal;
        if (goal.Measure is not { } measure)
        {
            // Without a measure there is no forecast to check, as the progress view's forecast is null.
            return new CalibrationResponse(asOf, 0, 0, null, []);
        }
        // 26 simulations of 2,000 paths: worth keeping per goal version and day, like the forecast.
        return await cache.GetOrCreateAsync(goal, "calibration", asOf, async () =>
        {
            var history = await histories.GetMeasureAsync(goal, db);
            var report = ForecastCalibration.Compute(goal.ForecastSeed, asOf, history!, measure, goal.StartDate, await histories.GetBreaksAsync(goal, db));
            return new CalibrationResponse(report.AsOf, report.Evaluated, report.Covered, report.Coverage,
                report.Items.Select(i => new CalibrationItem(i.Date, i.Low, i.High, i.Actual, i.Covered)).ToList());
        });
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/calibration", async (GoalScope scope, string? asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache) =>
                await AsOfView.ServeAsync(asOf, scope, day => HandleAsync(scope, day, db, histories, cache)))
            .Requires(GoalAction.Read)
            .Produces<CalibrationResponse>()
            .WithDescription("How good the forecast has been as of a day: at up to 26 weekly check dates, whether its 80 % band for 28 days later held the value reached. Nothing is evaluated for a goal without a measure.");
}
