using System.CommandLine;
using Receta.Cli.Commands;

namespace Receta.Cli;

/// <summary>
/// <c>receta</c>: the command line of Receta, a client of its HTTP API. <see cref="RunAsync"/> is the
/// whole program; <c>Program.cs</c> passes the process's console and environment, tests their own.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var run = new CliRun(console, environment);
        var root = BuildCommands(run);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                console.Error.WriteLine(error.Message);
            }
            console.Error.WriteLine("Run 'receta --help' (or 'receta COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Every command (connections.md §6), one file each in Commands/.</summary>
    public static RootCommand BuildCommands(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var root = new RootCommand("receta: log progress, work, habits and attempts, and see where every goal stands.")
        {
            run.Json,
            run.Lang,
            LoginCommand.Create(run),
            LogoutCommand.Create(run),
            GoalsCommand.Create(run),
            StatusCommand.Create(run),
            LogCommand.Create(run),
            WorkCommand.Create(run),
            CheckCommand.Create(run),
            RemindCommand.Create(run),
            BreakCommand.Create(run),
            AttemptCommand.Create(run),
            RoadmapCommand.Create(run),
            ImportCommand.Create(run),
            ExportCommand.Create(run),
            CalendarCommand.Create(run),
            WebhooksCommand.Create(run),
            SyncCommand.Create(run),
            CompletionCommand.Create(run),
        };
        return root;
    }
}
