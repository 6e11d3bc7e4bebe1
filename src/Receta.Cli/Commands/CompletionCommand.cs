using System.CommandLine;

namespace Receta.Cli.Commands;

/// <summary>
/// <c>receta completion bash|zsh</c>: a script that asks <c>receta</c> itself for completions
/// through System.CommandLine's <c>[suggest]</c> directive (no request to the server: goal
/// titles come from the names last seen). <c>dotnet-suggest</c> works as well.
/// </summary>
public static class CompletionCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print a shell completion script: eval \"$(receta completion bash)\"") { shell };
        command.SetAction(parse =>
        {
            run.Console.Out.Write(parse.GetRequiredValue(shell) == "zsh" ? Zsh : Bash);
            return ExitCodes.Done;
        });
        return command;
    }

    private const string Bash = """
        _receta_complete() {
            local IFS=$'\n'
            COMPREPLY=( $(receta "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) )
        }
        complete -o default -o nosort -F _receta_complete receta

        """;

    private const string Zsh = """
        _receta_complete() {
            local -a completions
            completions=( ${(f)"$(receta "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)"} )
            compadd -Q -- $completions
        }
        compdef _receta_complete receta

        """;
}
