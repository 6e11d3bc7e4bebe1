using System.CommandLine;

namespace Receta.Cli.Commands;

/// <summary>
/// <c>receta calendar [--rotate | --revoke]</c>: the secret address of the account's calendar feed
/// (connections.md §3). The server shows an address only when it makes one, so a feed that exists is
/// reported with its date; <c>--rotate</c> makes a new address (the old one stops at once).
/// </summary>
public static class CalendarCommand
{
    private const string Path = "/api/v1/calendar";

    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rotate = new Option<bool>("--rotate") { Description = "Make a new address; calendars subscribed to the old one stop updating" };
        var revoke = new Option<bool>("--revoke") { Description = "End the feed: its address stops working" };
        var command = new Command("calendar", "The address that puts your plan in your phone's calendar") { rotate, revoke };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            if (parse.GetValue(rotate) && parse.GetValue(revoke))
            {
                throw new CommandFailedException(ExitCodes.Usage, "--rotate and --revoke do not go together.");
            }
            if (parse.GetValue(revoke))
            {
                await session.SendOrFailAsync(HttpMethod.Delete, Path, cancellationToken: cancellationToken);
                session.Console.Out.WriteLine(session.Texts.CalendarRevoked);
                return ExitCodes.Done;
            }
            if (!parse.GetValue(rotate))
            {
                var (status, body) = await session.GetAsync(Path, CliJsonContext.Default.CalendarFeedResponse, cancellationToken);
                if (status is { Exists: true, CreatedAt: { } since })
                {
                    if (session.Json)
                    {
                        session.WriteJson(body);
                    }
                    else
                    {
                        session.Console.Out.WriteLine(session.Texts.CalendarExists(Dates.Format(DateOnly.FromDateTime(since.UtcDateTime))));
                    }
                    return ExitCodes.Done;
                }
            }
            var made = await session.SendOrFailAsync(HttpMethod.Post, Path, cancellationToken: cancellationToken);
            if (session.Json)
            {
                session.WriteJson(made.Body);
                return ExitCodes.Done;
            }
            var feed = made.Read(CliJsonContext.Default.CreateCalendarFeedResponse);
            session.Console.Out.WriteLine(feed.Url);
            session.Console.Error.WriteLine(session.Texts.CalendarMade(feed.WebcalUrl));
            return ExitCodes.Done;
        }));
        return command;
    }
}
