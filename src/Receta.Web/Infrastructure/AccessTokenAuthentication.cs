using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Data.Sharding;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the hashes of personal access
/// tokens. Tokens are only ever read from the header (never a query string), and a revoked or
/// expired token stops working on the very next request, on every node, because every request
/// looks it up, unless its whole answer is served under the change stamp it was made under
/// (<see cref="StampedResponses"/>), which any commit changes. Under a goal's route the same
/// statement reads the caller's standing on that goal (<see cref="GoalGrant"/>), so that a read
/// costs one round trip to the database (docs/adr/0013). The token is read by its account and the
/// goal by its owner, both found through their routes.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ReadContexts reads,
    OwnerRoutes routes,
    IServiceProvider services,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private static readonly CompiledPerModel<Func<RecetaDbContext, Guid, byte[], CancellationToken, Task<TokenGrant?>>> FindToken =
        new(() => EF.CompileAsyncQuery((RecetaDbContext db, Guid userId, byte[] hash, CancellationToken _) =>
            db.AccessTokens
                .Where(t => t.UserId == userId && t.SecretHash == hash)
                .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new TokenGrant(
                    t.UserId, t.Id, t.Scope, t.ExpiresAt, t.LastUsedAt, u.TimeZone, null, null, null))
                .FirstOrDefault()));

    // One statement: the token, its account, and the goal of the route with the caller's membership
    // of it, as scalar subqueries (SQLite has no lateral joins), each by its owner (docs/adr/0014).
    private static readonly CompiledPerModel<Func<RecetaDbContext, Guid, byte[], Guid, Guid, CancellationToken, Task<TokenGrant?>>> FindTokenAndGoal =
        new(() => EF.CompileAsyncQuery((RecetaDbContext db, Guid userId, byte[] hash, Guid ownerId, Guid goalId, CancellationToken _) =>
            db.AccessTokens
                .Where(t => t.UserId == userId && t.SecretHash == hash)
                .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new TokenGrant(
                    t.UserId, t.Id, t.Scope, t.ExpiresAt, t.LastUsedAt, u.TimeZone,
                    db.Goals.Where(g => g.OwnerId == ownerId && g.Id == goalId).Select(g => (Guid?)g.OwnerId).FirstOrDefault(),
                    db.Goals.Where(g => g.OwnerId == ownerId && g.Id == goalId).Select(g => (long?)g.Version).FirstOrDefault(),
                    db.CircleMembers
                        .Where(m => m.OwnerId == ownerId && m.GoalId == goalId && m.UserId == t.UserId && m.Status == MemberStatus.Active)
                        .Select(m => (CircleRole?)m.Role)
                        .FirstOrDefault()))
                .FirstOrDefault()));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (WebPages.IsShowingOutagePage(Context))
        {
            return AuthenticateResult.NoResult();
        }
        if (BearerSecret(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }
        if (secret.Length == 0)
        {
            return AuthenticateResult.Fail("Empty bearer token.");
        }

        var hash = AccessTokenSecrets.Hash(secret);
        var cancellationToken = Context.RequestAborted;
        // Kept routes make these free after a token's and a goal's first request (OwnerRoutes).
        var account = await routes.AccountOfAsync(hash, cancellationToken);
        var goalId = GoalAccessMiddleware.DeclaredGoalId(Context);
        var owner = goalId is { } declared ? await routes.OwnerOfAsync(declared, cancellationToken) : null;
        var found = account is not { } userId ? null : await reads.ReadAsync(db => (goalId, owner) is ({ } goal, { } ownerId)
            ? FindTokenAndGoal.For(db)(db, userId, hash, ownerId, goal, cancellationToken)
            : FindToken.For(db)(db, userId, hash, cancellationToken));
        var now = clock.GetUtcNow();
        if (found is null || found.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        var lastUsed = found.LastUsedAt;
        if (lastUsed is null || now - lastUsed > LastUsedResolution)
        {
            var db = services.GetRequiredService<RecetaDbContext>();
            await db.AccessTokens
                .Where(t => t.UserId == found.UserId && t.Id == found.TokenId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
            lastUsed = now;
        }
        // Past either, the same request would be answered otherwise, or would write.
        var refresh = lastUsed.Value + LastUsedResolution;
        Context.Features.Set(new TokenValidity(found.ExpiresAt is { } expires && expires < refresh ? expires : refresh));
        if (goalId is { } goal)
        {
            Context.Features.Set(found.GoalGrant(goal));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimNames.UserId, found.UserId.ToString()),
                new Claim(ClaimNames.Scope, found.Scope == TokenScope.Read ? "read" : "write"),
                new Claim(ClaimNames.TimeZone, found.TimeZone),
                new Claim(ClaimNames.TokenId, found.TokenId.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The secret of <c>Authorization: Bearer &lt;secret&gt;</c> (empty when blank); null without one.</summary>
    public static string? BearerSecret(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await new UnauthorizedFailure("Send a valid personal access token as 'Authorization: Bearer <token>'.")
            .ToResult().ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Failure.Forbidden("This token may not do this.").ToResult().ExecuteAsync(Context);
}

/// <summary>
/// A token as read for a request, and, under a goal's route, that goal's owner and version and the
/// token's account's active membership of it (all null when the goal does not exist).
/// </summary>
public sealed record TokenGrant(
    Guid UserId, Guid TokenId, TokenScope Scope, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, string TimeZone,
    Guid? GoalOwnerId, long? GoalVersion, CircleRole? MemberRole)
{
    /// <summary>The caller's standing on <paramref name="goalId"/>: owner, an active member's role, or none.</summary>
    public GoalGrant GoalGrant(Guid goalId) => new(
        goalId,
        GoalOwnerId,
        GoalVersion ?? 0,
        GoalOwnerId is not { } owner ? null : owner == UserId ? CircleRole.Owner : MemberRole);
}

/// <summary>Makes and hashes secrets (tokens, the calendar feed's address): 256 random bits, stored only as SHA-256.</summary>
public static class AccessTokenSecrets
{
    private const string Prefix = "rct_";

    public static string NewSecret() => NewSecret(Prefix);

    /// <summary>
    /// <paramref name="prefix"/>, which names what the secret opens, then 256 random bits in base64url:
    /// 43 characters that need no escaping in a header or a URL path.
    /// </summary>
    public static string NewSecret(string prefix) =>
        prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>The hash of <paramref name="secret"/> as text, for keys in memory.</summary>
    public static string HashText(string secret) => Convert.ToBase64String(Hash(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
