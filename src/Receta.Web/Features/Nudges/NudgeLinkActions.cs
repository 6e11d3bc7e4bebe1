using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Features.Work;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Nudges;

/// <summary>What following a link's button did, shown by its page.</summary>
public enum LinkResult
{
    Done,
    Invalid,
    Skipped,
    Gone,
}

/// <summary>
/// The POSTs behind a nudge email's links: the "done" link checks its habit on its date as the
/// account itself would (the same handler as the API), the unsubscribe link turns its kind of email
/// off. The signed link is the only credential, so no session or antiforgery token is asked for;
/// the pages at the same addresses answer GET (what a mail scanner sends) without acting.
/// </summary>
public static class NudgeLinkActions
{
    public static async Task<LinkResult> DoneAsync(
        string token, NudgeLinks links, RecetaDbContext db, GoalWriter writer, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writer);
        if (links.ReadDone(token) is not { } link)
        {
            return LinkResult.Invalid;
        }
        var account = await db.Users.AsNoTracking().Where(u => u.Id == link.UserId).Select(u => new { u.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return LinkResult.Gone;
        }
        var zone = UserTimeZones.FindOrUtc(account.TimeZone);
        var user = new CurrentUser(link.UserId, CanWrite: true, zone, UserTimeZones.Today(clock, zone));
        var scope = await GoalScope.LoadAsync(user, link.GoalId.ToString(), GoalAction.Edit, db, cancellationToken);
        if (scope.Value is not { } goal)
        {
            return LinkResult.Gone;
        }
        // A change under the goal like any other: its version raised (so no node serves a view without the tick) and its observers told.
        var (locked, checkedDay) = await writer.RunAsync(goal, async () =>
        {
            var result = await CheckHabit.HandleAsync(goal, link.HabitId.ToString(), new CheckHabitRequest(link.Date), db);
            return (result, result.Succeeded);
        }, cancellationToken);
        if (!locked)
        {
            return LinkResult.Gone;
        }
        return checkedDay.Failure switch
        {
            null => LinkResult.Done,
            NotFoundFailure => LinkResult.Gone,
            ConflictFailure => LinkResult.Skipped,
            _ => LinkResult.Invalid,
        };
    }

    public static async Task<LinkResult> UnsubscribeAsync(string token, NudgeLinks links, RecetaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (links.ReadUnsubscribe(token) is not { } link)
        {
            return LinkResult.Invalid;
        }
        if (!await db.Users.AnyAsync(u => u.Id == link.UserId, cancellationToken))
        {
            return LinkResult.Gone;
        }
        var settings = await NotificationSettingsStore.LoadAsync(db, link.UserId, cancellationToken);
        switch (link.Kind)
        {
            case NudgeKind.Reminders: settings.Reminders = false; break;
            case NudgeKind.RiskAlerts: settings.RiskAlerts = false; break;
            case NudgeKind.Digest: settings.DigestDay = null; break;
            case NudgeKind.CircleDigest: settings.CircleDigest = false; break;
            case NudgeKind.CircleNews: settings.CircleNews = false; break;
        }
        await NotificationSettingsStore.SaveAsync(db, settings, clock, cancellationToken);
        return LinkResult.Done;
    }

    /// <summary>
    /// POST on the pages' addresses, ahead of the pages (which answer GET): the page's button comes
    /// back to its page (303) to show what happened; RFC 8058's one-click POST, from a mail
    /// provider, gets a plain 200.
    /// </summary>
    public static void MapNudgeLinks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/nudges/done/{token}", async (string token, NudgeLinks links, RecetaDbContext db, GoalWriter writer, TimeProvider clock, HttpContext http) =>
                await AnswerAsync(http, $"/nudges/done/{token}", await DoneAsync(token, links, db, writer, clock, http.RequestAborted)))
            .AllowAnonymous().DisableAntiforgery().WithOrder(-1).ExcludeFromDescription();
        app.MapPost("/unsubscribe/{token}", async (string token, NudgeLinks links, RecetaDbContext db, TimeProvider clock, HttpContext http) =>
                await AnswerAsync(http, $"/unsubscribe/{token}", await UnsubscribeAsync(token, links, db, clock, http.RequestAborted)))
            .AllowAnonymous().DisableAntiforgery().WithOrder(-1).ExcludeFromDescription();
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, string page, LinkResult result)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        if (form is not null && form["List-Unsubscribe"].ToString() == "One-Click")
        {
            return result == LinkResult.Done
                ? Results.Text("Unsubscribed.")
                : Results.Text("This link is not valid.", statusCode: StatusCodes.Status400BadRequest);
        }
        return new SeeOther($"{page}?result={result.ToString().ToLowerInvariant()}");
    }

    /// <summary>303 See Other: the browser GETs the page, so a reload does not post again.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
