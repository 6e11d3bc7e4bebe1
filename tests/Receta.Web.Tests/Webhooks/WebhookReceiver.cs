using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Receta.Web.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on loopback (Kestrel on a free port): it records each POST's path, headers
/// and body (read as UTF-8: the text in a binary body, an OTLP export's, stays readable), and answers
/// with <see cref="Status"/>. Webhooks are sent to <see cref="Url"/>; any other path is taken too.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Received(string Path, IHeaderDictionary Headers, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>What it answers; 204 until a test says otherwise.</summary>
    public int Status { get; set; } = StatusCodes.Status204NoContent;

    /// <summary>How long it waits before answering; none until a test says otherwise.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>The receiver itself, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            receiver.Requests.Enqueue(new Received(http.Request.Path, new HeaderDictionary(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body));
            if (receiver.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(receiver.Delay, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            http.Response.StatusCode = receiver.Status;
            await http.Response.WriteAsync(receiver.Status >= 300 ? new string('x', 5000) : "", http.RequestAborted);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Address = new Uri(address);
        receiver.Url = new Uri(receiver.Address, "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
