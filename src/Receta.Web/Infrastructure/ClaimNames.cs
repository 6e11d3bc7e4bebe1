namespace Receta.Web.Infrastructure;

/// <summary>Claims the authentication handlers put on the caller.</summary>
public static class ClaimNames
{
    public const string UserId = "sub";
    public const string Scope = "scope";
    public const string TimeZone = "tz";
    public const string TokenId = "token_id";
}
