using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OtpNet;
using Receta.Data;
using Receta.Testing;

namespace Receta.Web.Tests.Security;

/// <summary>
/// A whole account's life (sign-up, tokens, two-factor, the calendar feed's address, a browser session, a password change) with
/// every log line of the app kept, down to Trace: no password, token, cookie, key or code appears in
/// any of them, nor in the account's audit events.
/// </summary>
public abstract class NoSecretsInLogsTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccountLifecycle_EveryLogLineAndAuditEvent_HoldsNoSecret()
    {
        await using var own = new LoggedApp(app);
        await own.InitializeAsync();
        var secrets = new List<string>();

        var user = await own.CreateUserAsync();
        secrets.AddRange([user.Password, user.Token.Secret]);
        using var client = own.CreateApiClient();
        var wrongPassword = OwnApp.StrongPassword();
        secrets.Add(wrongPassword);
        using var failed = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = wrongPassword, name = "guess" });
        await failed.AssertStatusAsync(HttpStatusCode.Unauthorized);

        using var started = await user.Api.PostJsonAsync("/api/v1/me/2fa", new { password = user.Password });
        await started.AssertStatusAsync(HttpStatusCode.OK);
        var key = (await started.ReadJsonAsync()).GetProperty("key").GetString()!;
        var confirmCode = Code(own, key, 0);
        var signInCode = Code(own, key, 1);
        secrets.AddRange([key, confirmCode, signInCode]);
        using var confirmed = await user.Api.PostJsonAsync("/api/v1/me/2fa/confirm", new { code = confirmCode });
        await confirmed.AssertStatusAsync(HttpStatusCode.OK);
        var recoveryCodes = (await confirmed.ReadJsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        secrets.AddRange(recoveryCodes);
        secrets.AddRange(recoveryCodes.Select(c => c.Replace("-", "", StringComparison.Ordinal)));

        using var withCode = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "phone", code = signInCode });
        await withCode.AssertStatusAsync(HttpStatusCode.Created);
        secrets.Add((await withCode.ReadJsonAsync()).GetProperty("token").GetString()!);
        using var withRecovery = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = user.Email, password = user.Password, name = "laptop", recoveryCode = recoveryCodes[0] });
        await withRecovery.AssertStatusAsync(HttpStatusCode.Created);
        secrets.Add((await withRecovery.ReadJsonAsync()).GetProperty("token").GetString()!);
        using var calendar = await user.Api.PostAsync("/api/v1/calendar", null, Cancellation);
        await calendar.AssertStatusAsync(HttpStatusCode.Created);
        var feedUrl = (await calendar.ReadJsonAsync()).GetProperty("url").GetString()!;
        secrets.Add(feedUrl[(feedUrl.LastIndexOf('/') + 1)..^".ics".Length]);

        using var browser = new Browser(own);
        await browser.SignInAsync(user.Email, user.Password, recoveryCode: recoveryCodes[1]);
        secrets.AddRange([browser.Cookies[Browser.SessionCookie], browser.CsrfToken!]);
        var newPassword = OwnApp.StrongPassword();
        secrets.Add(newPassword);
        using var changed = await browser.PostAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword });
        await changed.AssertStatusAsync(HttpStatusCode.NoContent);
        using var disabled = await browser.DeleteAsync("/api/v1/me/2fa", new { password = newPassword });
        await disabled.AssertStatusAsync(HttpStatusCode.NoContent);

        var lines = own.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        var audit = await AuditTextAsync(own, Guid.Parse(user.Id));
        Assert.Contains(audit, a => a.Contains("recoveryCodeUsed", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            var pattern = new Regex($"(?<![0-9A-Za-z]){Regex.Escape(secret)}(?![0-9A-Za-z])");
            var inLog = lines.FirstOrDefault(pattern.IsMatch);
            Assert.True(inLog is null, $"A secret appears in a log line: {inLog}");
            var inAudit = audit.FirstOrDefault(pattern.IsMatch);
            Assert.True(inAudit is null, $"A secret appears in an audit event: {inAudit}");
        }
    }

    private static string Code(RecetaApp own, string key, int steps) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(own.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    private static async Task<List<string>> AuditTextAsync(RecetaApp own, Guid userId)
    {
        await using var scope = own.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.UserId == userId)
            .Select(e => e.Action + " " + e.Detail + " " + e.IpAddress)
            .ToListAsync(Cancellation);
    }

    /// <summary>The app with one more logger, that keeps every line at every level.</summary>
    private sealed class LoggedApp(RecetaApp shared) : RecetaApp(shared.Provider, server: shared.Postgres)
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(new KeepingLoggerProvider(Lines));
                logging.AddFilter<KeepingLoggerProvider>(null, LogLevel.Trace);
            });
        }
    }

    private sealed class KeepingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new KeepingLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class KeepingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"[scope] {category}: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"[{logLevel}] {category}: {formatter(state, exception)} {{{values}}}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}

public sealed class NoSecretsInLogsTests_Sqlite(SqliteApp app) : NoSecretsInLogsTests(app);

public sealed class NoSecretsInLogsTests_Postgres(PostgresApp app) : NoSecretsInLogsTests(app);
