using Receta.Data;
using Receta.Web.Components;
using Receta.Web.Features.Accounts;
using Receta.Web.Features.Audit;
using Receta.Web.Features.Calendar;
using Receta.Web.Features.Circle;
using Receta.Web.Features.Dashboard;
using Receta.Web.Features.Demo;
using Receta.Web.Features.Exporting;
using Receta.Web.Features.Goals;
using Receta.Web.Features.Health;
using Receta.Web.Features.Importing;
using Receta.Web.Features.Nudges;
using Receta.Web.Features.Webhooks;
using Receta.Web.Infrastructure;
using Receta.Web.Infrastructure.Backup;
using Receta.Web.Infrastructure.Email;
using Receta.Web.Infrastructure.Idempotency;
using Receta.Web.Infrastructure.Scheduling;
using Receta.Web.Infrastructure.Telemetry;
using Scalar.AspNetCore;

// An operator's command instead of serving: it does its work on the app's database and exits.
if (BackupCommand.IsInvoked(args))
{
    return await BackupCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRecetaDatabase(builder.Configuration);
builder.Services.AddRecetaAccounts();
builder.Services.AddRecetaSecurity(builder.Configuration, builder.Environment);
builder.Services.AddRecetaEmail(builder.Configuration);
builder.Services.AddRecetaApi(builder.WebHost, builder.Environment, builder.Configuration);
builder.Services.AddRecetaIdempotency();
builder.Services.AddRecetaLocalization();
builder.Services.AddRecetaImports();
builder.Services.AddRecetaNudges();
builder.Services.AddRecetaWebhooks(builder.Configuration);
builder.Services.AddRecetaTelemetry(builder.Configuration);
builder.Services.AddRecetaScheduler(builder.Configuration, [MailJob.Schedule, NudgeJob.Schedule, WebhookJob.Schedule]);
builder.Services.AddRazorComponents();
builder.Services.AddRecetaPageCompression();
// Blazor's script and the fingerprinted CSS come from the static web assets manifest; read it in
// every environment (not just Development), so tests and `dotnet run` serve them. A published app has none.
builder.WebHost.UseStaticWebAssets();

var app = builder.Build();

// Nodes starting at once on one PostgreSQL take turns: each migrates and seeds alone.
await using (await app.Services.LockDatabaseForStartupAsync())
{
    await app.Services.MigrateDatabaseAsync();
    await app.Services.SeedDemoAsync(app.Configuration);
}

app.UseTrustedProxies();
// A hot read answered under the same change stamp as before needs none of what follows, not even
// the security headers: it is sent with those of its first answer (docs/adr/0013).
app.UseStampedResponses();
app.UseSecurityHeaders();
app.UsePrometheusScraping();
app.UseRouting();
app.UseRecetaPageCompression();
app.UseStatusCodePages();
app.UseWebErrorPages();
// Inside the error pages: an exception answered with a status alone (a page request the database
// could not serve) is turned into the error page on its way out.
app.UseExceptionHandler();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<CookieAntiforgeryMiddleware>();
app.UseAntiforgery();
app.UseRecetaLocalization();
app.UseMiddleware<WriteScopeMiddleware>();
// After authentication (a key belongs to an account), outside the retries of a lost race (they run under one key).
app.UseMiddleware<IdempotencyMiddleware>();
app.UseMiddleware<ConflictRetryMiddleware>();
app.UseMiddleware<GoalAccessMiddleware>();
app.UseKeepingStampedResponses();

app.MapStaticAssets();
app.MapHealth();
app.MapOpenApi();
// The API reference loads nothing from other origins (the CSP would refuse it): no web fonts.
app.MapScalarApiReference(options => options.DisableDefaultFonts());

var api = app.MapGroup("/api/v1").RequireAuthorization().DeclaresApiAnswers();
api.MapAccounts();
api.MapAudit();
api.MapGoals();
api.MapDashboard();
api.MapInvitations();
api.MapImports();
api.MapExport();
api.MapCalendar();
api.MapNudges();
api.MapWebhooks();

// Read by calendar apps, with no other credentials than its secret address.
app.MapCalendarFeed();
// A nudge email's buttons: the signed link is their only credential.
app.MapNudgeLinks();

// The web pages: static server rendering with plain form posts, calling the same handlers as the API.
app.MapCulture();
app.MapRazorComponents<App>();

await app.RunAsync();
return 0;

/// <summary>The web host; public so that tests can start it.</summary>
public partial class Program;
