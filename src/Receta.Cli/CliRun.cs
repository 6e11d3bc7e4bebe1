using System.CommandLine;
using Receta.Cli.Api;

namespace Receta.Cli;

/// <summary>
/// What every command shares in one run: the console, the environment, and the global options
/// (<c>--json</c>, <c>--lang</c>). <see cref="Action"/> wraps a command's work so that each ends the
/// same way: its failures printed in one line, and the exit codes of <see cref="ExitCodes"/>.
/// </summary>
public sealed class CliRun(CliConsole console, CliEnvironment environment)
{
    public CliConsole Console { get; } = console;
    public CliEnvironment Environment { get; } = environment;

    public Option<bool> Json { get; } = new("--json") { Description = "Print the API's JSON as received (for scripts)", Recursive = true };

    public Option<string> Lang { get; } = CreateLang();

    public Func<ParseResult, CancellationToken, Task<int>> Action(Func<CliSession, ParseResult, CancellationToken, Task<int>> work) =>
        async (parseResult, cancellationToken) =>
        {
            CliSession? session = null;
            try
            {
                session = new CliSession(Console, Environment, parseResult.GetValue(Json), parseResult.GetValue(Lang));
                return await work(session, parseResult, cancellationToken);
            }
            catch (CommandFailedException failure)
            {
                Console.Error.WriteLine(failure.Message);
                return failure.ExitCode;
            }
            catch (ServerUnreachableException unreachable)
            {
                Console.Error.WriteLine(session?.Texts.Unreachable(unreachable.Server) ?? unreachable.Message);
                return ExitCodes.Unreachable;
            }
            finally
            {
                session?.Dispose();
            }
        };

    private static Option<string> CreateLang()
    {
        var lang = new Option<string>("--lang") { Description = "Language of the output: en, es or pt-BR (default: the account's, else LANG)", Recursive = true };
        lang.AcceptOnlyFromAmong("en", "es", "pt-BR");
        return lang;
    }
}
