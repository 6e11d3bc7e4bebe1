using Receta.Core.Roadmap;
using Receta.Data.Goals;
using Receta.Web.Features.Perseverance;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Roadmap;

/// <summary>The rules of a milestone's writable fields: read from a stored one, validated and written back.</summary>
public static class MilestoneRules
{
    public static MilestoneFields From(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return new(
            milestone.Title, milestone.DueDate, milestone.EstimateHours, milestone.TargetValue,
            milestone.DependsOn.Select(d => d.ToString()).ToList(), milestone.Status, milestone.CompletedOn,
            milestone.FromAttemptId?.ToString());
    }

    /// <summary>
    /// Validates the fields against the goal's other milestones and writes them onto
    /// <paramref name="milestone"/> when valid. A dependency on an unknown milestone is invalid (400);
    /// on itself or closing a cycle, a conflict (409). <paramref name="attempts"/> are the goal's
    /// attempts, the only ones it may apply the lesson of.
    /// </summary>
    public static Failure? TryApplyTo(
        this MilestoneFields fields, Milestone milestone, IReadOnlyList<Milestone> siblings, IReadOnlySet<Guid> attempts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(siblings);
        var errors = new RequestErrors();
        var title = errors.Title(fields.Title, "title");
        var dueDate = errors.OptionalDate(fields.DueDate, "dueDate");
        var estimate = errors.OptionalNumber(fields.EstimateHours, "estimateHours", 0) ?? 0;
        var targetValue = errors.OptionalNumber(fields.TargetValue, "targetValue");
        var status = fields.Status ?? MilestoneStatus.Todo;
        var completedOn = status == MilestoneStatus.Done ? errors.OptionalDate(fields.CompletedOn, "completedOn") ?? today : (DateOnly?)null;
        var fromAttempt = errors.FromAttempt(fields.FromAttemptId, attempts);

        var dependsOn = new List<Guid>();
        var requested = fields.DependsOn ?? [];
        if (requested.Count > ApiLimits.MaxDependencies)
        {
            errors.Add("dependsOn", $"A milestone depends on at most {ApiLimits.MaxDependencies} others.");
            requested = [];
        }
        foreach (var raw in requested)
        {
            if (Guid.TryParse(raw, out var id) && (id == milestone.Id || siblings.Any(s => s.Id == id)))
            {
                if (!dependsOn.Contains(id))
                {
                    dependsOn.Add(id);
                }
            }
            else
            {
                errors.Add("dependsOn", $"'{raw}' is not a milestone of this goal.");
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var graph = siblings.Where(s => s.Id != milestone.Id)
            .ToDictionary(s => s.Id.ToString(), s => (IReadOnlyList<string>)s.DependsOn.Select(d => d.ToString()).ToList());
        var problem = DependencyGraph.Check(graph, milestone.Id.ToString(), dependsOn.Select(d => d.ToString()).ToList());
        if (problem != DependencyProblem.None)
        {
            return Failure.Conflict(problem == DependencyProblem.SelfDependency
                ? "A milestone cannot depend on itself."
                : "These dependencies would make a cycle: a milestone would (indirectly) depend on itself.");
        }

        milestone.Title = title;
        milestone.DueDate = dueDate;
        milestone.EstimateHours = estimate;
        milestone.TargetValue = targetValue;
        milestone.DependsOn = dependsOn;
        milestone.Status = status;
        milestone.CompletedOn = completedOn;
        milestone.FromAttemptId = fromAttempt;
        return null;
    }
}
