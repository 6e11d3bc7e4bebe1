using System.Diagnostics;

namespace Receta.Testing;

/// <summary>Runs a program the tests need (PostgreSQL's tools, Spectral) to its end, with nothing on its standard input.</summary>
public static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> and waits for it: its exit code and all it wrote (standard output,
    /// then standard error). A program still running after <paramref name="timeout"/> is killed with its
    /// children, and the exit code is then -1.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{start.FileName}'.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"'{Path.GetFileName(start.FileName)}' timed out after {timeout}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
