using System.Net;
using System.Net.Sockets;
using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary>What one run of <c>receta</c> printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}

/// <summary>
/// Runs the real command line in-process (<see cref="CliApp.RunAsync"/>) with its own HOME,
/// XDG_CONFIG_HOME and XDG_STATE_HOME in a temporary folder, the app's clock, and the environment
/// variables a test sets. Output is not a terminal (no colour) unless <see cref="Terminal"/>.
/// </summary>
public sealed class CliHarness : IDisposable
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);

    public CliHarness(RecetaApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        App = app;
        Folder = Path.Combine(Path.GetTempPath(), $"receta-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        this["HOME"] = Folder;
        this["XDG_CONFIG_HOME"] = Path.Combine(Folder, "config");
        this["XDG_STATE_HOME"] = Path.Combine(Folder, "state");
        this["LANG"] = "en_US.UTF-8";
    }

    public RecetaApp App { get; }

    /// <summary>Whether the output stands for a terminal (false by default, as in a pipe).</summary>
    public bool Terminal { get; set; }
    public string Folder { get; }

    public string ConfigPath => Path.Combine(Folder, "config", "receta", "config.json");
    /// <summary>The config file's permissions (the command line runs on Unix-like systems here).</summary>
    public UnixFileMode ConfigFileMode =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(ConfigPath);

    public string QueueFolder => Path.Combine(Folder, "state", "receta", "queue");

    public string? this[string name]
    {
        get => _variables.GetValueOrDefault(name);
        set => _variables[name] = value;
    }

    /// <summary>Signs the command line in through the environment (RECETA_SERVER, RECETA_TOKEN).</summary>
    public CliHarness As(TestUser user, Uri? server = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        this["RECETA_SERVER"] = (server ?? App.ServerAddress).ToString();
        this["RECETA_TOKEN"] = user.Token.Secret;
        return this;
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var console = new CliConsole(reader, output, error, outputIsTerminal: Terminal);
        var environment = new CliEnvironment(name => _variables.GetValueOrDefault(name), App.Clock, "test-host");
        var exit = await CliApp.RunAsync(args, console, environment, TestContext.Current.CancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>An address where nothing listens: a port just closed.</summary>
    public static Uri DeadServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
