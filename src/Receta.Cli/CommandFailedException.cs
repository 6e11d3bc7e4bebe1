namespace Receta.Cli;

/// <summary>The exit codes of <c>receta</c>, as connections.md §6 fixes them.</summary>
public static class ExitCodes
{
    public const int Done = 0;

    /// <summary>The server refused the request; its problem was printed.</summary>
    public const int Refused = 1;

    /// <summary>The command line was wrong: a bad option or value, or a name that is not exactly one goal (or habit, milestone, skill).</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached (what could be queued was queued, and said so).</summary>
    public const int Unreachable = 3;
}

/// <summary>
/// Ends a command with an exit code and one line for the error stream. Thrown deep (resolving a
/// name, reading an answer) and caught once in <see cref="CliApp"/>, so that every command ends the
/// same way.
/// </summary>
public sealed class CommandFailedException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CommandFailedException Usage(string message) => new(ExitCodes.Usage, message);
}
