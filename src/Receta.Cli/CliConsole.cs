namespace Receta.Cli;

/// <summary>
/// Where a command reads and writes: the process's console, or (in tests) strings. Prompts go to
/// <see cref="Error"/> so that <see cref="Out"/> carries only what a script reads.
/// </summary>
public sealed class CliConsole(TextReader input, TextWriter output, TextWriter error, bool outputIsTerminal, Func<string?>? readSecret = null)
{
    public TextReader In { get; } = input;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Whether <see cref="Out"/> is a terminal (colours only then).</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    public static CliConsole System() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsOutputRedirected, Console.IsInputRedirected ? null : ReadHiddenLine);

    /// <summary>Asks a question on the error stream and reads one line of the answer (null at the end of the input).</summary>
    public string? Ask(string prompt)
    {
        Error.Write(prompt);
        Error.Flush();
        return In.ReadLine();
    }

    /// <summary>Like <see cref="Ask"/>, without echoing what is typed when the input is a terminal.</summary>
    public string? AskSecret(string prompt)
    {
        Error.Write(prompt);
        Error.Flush();
        if (readSecret is null)
        {
            return In.ReadLine();
        }
        var secret = readSecret();
        Error.WriteLine();
        return secret;
    }

    private static string? ReadHiddenLine()
    {
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    return typed.ToString();
                case ConsoleKey.Backspace when typed.Length > 0:
                    typed.Length--;
                    break;
                default:
                    if (key.KeyChar == '\u0004' && typed.Length == 0)
                    {
                        return null;
                    }
                    if (!char.IsControl(key.KeyChar))
                    {
                        typed.Append(key.KeyChar);
                    }
                    break;
            }
        }
    }
}
