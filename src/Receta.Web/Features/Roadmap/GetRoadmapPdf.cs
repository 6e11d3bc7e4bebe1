using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Features.Goals;
using Receta.Web.Features.Preparation;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Roadmap;

/// <summary>
/// <c>GET /goals/{goalId}/roadmap.pdf?asOf=&amp;lang=</c> (connections.md §2): the goal on one printable
/// A4 page, in English, Spanish or Portuguese (the caller's language unless <c>lang</c> says otherwise), drawn from
/// the same views the goal page shows for that day.
/// </summary>
public static class GetRoadmapPdf
{
    /// <summary>A drawn PDF and the name to save it under.</summary>
    public sealed record RoadmapPdfFile(byte[] Content, string FileName);

    public static async Task<Outcome<RoadmapPdfFile>> HandleAsync(
        GoalScope scope, string? asOf, string? lang, RecetaDbContext db, GoalHistories histories, GoalViewCache cache,
        IStringLocalizerFactory texts, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var errors = new RequestErrors();
        var day = errors.QueryDate(asOf, "asOf") ?? scope.User.Today;
        var language = Localization.Supported(lang);
        if (!string.IsNullOrEmpty(lang) && language is null)
        {
            errors.Add("lang", $"'lang' must be one of: {string.Join(", ", Localization.SupportedCultures.Select(c => c.Name))}.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        language ??= Localization.OfAccount(await db.Users.Where(u => u.Id == scope.User.Id).Select(u => u.Language).FirstOrDefaultAsync());

        // One DbContext per request: the views are read one after the other, as the goal page reads them.
        var goal = scope.Goal;
        var content = new RoadmapPdfContent(
            goal.Title,
            goal.Purpose,
            day,
            goal.TargetDate,
            goal.WeeklyCapacityHours,
            goal.Measure,
            await GetProgress.HandleAsync(scope, day, db, histories, cache),
            await GetRoadmap.HandleAsync(scope, day, db, histories, cache),
            await GetReadiness.HandleAsync(scope, db),
            await GetRecipeScore.HandleAsync(scope, day, db, histories, cache));
        var pdf = RoadmapPdf.Draw(content, texts, language, clock.GetUtcNow());
        return new RoadmapPdfFile(pdf, string.Create(CultureInfo.InvariantCulture, $"roadmap-{goal.Id}-{day:yyyy-MM-dd}.pdf"));
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/roadmap.pdf", async (GoalScope scope, string? asOf, string? lang, HttpResponse response, RecetaDbContext db,
                GoalHistories histories, GoalViewCache cache, IStringLocalizerFactory texts, TimeProvider clock) =>
                (await HandleAsync(scope, asOf, lang, db, histories, cache, texts, clock)).ToResult(file =>
                {
                    response.Headers.ContentDisposition = $"attachment; filename=\"{file.FileName}\"";
                    return TypedResults.File(file.Content, "application/pdf");
                }))
            .Requires(GoalAction.Read)
            .Produces<Stream>(contentType: "application/pdf")
            .WithTags("Export")
            .WithDescription("The goal on one printable A4 page as of a day, in English, Spanish or Portuguese (lang=en|es|pt-BR; the caller's language when absent): title and purpose, the recipe score with the missing ingredients' hints, progress and forecast in words, the milestones with due and projected dates (late ones marked) and the next step, skills and readiness.");
}
