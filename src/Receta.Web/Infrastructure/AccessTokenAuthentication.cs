using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Data;
using Receta.Data.Accounts;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the hashes of personal access
/// tokens. Tokens are only ever read from the header (never a query string), and a revoked or
/// expired token stops working on the very next request because every request looks it up.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    RecetaDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (WebPages.IsShowingOutagePage(Context))
        {
            return AuthenticateResult.NoResult();
        }
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length == 0)
        {
            return AuthenticateResult.Fail("Empty bearer token.");
        }

        var hash = AccessTokenSecrets.Hash(secret);
        var now = clock.GetUtcNow();
        var found = await db.AccessTokens
            .Where(t => t.SecretHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.TimeZone })
            .AsNoTracking()
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.Token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        if (found.Token.LastUsedAt is null || now - found.Token.LastUsedAt > LastUsedResolution)
        {
            await db.AccessTokens
                .Where(t => t.UserId == found.Token.UserId && t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimNames.UserId, found.Token.UserId.ToString()),
                new Claim(ClaimNames.Scope, found.Token.Scope == TokenScope.Read ? "read" : "write"),
                new Claim(ClaimNames.TimeZone, found.TimeZone),
                new Claim(ClaimNames.TokenId, found.Token.Id.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
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

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
