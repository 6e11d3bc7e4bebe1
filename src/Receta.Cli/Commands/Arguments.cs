using System.CommandLine;
using Receta.Cli.Local;

namespace Receta.Cli.Commands;

/// <summary>The arguments and options several commands share, made one way.</summary>
public static class Arguments
{
    /// <summary>GOAL: an id or a piece of a title; completion offers the titles last seen (no request).</summary>
    public static Argument<string> Goal(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var goal = new Argument<string>("GOAL") { Description = "The goal: its id, or an unambiguous piece of its title" };
        goal.CompletionSources.Add(_ => NameCache.Load(run.Environment).Lists.GetValueOrDefault(Names.GoalsPath)?.Select(g => g.Title) ?? []);
        return goal;
    }

    public static Option<string> Date() => new("--date") { Description = "The day: YYYY-MM-DD, today or yesterday (default: today)" };

    public static Option<string> Note() => new("--note") { Description = "A note to keep with it" };
}
