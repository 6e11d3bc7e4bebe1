using System.CommandLine;
using Receta.Cli.Api;

namespace Receta.Cli.Commands;

/// <summary>
/// <c>receta export [-o FILE]</c>: everything the account owns, as the server's JSON export, into a
/// file (written whole or not at all) or onto standard output.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var output = new Option<FileInfo>("--output", "-o") { Description = "Write the export to this file instead of standard output" };
        var command = new Command("export", "Everything you own, as JSON that 'receta import' (and any Receta server) reads back") { output };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            await session.FlushQueueAsync(cancellationToken);
            if (parse.GetValue(output) is not { } file)
            {
                await using var stdout = new MemoryStream();
                Check(await session.Api.DownloadAsync("/api/v1/export", stdout, cancellationToken));
                session.Console.Out.Write(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
                session.Console.Out.WriteLine();
                return ExitCodes.Done;
            }
            // Into a file beside the target, moved over it once complete: a failed export leaves no half file.
            var partial = file.FullName + ".partial";
            try
            {
                await using (var destination = File.Create(partial))
                {
                    Check(await session.Api.DownloadAsync("/api/v1/export", destination, cancellationToken));
                }
                File.Move(partial, file.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }
            session.Console.Error.WriteLine(session.Texts.Exported(file.FullName));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static void Check(ApiAnswer answer)
    {
        if (!answer.Succeeded)
        {
            throw new CommandFailedException(ExitCodes.Refused, Problems.Describe(answer));
        }
    }
}
