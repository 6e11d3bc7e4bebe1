using Quartz;
using Receta.Web.Infrastructure.Scheduling;

namespace Receta.Web.Features.Nudges;

/// <summary>The scheduler's nudge job: every minute, on one node at a time, what fell due.</summary>
public sealed class NudgeJob(ReminderSweep reminders, RiskSweep risks, DigestSweep digests, CircleNewsSweep news) : IJob
{
    public static readonly RecurringJob Schedule = RecurringJob.Of<NudgeJob>("nudges", TimeSpan.FromMinutes(1));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await reminders.RunAsync(cancellationToken);
        await risks.RunAsync(cancellationToken);
        await digests.RunAsync(cancellationToken);
        await news.RunAsync(cancellationToken);
    }
}
