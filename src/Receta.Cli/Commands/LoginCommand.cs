using System.CommandLine;
using System.Text.Json;
using Receta.Cli.Api;
using Receta.Cli.Local;
using Receta.Contracts;

namespace Receta.Cli.Commands;

/// <summary>
/// <c>receta login [--server URL] [--token TOKEN]</c>: asks the email and password (and a
/// two-factor code when the server says one is needed), creates a personal access token named
/// "receta on {host}", and stores the server, the token and its id in the config file (mode 0600).
/// With <c>--token</c>, stores that token once <c>GET /api/v1/me</c> accepts it.
/// </summary>
public static class LoginCommand
{
    private const int MaxCodeTries = 3;

    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var server = new Option<string>("--server") { Description = "The Receta server, e.g. https://receta.example (default: the one stored, or RECETA_SERVER)" };
        var token = new Option<string>("--token") { Description = "Store this personal access token instead of signing in with a password" };
        var email = new Option<string>("--email") { Description = "The account's email (asked when not given)" };
        var command = new Command("login", "Sign in and store a token for this machine") { server, token, email };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var address = CliSession.ServerUri(parse.GetValue(server) ?? session.Config.Server)
                ?? throw CommandFailedException.Usage("--server: which Receta server? e.g. receta login --server https://receta.example");
            var texts = session.Texts;
            string secret;
            string? tokenId = null;
            if (parse.GetValue(token) is { } given)
            {
                secret = given;
            }
            else
            {
                var who = parse.GetValue(email) ?? session.Console.Ask(texts.AskEmail) ?? throw CommandFailedException.Usage("An email is needed.");
                var password = session.Console.AskSecret(texts.AskPassword) ?? throw CommandFailedException.Usage("A password is needed.");
                var created = await CreateTokenAsync(session, address, who.Trim(), password, cancellationToken);
                secret = created.Token;
                tokenId = created.Id.ToString();
            }

            using var api = new ApiClient(address, secret);
            var me = await api.SendOrFailAsync(HttpMethod.Get, "/api/v1/me", cancellationToken: cancellationToken);
            var account = me.Read(CliJsonContext.Default.AccountResponse);
            session.ConfigFile.Save(new CliConfig(address.ToString(), secret, tokenId, account.Email, account.TimeZone, LanguageOf(me.Body)));
            if (session.Json)
            {
                session.WriteJson(me.Body);
            }
            else
            {
                session.Console.Out.WriteLine(texts.SignedIn($"{account.DisplayName} <{account.Email}>", address.ToString()));
            }
            return ExitCodes.Done;
        }));
        return command;
    }

    private static async Task<CreateTokenResponse> CreateTokenAsync(CliSession session, Uri server, string email, string password, CancellationToken cancellationToken)
    {
        using var api = new ApiClient(server, token: null);
        string? code = null;
        for (var tries = 0; ; tries++)
        {
            // Six digits are the authenticator's code; anything else is taken for a recovery code.
            var isTotp = code is not null && code.Length == 6 && code.All(char.IsAsciiDigit);
            var request = new CreateTokenRequest(email, password, $"receta on {session.Environment.HostName}",
                Code: isTotp ? code : null, RecoveryCode: isTotp ? null : code);
            // A new key for each try: the body differs once a code is in it.
            var answer = await api.SendAsync(HttpMethod.Post, "/api/v1/auth/tokens",
                JsonSerializer.SerializeToUtf8Bytes(request, CliJsonContext.Default.CreateTokenRequest), ApiClient.NewIdempotencyKey(), cancellationToken);
            if (answer.Succeeded)
            {
                return answer.Read(CliJsonContext.Default.CreateTokenResponse);
            }
            if (answer.Status != 401 || !CodeRequired(answer.Body) || tries >= MaxCodeTries)
            {
                throw new CommandFailedException(ExitCodes.Refused, Problems.Describe(answer));
            }
            if (code is not null)
            {
                session.Console.Error.WriteLine(Problems.Describe(answer));
            }
            code = session.Console.AskSecret(session.Texts.AskCode)?.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (string.IsNullOrEmpty(code))
            {
                throw new CommandFailedException(ExitCodes.Refused, Problems.Describe(answer));
            }
        }
    }

    /// <summary>Whether a 401 says a second factor is needed (<c>codeRequired: true</c>, as SignIn answers).</summary>
    private static bool CodeRequired(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("codeRequired", out var required)
                && required.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The account's language, when the API says one (<c>language</c> in <c>GET /me</c>); null otherwise.</summary>
    private static string? LanguageOf(byte[] account)
    {
        using var document = JsonDocument.Parse(account);
        return document.RootElement.TryGetProperty("language", out var language) && language.ValueKind == JsonValueKind.String
            ? language.GetString()
            : null;
    }
}
