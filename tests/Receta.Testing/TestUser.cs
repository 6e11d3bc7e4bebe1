using System.Net;
using System.Net.Http.Json;

namespace Receta.Testing;

/// <summary>An account made by <see cref="RecetaApp.CreateUserAsync"/>.</summary>
/// <param name="Id">The account id, as the API writes it.</param>
/// <param name="Token">The token <paramref name="Api"/> sends.</param>
/// <param name="Api">A client of the API signed in as this account (<c>Authorization: Bearer</c>).</param>
public sealed record TestUser(
    string Id,
    string Email,
    string Password,
    string DisplayName,
    string TimeZone,
    CreatedToken Token,
    HttpClient Api)
{
    /// <summary>Creates another personal access token for this account.</summary>
    public Task<CreatedToken> CreateTokenAsync(string scope = "write") => CreateTokenAsync(Api, Email, Password, scope);

    internal static async Task<CreatedToken> CreateTokenAsync(HttpClient client, string email, string password, string scope)
    {
        using var response = await client.PostJsonAsync("/api/v1/auth/tokens", new { email, password, name = $"tests ({scope})", scope });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync<CreatedToken>();
    }
}

/// <summary>A personal access token as <c>POST /api/v1/auth/tokens</c> answers it, secret included.</summary>
/// <param name="Secret">What goes after <c>Bearer</c>; the API shows it only this once.</param>
public sealed record CreatedToken(string Id, string Scope, [property: System.Text.Json.Serialization.JsonPropertyName("token")] string Secret);
