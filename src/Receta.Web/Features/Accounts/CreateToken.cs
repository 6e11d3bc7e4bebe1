using Receta.Data;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Signs in with email and password (and a code when the account has two-factor sign-in) and makes
/// a personal access token: 256 random bits, stored as a hash, shown this once.
/// </summary>
public static class CreateToken
{
    public static async Task<Outcome<CreateTokenResponse>> HandleAsync(CreateTokenRequest request, SignIn signIn, RecetaDbContext db, AuditLog audit, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var errors = new RequestErrors();
        var name = errors.Title(request.Name, "name");
        var scope = request.Scope switch
        {
            null or "write" => TokenScope.Write,
            "read" => TokenScope.Read,
            _ => Invalid(errors),
        };
        var now = clock.GetUtcNow();
        if (request.ExpiresAt is { } expiresAt && (expiresAt <= now || expiresAt.Year > 2999))
        {
            errors.Add("expiresAt", "'expiresAt' must be in the future and before 3000-01-01.");
        }
        if (string.IsNullOrEmpty(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            errors.Add(string.IsNullOrEmpty(request.Email) ? "email" : "password", "Both 'email' and 'password' are required.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var user = await signIn.CheckAsync(new SignIn.Credentials(request.Email!, request.Password!, request.Code, request.RecoveryCode, "token"));
        if (user.Failure is { } failure)
        {
            return failure;
        }

        var secret = AccessTokenSecrets.NewSecret();
        var token = new AccessToken
        {
            UserId = user.Value!.Id,
            Id = Guid.CreateVersion7(now),
            Name = name,
            Scope = scope,
            SecretHash = AccessTokenSecrets.Hash(secret),
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
        };
        db.AccessTokens.Add(token);
        audit.Add(token.UserId, AuditActions.TokenCreated, $"'{token.Name}' ({ScopeName(token.Scope)})");
        await db.SaveChangesAsync();
        return new CreateTokenResponse(token.Id, token.Name, ScopeName(token.Scope), secret, token.CreatedAt, token.ExpiresAt);
    }

    public static string ScopeName(TokenScope scope) => scope == TokenScope.Read ? "read" : "write";

    private static TokenScope Invalid(RequestErrors errors)
    {
        errors.Add("scope", "'scope' must be 'read' or 'write'.");
        return TokenScope.Read;
    }

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapPost("/tokens", async (CreateTokenRequest request, SignIn signIn, RecetaDbContext db, AuditLog audit, TimeProvider clock) =>
                (await HandleAsync(request, signIn, db, audit, clock)).ToResult(created =>
                    TypedResults.Created($"/api/v1/auth/tokens/{created.Id}", created)))
            .AllowAnonymous()
            .RequireRateLimiting(SignIn.RateLimitPolicy)
            .Produces<CreateTokenResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithDescription("Creates a personal access token (scope write or read) from the account's email and password, and its second factor when it has one. The token is shown this once. After 5 failures in 15 minutes: 429.");
}
