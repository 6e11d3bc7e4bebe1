using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Importing;

/// <summary>Uploads a file to <c>POST /api/v1/imports</c> and waits for the import to end, as a client would.</summary>
internal static class ImportApi
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static MultipartFormDataContent Form(byte[] file, string fileName, string? format = null, string? goalId = null, bool? dryRun = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }
        if (goalId is not null)
        {
            form.Add(new StringContent(goalId), "goalId");
        }
        if (dryRun is { } dry)
        {
            form.Add(new StringContent(dry ? "true" : "false"), "dryRun");
        }
        return form;
    }

    /// <summary>Starts an import (202 expected) and polls it until it has succeeded or failed; <paramref name="language"/> is the request's Accept-Language.</summary>
    public static async Task<JsonElement> ImportAsync(
        TestUser user, byte[] file, string fileName, string? format = null, string? goalId = null, bool? dryRun = null, string? language = null)
    {
        using var form = Form(file, fileName, format, goalId, dryRun);
        using var response = await PostAsync(user, form, language);
        await response.AssertStatusAsync(HttpStatusCode.Accepted);
        var location = response.Headers.Location?.OriginalString ?? throw new TestAssertionException("202 without a Location.");
        return await WaitAsync(user, location);
    }

    /// <summary><c>POST /api/v1/imports</c>, asking for <paramref name="language"/> (Accept-Language) when given.</summary>
    public static async Task<HttpResponseMessage> PostAsync(TestUser user, MultipartFormDataContent form, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = form };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        return await user.Api.SendAsync(request, Cancellation);
    }

    public static async Task<JsonElement> WaitAsync(TestUser user, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var poll = await user.Api.GetAsync(location, Cancellation);
            await poll.AssertStatusAsync(HttpStatusCode.OK);
            var import = await poll.ReadJsonAsync();
            if (import.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return import;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TestAssertionException($"The import did not end within a minute: {import}");
            }
            await Task.Delay(50, Cancellation);
        }
    }

    public static long Created(JsonElement import, string kind) => import.GetProperty("created").GetProperty(kind).GetInt64();

    public static long Skipped(JsonElement import, string kind) => import.GetProperty("skipped").GetProperty(kind).GetInt64();

    public static List<string> Warnings(JsonElement import) =>
        [.. import.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];

    public static List<(string Where, string Message)> Errors(JsonElement import) =>
        [.. import.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("where").GetString()!, e.GetProperty("message").GetString()!))];

    public static void AssertSucceeded(JsonElement import)
    {
        if (import.GetProperty("status").GetString() != "succeeded")
        {
            throw new TestAssertionException($"The import did not succeed: {import}");
        }
    }
}
