using System.CommandLine;
using System.Net.Http.Headers;
using Receta.Contracts;
using Spectre.Console;

namespace Receta.Cli.Commands;

/// <summary>
/// <c>receta import FILE [--format] [--goal] [--dry-run]</c>: sends another app's file (or a Receta
/// export, or a CSV of entries) to the server and follows the import until it ends, with a progress
/// bar on a terminal. Exit 1 when the server refuses the file or the import fails (its problems printed).
/// </summary>
public static class ImportCommand
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var file = new Argument<FileInfo>("FILE") { Description = "The file: Loop's CSV zip or backup, HabitBull, Beeminder, Taskwarrior, Timewarrior, Habitica, a Receta export, or date,value CSV" };
        var format = new Option<string>("--format") { Description = "The file's format, when the server should not tell it from the content (loop-csv, loop-db, habitbull-csv, beeminder-json, taskwarrior-json, timewarrior-json, habitica-json, receta-json, entries-csv)" };
        var goal = new Option<string>("--goal") { Description = "Put everything into this goal (an id or a piece of its title); needed for entries-csv" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Work out what would come in, and change nothing" };
        var command = new Command("import", "Bring in your history from another app, or a Receta export") { file, format, goal, dryRun };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var source = parse.GetRequiredValue(file);
            if (!source.Exists)
            {
                throw new CommandFailedException(ExitCodes.Usage, $"No such file: {source.FullName}");
            }
            var target = parse.GetValue(goal) is { } named ? await new Names(session).GoalAsync(named, cancellationToken) : null;
            await using var content = source.OpenRead();
            using var form = new MultipartFormDataContent();
            var filePart = new StreamContent(content);
            filePart.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(filePart, "file", source.Name);
            if (parse.GetValue(format) is { } formatName)
            {
                form.Add(new StringContent(formatName), "format");
            }
            if (target is not null)
            {
                form.Add(new StringContent(target.Id.ToString()), "goalId");
            }
            form.Add(new StringContent(parse.GetValue(dryRun) ? "true" : "false"), "dryRun");
            var started = (await session.UploadAsync("/api/v1/imports", form, cancellationToken)).Read(CliJsonContext.Default.ImportResponse);
            var (import, body) = await FollowAsync(session, started, source.Name, cancellationToken);
            if (session.Json)
            {
                session.WriteJson(body);
            }
            else
            {
                Describe(session, import);
            }
            return import.Status == "succeeded" ? ExitCodes.Done : ExitCodes.Refused;
        }));
        return command;
    }

    /// <summary>Polls the import until it has ended; on a terminal a progress bar shows how far it is.</summary>
    private static async Task<(ImportResponse Import, byte[] Body)> FollowAsync(CliSession session, ImportResponse started, string name, CancellationToken cancellationToken)
    {
        var path = $"/api/v1/imports/{started.Id}";
        if (!session.Console.OutputIsTerminal || session.Json)
        {
            while (true)
            {
                var polled = await session.GetAsync(path, CliJsonContext.Default.ImportResponse, cancellationToken);
                if (Ended(polled.Value))
                {
                    return polled;
                }
                await Task.Delay(PollEvery, cancellationToken);
            }
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(session.Console.Error),
            // A progress bar redraws itself in place, which takes ANSI cursor moves even without colour.
            Ansi = AnsiSupport.Yes,
            ColorSystem = session.Colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        (ImportResponse, byte[]) last = default;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(session.Texts.Importing(name)), maxValue: 1);
                while (true)
                {
                    last = await session.GetAsync(path, CliJsonContext.Default.ImportResponse, cancellationToken);
                    var progress = last.Item1.Progress;
                    task.MaxValue = Math.Max(1, progress.Total);
                    task.Value = Math.Min(progress.Done, task.MaxValue);
                    if (Ended(last.Item1))
                    {
                        task.Value = task.MaxValue;
                        return;
                    }
                    await Task.Delay(PollEvery, cancellationToken);
                }
            });
        return last;
    }

    private static bool Ended(ImportResponse import) => import.Status is "succeeded" or "failed";

    private static void Describe(CliSession session, ImportResponse import)
    {
        var texts = session.Texts;
        var output = session.Console.Out;
        if (import.Status != "succeeded")
        {
            output.WriteLine(texts.ImportFailed);
            foreach (var error in import.Errors)
            {
                output.WriteLine($"  {error.Where}: {error.Message}");
            }
            return;
        }
        var c = import.Created;
        var made = new[]
        {
            (c.Goals, "goals"), (c.Habits, "habits"), (c.Checks, "checks"), (c.Skips, "skips"), (c.Entries, "entries"),
            (c.Milestones, "milestones"), (c.WorkSessions, "workSessions"), (c.Attempts, "attempts"), (c.Skills, "skills"), (c.Breaks, "breaks"),
        }.Where(kind => kind.Item1 > 0).Select(kind => texts.Made(kind.Item1, kind.Item2)).ToList();
        var summary = made.Count == 0 ? texts.NothingNew : string.Join(", ", made);
        output.WriteLine(import.DryRun ? texts.WouldImport(summary) : texts.Imported(summary));
        if (import.Skipped.Duplicates + import.Skipped.Ignored > 0)
        {
            output.WriteLine(texts.ImportSkipped(import.Skipped.Duplicates, import.Skipped.Ignored));
        }
        foreach (var warning in import.Warnings)
        {
            output.WriteLine($"  ! {warning}");
        }
    }
}
