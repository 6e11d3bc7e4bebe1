using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Infrastructure;

/// <summary>
/// The app's own OpenAPI document passes Spectral with the repository's ruleset (<c>.spectral.yaml</c>:
/// Spectral's OpenAPI rules and the OWASP API Security ruleset): no error and no warning. Spectral
/// is the one that <c>./test.sh</c> installs in <c>tools/spectral</c>, pinned by its package-lock.json.
/// The document does not depend on the database, so this runs on SQLite only.
/// </summary>
public sealed class OpenApiLintTests(SqliteApp app)
{
    /// <summary>Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.</summary>
    private const int WarningSeverity = 1;
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task OpenApiDocument_LintedBySpectral_HasNoErrorsOrWarnings()
    {
        var root = RepositoryRoot();
        var tools = Path.Combine(root, "tools", "spectral", "node_modules");
        var spectral = Path.Combine(tools, ".bin", "spectral");
        Assert.True(File.Exists(spectral),
            $"Spectral is not installed ({Path.GetRelativePath(root, spectral)} is missing): run ./test.sh, which installs it (npm ci in tools/spectral).");
        using var client = app.CreateApiClient();
        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.OK);

        var folder = Directory.CreateTempSubdirectory("receta-openapi-lint-").FullName;
        try
        {
            var document = Path.Combine(folder, "openapi.json");
            var results = Path.Combine(folder, "spectral.json");
            // The ruleset's overrides name parts of the document by a path relative to the ruleset: lint them side by side.
            var ruleset = Path.Combine(folder, ".spectral.yaml");
            File.Copy(Path.Combine(root, ".spectral.yaml"), ruleset);
            await File.WriteAllTextAsync(document, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
                TestContext.Current.CancellationToken);

            var (exitCode, output) = await RunAsync(spectral, root, tools,
                ["lint", document, "--ruleset", ruleset, "-f", "json", "-o", results]);

            // Spectral exits 1 when it found errors, 2 when it could not lint at all (-1: it was killed).
            Assert.True(exitCode is 0 or 1 && File.Exists(results), $"Spectral did not run (exit code {exitCode}):\n{output}");
            using var lint = JsonDocument.Parse(await File.ReadAllTextAsync(results, TestContext.Current.CancellationToken));
            var errors = lint.RootElement.EnumerateArray()
                .Where(result => result.GetProperty("severity").GetInt32() <= WarningSeverity)
                .Select(Describe)
                .ToList();
            Assert.True(errors.Count == 0,
                $"Spectral found {errors.Count} error(s) or warning(s) in /openapi/v1.json (ruleset .spectral.yaml; a rule that does not apply is turned off there, with the reason):\n{string.Join('\n', errors)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>"rule-code at paths./api/v1/goals.get.responses: message".</summary>
    private static string Describe(JsonElement result)
    {
        var path = string.Join('.', result.GetProperty("path").EnumerateArray().Select(segment => segment.ToString()));
        return $"{result.GetProperty("code")} at {path}: {result.GetProperty("message").GetString()}";
    }

    /// <summary>The folder holding Receta.slnx, above the test assembly's.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Receta.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Receta.slnx above {AppContext.BaseDirectory}: the tests run from inside the repository.");
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string file, string workingDirectory, string nodeModules, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo
        {
            FileName = file,
            WorkingDirectory = workingDirectory,
            // The ruleset extends "@stoplight/spectral-owasp-ruleset" by package name: Spectral looks it
            // up from the ruleset's folder (the repository root), and finds it through NODE_PATH.
            Environment = { ["NODE_PATH"] = nodeModules },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return ChildProcess.RunAsync(start, LintTimeout);
    }
}
