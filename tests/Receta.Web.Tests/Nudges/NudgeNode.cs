using Microsoft.Extensions.DependencyInjection;
using Receta.Testing;
using Receta.Web.Features.Nudges;
using Receta.Web.Infrastructure.Email;

namespace Receta.Web.Tests.Nudges;

/// <summary>One app (a node) with its own SMTP server and clock, on a database of the suite's provider, for tests that move the clock.</summary>
public sealed class NudgeNode(RecetaApp app, SmtpInbox inbox) : IAsyncDisposable
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public RecetaApp App => app;

    public SmtpInbox Inbox => inbox;

    /// <summary>A node on a new database of <paramref name="shared"/>'s provider, or on <paramref name="sameDatabaseAs"/>'s.</summary>
    public static async Task<NudgeNode> StartAsync(RecetaApp shared, NudgeNode? sameDatabaseAs = null)
    {
        ArgumentNullException.ThrowIfNull(shared);
        var inbox = SmtpInbox.Start();
        var app = new RecetaApp(shared.Provider, server: shared.Postgres)
        {
            Settings = inbox.AppSettings,
            SameDatabaseAs = sameDatabaseAs?.App,
        };
        await app.InitializeAsync();
        return new NudgeNode(app, inbox);
    }

    /// <summary>Sets the clock and runs what the scheduler's nudge and mail jobs run.</summary>
    public async Task RunAtAsync(string instant)
    {
        app.Clock.SetUtcNow(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        await RunAsync();
    }

    public async Task RunAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(Cancellation);
        await scope.ServiceProvider.GetRequiredService<RiskSweep>().RunAsync(Cancellation);
        await scope.ServiceProvider.GetRequiredService<DigestSweep>().RunAsync(Cancellation);
        await scope.ServiceProvider.GetRequiredService<CircleNewsSweep>().RunAsync(Cancellation);
        await scope.ServiceProvider.GetRequiredService<OutboxMailer>().SendDueAsync(Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        var database = app.SameDatabaseAs is null ? app.DatabaseName : null;
        await app.DisposeAsync();
        if (database is not null && app.Postgres is { } postgres)
        {
            await postgres.DropDatabaseAsync(database);
        }
        await inbox.DisposeAsync();
    }
}
