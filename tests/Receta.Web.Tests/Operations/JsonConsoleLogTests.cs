using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Operations;

/// <summary>
/// <c>Logging:Console:FormatterName=json</c> (ASP.NET Core's own JSON console formatter): the host,
/// run as a program of its own, writes one JSON object per line, and starts and serves as usual.
/// </summary>
public sealed class JsonConsoleLogTests : IDisposable
{
    private static readonly TimeSpan StartWait = TimeSpan.FromMinutes(1);

    private readonly string _folder = Directory.CreateTempSubdirectory("receta-json-logs-").FullName;

    [Fact]
    public async Task Start_JsonFormatter_WritesOneJsonObjectALineAndServes()
    {
        var start = RecetaProgram.StartInfo(_folder,
        [
            "--urls", "http://127.0.0.1:0", "--Logging:Console:FormatterName", "json",
            "--ConnectionStrings:Receta", $"Data Source={Path.Combine(_folder, "receta.db")}", "--Receta:Demo", "false", "--Scheduler:Enabled", "false",
        ]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var host = Process.Start(start)!;
        try
        {
            var lines = await ReadUntilListeningAsync(host);
            // Keep reading what it writes next, so that a full pipe never blocks its logger.
            _ = host.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);

            var entries = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
            Assert.All(entries, entry =>
            {
                Assert.True(entry.TryGetProperty("LogLevel", out _), entry.ToString());
                Assert.True(entry.TryGetProperty("Category", out _), entry.ToString());
                Assert.True(entry.TryGetProperty("Message", out _), entry.ToString());
            });
            Assert.Contains(entries, entry => entry.GetProperty("LogLevel").GetString() == "Warning"
                && entry.GetProperty("Category").GetString() == "Receta.Web.Infrastructure.UnencryptedKeysWarning");
            var listening = entries.Last().GetProperty("State").GetProperty("address").GetString()!;
            using var client = new HttpClient { BaseAddress = new Uri(listening) };
            using var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
            await health.AssertStatusAsync(HttpStatusCode.OK);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Every line the host writes until it says where it listens (that line last).</summary>
    private static async Task<List<string>> ReadUntilListeningAsync(Process host)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(StartWait);
        var lines = new List<string>();
        while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (line.Contains("Now listening on", StringComparison.Ordinal))
            {
                return lines;
            }
        }
        throw new TestAssertionException(
            $"The host ended (exit code {host.ExitCode}) without listening:\n{string.Join('\n', lines)}\n{await host.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
