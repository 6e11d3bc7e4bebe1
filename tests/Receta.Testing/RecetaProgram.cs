using System.Diagnostics;

namespace Receta.Testing;

/// <summary>
/// The built web host run as a program of its own (<c>dotnet Receta.Web.dll ARGS</c>), as an operator
/// runs it: for its commands (<c>backup</c>) and for what it writes on its console. Environment
/// <c>Testing</c>; no OpenTelemetry endpoint of the machine's reaches it.
/// </summary>
public static class RecetaProgram
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // The SDK names the host it runs under; a test started without it finds dotnet on the PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var inherited in start.Environment.Keys.Where(key => key.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        return start;
    }

    /// <summary>Runs the program to its end: its exit code and all it wrote (standard output, then standard error).</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params IEnumerable<string> args) =>
        ChildProcess.RunAsync(StartInfo(workingDirectory, args), CommandTimeout);
}
