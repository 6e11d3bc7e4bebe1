using System.CommandLine;
using Receta.Cli.Api;

namespace Receta.Cli.Commands;

/// <summary><c>receta logout</c>: revokes the stored token (<c>DELETE /api/v1/auth/tokens/{id}</c>) and removes it from the config file.</summary>
public static class LogoutCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command("logout", "Revoke the stored token and forget it");
        command.SetAction(run.Action(async (session, _, cancellationToken) =>
        {
            var stored = session.ConfigFile.Stored;
            if (stored.Token is null || CliSession.ServerUri(stored.Server) is not { } server)
            {
                throw CommandFailedException.Usage(session.Texts.NotSignedIn);
            }
            if (stored.TokenId is { } id)
            {
                using var api = new ApiClient(server, stored.Token);
                var answer = await api.SendAsync(HttpMethod.Delete, $"/api/v1/auth/tokens/{Uri.EscapeDataString(id)}", cancellationToken: cancellationToken);
                // 401 or 404: the token no longer works anyway (revoked elsewhere, or expired).
                if (!answer.Succeeded && answer.Status is not (401 or 404))
                {
                    throw new CommandFailedException(ExitCodes.Refused, Problems.Describe(answer));
                }
            }
            else
            {
                session.Console.Error.WriteLine("The token was given with --token, so its id is unknown here: revoke it in your profile.");
            }
            session.ConfigFile.Save(stored with { Token = null, TokenId = null });
            if (!session.Json)
            {
                session.Console.Out.WriteLine(session.Texts.SignedOut);
            }
            return ExitCodes.Done;
        }));
        return command;
    }
}
