namespace Receta.Cli;

/// <summary>
/// What the command line reads from its surroundings: environment variables, the clock, the host
/// name. The process passes the real ones; tests pass their own (a temporary XDG_CONFIG_HOME, the
/// app's fake clock).
/// </summary>
public sealed class CliEnvironment(Func<string, string?> variable, TimeProvider clock, string hostName)
{
    public TimeProvider Clock { get; } = clock;

    /// <summary>Names the tokens <c>receta login</c> creates: "receta on {host}".</summary>
    public string HostName { get; } = hostName;

    public static CliEnvironment System() =>
        new(Environment.GetEnvironmentVariable, TimeProvider.System, Environment.MachineName);

    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    public string? Variable(string name) => variable(name) is { Length: > 0 } value ? value : null;

    /// <summary><c>$XDG_CONFIG_HOME/receta</c>, by default <c>~/.config/receta</c>: the config file.</summary>
    public string ConfigFolder => Path.Combine(Variable("XDG_CONFIG_HOME") ?? Path.Combine(Home, ".config"), "receta");

    /// <summary><c>$XDG_STATE_HOME/receta</c>, by default <c>~/.local/state/receta</c>: the offline queue and the names cache.</summary>
    public string StateFolder => Path.Combine(Variable("XDG_STATE_HOME") ?? Path.Combine(Home, ".local", "state"), "receta");

    private string Home => Variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
