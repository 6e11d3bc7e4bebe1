using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Exporting;

/// <summary>
/// A goal's entries, work and habit marks as CSV files (connections.md §2): RFC 4180 (CRLF, quotes
/// doubled), UTF-8, a header row. <c>entries.csv</c> is the <c>entries-csv</c> the import reads.
/// </summary>
public static class GoalCsv
{
    public static void Map(RouteGroupBuilder goal)
    {
        goal.MapGet("/entries.csv", (GoalScope scope, RecetaDbContext db) => Csv(scope, "entries", async (csv, cancellationToken) =>
            {
                await csv.WriteRecordAsync(["date", "value", "note"], cancellationToken);
                await foreach (var entry in db.Entries.Under(scope).OrderBy(e => e.Date).ThenBy(e => e.Sequence)
                    .Select(e => new { e.Date, e.Value, e.Note }).AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    await csv.WriteRecordAsync(
                        [Date(entry.Date),
                         entry.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "",
                         entry.Note ?? ""], cancellationToken);
                }
            }))
            .Requires(GoalAction.Read)
            .Produces<string>(contentType: "text/csv")
            .WithTags("Export")
            .WithName("GetEntriesCsv")
            .WithDescription("The goal's entries as CSV: date,value,note, by date then as made; POST /imports reads it back as entries-csv.");

        goal.MapGet("/work.csv", (GoalScope scope, RecetaDbContext db) => Csv(scope, "work", async (csv, cancellationToken) =>
            {
                var milestones = await db.Milestones.Under(scope).ToDictionaryAsync(m => m.Id, m => m.Title, cancellationToken);
                var skills = await db.Skills.Under(scope).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
                await csv.WriteRecordAsync(["date", "minutes", "note", "milestone", "skill"], cancellationToken);
                await foreach (var work in db.WorkSessions.Under(scope).OrderBy(w => w.Date).ThenBy(w => w.Sequence)
                    .Select(w => new { w.Date, w.Minutes, w.Note, w.MilestoneId, w.SkillId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    await csv.WriteRecordAsync(
                        [Date(work.Date),
                         work.Minutes.ToString(CultureInfo.InvariantCulture),
                         work.Note ?? "",
                         work.MilestoneId is { } m ? milestones.GetValueOrDefault(m, "") : "",
                         work.SkillId is { } s ? skills.GetValueOrDefault(s, "") : ""], cancellationToken);
                }
            }))
            .Requires(GoalAction.Read)
            .Produces<string>(contentType: "text/csv")
            .WithTags("Export")
            .WithName("GetWorkCsv")
            .WithDescription("The goal's work sessions as CSV: date,minutes,note,milestone,skill (titles), by date then as made.");

        goal.MapGet("/checks.csv", (GoalScope scope, RecetaDbContext db) => Csv(scope, "checks", async (csv, cancellationToken) =>
            {
                var habits = await db.Habits.Under(scope).ToDictionaryAsync(h => h.Id, h => h.Title, cancellationToken);
                var checks = await db.HabitChecks.Where(c => c.OwnerId == scope.Goal.OwnerId && c.GoalId == scope.Goal.Id)
                    .Select(c => new { c.HabitId, c.Date, Kind = "check" }).ToListAsync(cancellationToken);
                var skips = await db.HabitSkips.Where(s => s.OwnerId == scope.Goal.OwnerId && s.GoalId == scope.Goal.Id)
                    .Select(s => new { s.HabitId, s.Date, Kind = "skip" }).ToListAsync(cancellationToken);
                await csv.WriteRecordAsync(["habit", "date", "kind"], cancellationToken);
                foreach (var mark in checks.Concat(skips).OrderBy(m => habits.GetValueOrDefault(m.HabitId), StringComparer.Ordinal).ThenBy(m => m.Date))
                {
                    await csv.WriteRecordAsync(
                        [habits.GetValueOrDefault(mark.HabitId, ""),
                         Date(mark.Date),
                         mark.Kind], cancellationToken);
                }
            }))
            .Requires(GoalAction.Read)
            .Produces<string>(contentType: "text/csv")
            .WithTags("Export")
            .WithName("GetChecksCsv")
            .WithDescription("The goal's habit marks as CSV: habit,date,kind (check or skip), by habit then date.");
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CsvResult Csv(GoalScope scope, string name, Func<CsvWriter, CancellationToken, Task> write) => new(scope, name, write);

    private sealed class CsvResult(GoalScope scope, string name, Func<CsvWriter, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "text/csv; charset=utf-8; header=present";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{scope.Goal.Id}.csv\"";
            // CsvHelper's defaults are RFC 4180's: CRLF, quotes doubled, UTF-8 without a byte order mark.
            await using var csv = CsvWriter.Create(http.Response.Body, null, leaveOpen: true);
            await write(csv, http.RequestAborted);
            await csv.FlushAsync(http.RequestAborted);
        }
    }
}
