using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Receta.Core.Circle;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Declares, once for the whole API group, the refusals each endpoint can answer besides its own
/// success and the refusals it declares itself, all as RFC 9457 problem details. They follow from
/// what the pipeline does to a request, so they are derived from the endpoint's shape rather than
/// written 60 times:
/// <list type="bullet">
/// <item>400: a body, or a query parameter, that can be invalid;</item>
/// <item>401: not signed in (every endpoint but the few anonymous ones);</item>
/// <item>403: a change with a read-scoped token or without the cookie's antiforgery token, or a goal action the role does not allow;</item>
/// <item>404: a path naming something that does not exist or that the caller may not read;</item>
/// <item>409: a change to a goal that another request changed at the same moment;</item>
/// <item>413: a body over 1 MiB; 422: an <c>Idempotency-Key</c> reused with another body;</item>
/// <item>429: a rate-limited endpoint; 500: a fault of the server; 503: the database does not answer.</item>
/// </list>
/// </summary>
public static class ApiAnswers
{
    public static RouteGroupBuilder DeclaresApiAnswers(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            foreach (var status in Refusals(endpoint))
            {
                var type = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, type, ["application/problem+json"]));
            }
        });
        return api;
    }

    private static SortedSet<int> Refusals(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var methods = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
        var changes = methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m));
        var hasBody = metadata.OfType<IAcceptsMetadata>().Any();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern;
        var underGoal = pattern?.GetParameter("goalId") is not null;
        var action = metadata.OfType<RequiresGoalActionAttribute>().LastOrDefault()?.Action;
        var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();

        // 500 only for a fault of the server's own (never for what a client sent), logged.
        var refusals = new SortedSet<int> { StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable };
        if (hasBody || HasQueryParameters(metadata, pattern))
        {
            refusals.Add(StatusCodes.Status400BadRequest);
        }
        if (!anonymous)
        {
            refusals.Add(StatusCodes.Status401Unauthorized);
            if (changes || action is { } a && a != GoalAction.Read)
            {
                refusals.Add(StatusCodes.Status403Forbidden);
            }
        }
        if (pattern?.Parameters.Count > 0)
        {
            refusals.Add(StatusCodes.Status404NotFound);
        }
        if (underGoal && changes)
        {
            refusals.Add(StatusCodes.Status409Conflict);
        }
        if (hasBody)
        {
            refusals.Add(StatusCodes.Status413PayloadTooLarge);
        }
        if (!anonymous && methods.Any(HttpMethods.IsPost))
        {
            refusals.Add(StatusCodes.Status422UnprocessableEntity);
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            refusals.Add(StatusCodes.Status429TooManyRequests);
        }
        refusals.ExceptWith(declared);
        return refusals;
    }

    /// <summary>Whether the handler reads a parameter from the query string (<c>?asOf=</c>, <c>?limit=</c>, ...).</summary>
    private static bool HasQueryParameters(IList<object> metadata, Microsoft.AspNetCore.Routing.Patterns.RoutePattern? pattern) =>
        metadata.OfType<IParameterBindingMetadata>().Any(p =>
            !p.HasBindAsync
            && pattern?.GetParameter(p.Name) is null
            && (p.HasTryParse || p.ParameterInfo.ParameterType == typeof(string)));
}
