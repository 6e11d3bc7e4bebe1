using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Features.Nudges;
using Receta.Web.Infrastructure.Email;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Nudges;

/// <summary>
/// The real scheduler in the app (Quartz.NET over the app's database): it starts on the migrated
/// schema, keeps its jobs in the database (clustered on PostgreSQL), and its jobs, fired by it, send
/// a due reminder over SMTP.
/// </summary>
public abstract class SchedulerTests(RecetaApp shared)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scheduler_InTheApp_RunsItsJobsFromTheDatabase_AndTheyDeliverAReminder()
    {
        await using var inbox = SmtpInbox.Start();
        await using var app = new RecetaApp(shared.Provider, server: shared.Postgres) { Scheduler = true, Settings = inbox.AppSettings };
        await app.InitializeAsync();
        var user = await app.CreateUserAsync("America/Los_Angeles");
        var goal = Id(await CreateGoalAsync(user, new { title = "Meditate" }));
        await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Sit", times = 1, perDays = 1, reminders = new[] { new { time = "07:30" } } });
        app.Clock.SetUtcNow(DateTimeOffset.Parse("2025-03-01T15:31:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Cancellation);

        var metadata = await scheduler.GetMetadata(Cancellation);
        Assert.Equal(SchedulerStatus.Running, metadata.Status);
        Assert.True(metadata.JobStorePersistent);
        Assert.Equal(shared.Provider == DatabaseProvider.Postgres, metadata.JobStoreClustered);
        Assert.True(await scheduler.Exists(NudgeJob.Schedule.Key, Cancellation));
        Assert.True(await scheduler.Exists(MailJob.Schedule.Key, Cancellation));
        Assert.True(await scheduler.Exists(Features.Webhooks.WebhookJob.Schedule.Key, Cancellation));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
            Assert.Equal(3, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM qrtz_JOB_DETAILS").SingleAsync(Cancellation));
        }

        await scheduler.TriggerJob(NudgeJob.Schedule.Key, new JobDataMap(), Cancellation);
        await WaitForAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RecetaDbContext>().OutgoingEmails.AnyAsync(Cancellation);
        });
        await scheduler.TriggerJob(MailJob.Schedule.Key, new JobDataMap(), Cancellation);

        var email = Assert.Single(await inbox.WaitForAsync(user.Email));
        Assert.Equal("Reminder: Sit", email.Subject);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The scheduler did not run the job within 30 seconds.");
            await Task.Delay(100, Cancellation);
        }
    }
}

public sealed class SchedulerTests_Sqlite(SqliteApp app) : SchedulerTests(app);

public sealed class SchedulerTests_Postgres(PostgresApp app) : SchedulerTests(app);
