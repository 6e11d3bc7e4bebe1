using System.CommandLine;
using Receta.Cli.Output;
using Receta.Contracts;

namespace Receta.Cli.Commands;

/// <summary>
/// <c>receta webhooks</c> lists the account's webhooks (connections.md §5); <c>receta webhooks add URL
/// --events a,b [--goal GOAL]</c> makes one and prints its signing secret, which the server shows only
/// then; <c>receta webhooks remove ID</c> removes one.
/// </summary>
public static class WebhooksCommand
{
    private const string Path = "/api/v1/webhooks";

    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command("webhooks", "List the addresses that receive your goals' events") { Add(run), Remove(run) };
        command.SetAction(run.Action(async (session, _, cancellationToken) =>
        {
            var (page, body) = await session.GetAsync($"{Path}?limit=1000", CliJsonContext.Default.PageWebhookResponse, cancellationToken);
            if (session.Json)
            {
                session.WriteJson(body);
                return ExitCodes.Done;
            }
            var texts = session.Texts;
            if (page.Items.Count == 0)
            {
                session.Console.Out.WriteLine(texts.NoWebhooks);
                return ExitCodes.Done;
            }
            var table = new Table(texts.ColumnId, texts.ColumnUrl, texts.ColumnEvents, texts.ColumnState);
            foreach (var webhook in page.Items)
            {
                table.Add(
                    webhook.Id.ToString(),
                    webhook.Url,
                    string.Join(',', webhook.Events),
                    webhook.DisabledAt is { } off ? texts.WebhookDisabled(Dates.Format(DateOnly.FromDateTime(off.UtcDateTime))) : texts.WebhookOn);
            }
            table.Write(session.Console.Out, session.Colour);
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Add(CliRun run)
    {
        var url = new Argument<string>("URL") { Description = "The https address that receives the events" };
        var events = new Option<string>("--events")
        {
            Description = "The events to send, separated by commas: entry.created, entry.deleted, work.logged, habit.checked, habit.skipped, milestone.completed, attempt.recorded, goal.achieved, goal.statusChanged, cheer.received",
            Required = true,
        };
        var goal = new Option<string>("--goal") { Description = "Only this goal's events (an id or a piece of its title)" };
        var command = new Command("add", "Make a webhook; its signing secret is printed this once") { url, events, goal };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var types = parse.GetRequiredValue(events).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Guid? goalId = null;
            if (parse.GetValue(goal) is { } named)
            {
                goalId = Guid.Parse((await new Names(session).GoalAsync(named, cancellationToken)).Id);
            }
            // A bad address or event is the server's 400, reported as it says.
            var answer = await session.CreateAsync(Path, new CreateWebhookRequest(parse.GetRequiredValue(url), types, goalId),
                CliJsonContext.Default.CreateWebhookRequest, queueWhenUnreachable: false, cancellationToken);
            if (session.Json)
            {
                session.WriteJson(answer!.Body);
                return ExitCodes.Done;
            }
            var made = answer!.Read(CliJsonContext.Default.CreatedWebhookResponse);
            session.Console.Out.WriteLine(made.Secret);
            session.Console.Error.WriteLine(session.Texts.WebhookAdded(made.Id.ToString()));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static Command Remove(CliRun run)
    {
        var id = new Argument<string>("ID") { Description = "The webhook's id, as 'receta webhooks' lists it" };
        var command = new Command("remove", "Remove a webhook: nothing more is sent to it") { id };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            await session.SendOrFailAsync(HttpMethod.Delete, $"{Path}/{Uri.EscapeDataString(parse.GetRequiredValue(id))}", cancellationToken: cancellationToken);
            session.Console.Out.WriteLine(session.Texts.WebhookRemoved);
            return ExitCodes.Done;
        }));
        return command;
    }
}
