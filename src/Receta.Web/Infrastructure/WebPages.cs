using Microsoft.AspNetCore.Diagnostics;

namespace Receta.Web.Infrastructure;

/// <summary>
/// The two audiences of the app: the API (<c>/api</c>) and the calendar feed (<c>/calendar</c>, read
/// by calendar apps) answer programs with problem details and status codes; every other path is a
/// web page, read by a person. A signed-out person is sent to sign in, and a refusal (not found,
/// forbidden, too many attempts) is an HTML page in their language.
/// </summary>
public static class WebPages
{
    /// <summary>Where a refused page request is re-executed: <c>/error/{status}</c>, the error page.</summary>
    public const string ErrorPathFormat = "/error/{0}";

    /// <summary>Where calendar apps read an account's feed: <c>/calendar/{secret}.ics</c>.</summary>
    public const string CalendarFeedPath = "/calendar";

    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments(CalendarFeedPath, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsPage(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return !IsApi(http.Request);
    }

    /// <summary>The sign-in page, with the way back to this request (its path and query: never another site).</summary>
    public static string SignInPath(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var back = Localization.LocalPath(request.PathBase + request.Path + request.QueryString);
        return back == "/" ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(back)}";
    }

    /// <summary>
    /// An error answer without a body (a refusal, an unknown path) becomes the error page for a web
    /// page; the API keeps its problem details (<c>UseStatusCodePages</c>, registered before this).
    /// </summary>
    public static IApplicationBuilder UseWebErrorPages(this IApplicationBuilder app)
    {
        // Not in a UseWhen branch: the re-executed request must be routed again, which only the main pipeline does.
        app.UseStatusCodePagesWithReExecute(ErrorPathFormat, createScopeForStatusCodePages: true);
        return app.Use(async (http, next) =>
        {
            if (!IsPage(http) && http.Features.Get<IStatusCodePagesFeature>() is { } errorPages)
            {
                errorPages.Enabled = false;
            }
            if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                // The error page is shown, never submitted: a refused form post re-executed as a post
                // would be handled as a post of that form again, against the error page.
                http.Request.Method = HttpMethods.Get;
            }
            await next(http);
            if (IsPage(http) && !http.Response.HasStarted && http.Response.StatusCode >= 400)
            {
                // A page refused before writing a word (Blazor's 400 for a form the page does not have)
                // has already named its type: without it, the error page is written.
                http.Response.ContentType = null;
            }
        });
    }

    /// <summary>
    /// Answers a page request that the database could not serve with the status alone (503, set by
    /// <see cref="ProblemExceptionHandler"/>), which <see cref="UseWebErrorPages"/> turns into the error
    /// page. That page is rendered for no one in particular: see <see cref="IsShowingOutagePage"/>.
    /// </summary>
    public static void ShowOutagePage(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Features.Set(OutagePageFeature.Instance);
    }

    /// <summary>
    /// True while the outage page is rendered: authentication then looks nobody up (a session or a
    /// token lives in the database that just failed, and a second failure would leave no page to show),
    /// and the person, still signed in, sees the page as a visitor would.
    /// </summary>
    public static bool IsShowingOutagePage(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<OutagePageFeature>() is not null;
    }

    private sealed class OutagePageFeature
    {
        public static readonly OutagePageFeature Instance = new();
    }

    /// <summary>
    /// Refuses a request: the API answers with the failure's problem details; a page answers with the
    /// status alone, which <see cref="UseWebErrorPages"/> turns into the error page.
    /// </summary>
    public static Task RefuseAsync(HttpContext http, Failure failure)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(failure);
        if (!IsPage(http))
        {
            return failure.ToResult().ExecuteAsync(http);
        }
        http.Response.StatusCode = failure.StatusCode();
        return Task.CompletedTask;
    }
}
