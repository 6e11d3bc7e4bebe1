namespace Receta.Cli.Local;

/// <summary>
/// <c>config.json</c>: where the server is and the personal access token to send it, with the
/// token's id (to revoke it on logout) and what the account said about itself at login.
/// </summary>
public sealed record CliConfig(
    string? Server,
    string? Token,
    string? TokenId = null,
    string? Email = null,
    string? TimeZone = null,
    string? Language = null);
