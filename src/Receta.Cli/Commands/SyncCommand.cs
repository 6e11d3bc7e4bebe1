using System.CommandLine;

namespace Receta.Cli.Commands;

/// <summary><c>receta sync</c>: sends what was queued while the server could not be reached (any other command does too, first).</summary>
public static class SyncCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command("sync", "Send the requests queued while the server was unreachable");
        command.SetAction(run.Action(async (session, _, cancellationToken) =>
        {
            var result = await session.FlushQueueAsync(cancellationToken);
            var texts = session.Texts;
            if (session.Json)
            {
                session.Console.Out.WriteLine(
                    $"{{\"sent\":{result?.Sent ?? 0},\"refused\":{result?.Refused ?? 0},\"waiting\":{result?.Waiting ?? 0}}}");
            }
            else
            {
                session.Console.Out.WriteLine(result is null ? texts.NothingToSync : texts.SyncSummary(result.Sent, result.Refused, result.Waiting));
                if (result is { ForOtherServers: > 0 })
                {
                    session.Console.Error.WriteLine(texts.QueuedForOtherServers(result.ForOtherServers));
                }
            }
            if (result is { Unreachable: true })
            {
                session.Console.Error.WriteLine(texts.Unreachable(session.Api.Server.ToString()));
                return ExitCodes.Unreachable;
            }
            return result is { Refused: > 0 } ? ExitCodes.Refused : ExitCodes.Done;
        }));
        return command;
    }
}
