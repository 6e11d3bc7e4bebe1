using Receta.Data.Importing;

namespace Receta.Web.Features.Importing;

internal static class ImportResponses
{
    public static ImportResponse From(ImportJob job, ImportProgress? live)
    {
        ArgumentNullException.ThrowIfNull(job);
        var created = job.Created;
        return new ImportResponse(
            job.Id,
            job.Format,
            job.Status.ToString().ToLowerInvariant(),
            job.DryRun,
            job.GoalId,
            job.FileName,
            live ?? new ImportProgress(job.Done, job.Total),
            new ImportCreated(created.Goals, created.Habits, created.Checks, created.Skips, created.Entries, created.Milestones,
                created.WorkSessions, created.Attempts, created.Skills, created.Breaks),
            new ImportSkipped(job.Duplicates, job.Ignored),
            job.Warnings,
            [.. job.Errors.Select(error => new ImportProblem(error.Where, error.Message))],
            job.CreatedAt,
            job.FinishedAt);
    }
}
