namespace Receta.Core.Roadmap;

/// <summary>Keeps a goal's milestone dependencies a DAG.</summary>
public static class DependencyGraph
{
    /// <summary>
    /// Whether giving <paramref name="milestoneId"/> the dependencies <paramref name="proposedDependsOn"/>
    /// (replacing its current ones) would make it depend on itself, directly or through others.
    /// </summary>
    /// <param name="dependsOnById">The goal's current dependencies by milestone id; the milestone itself may be absent (a new one).</param>
    /// <param name="milestoneId">The milestone being changed.</param>
    /// <param name="proposedDependsOn">Its proposed direct dependencies; ids missing from the graph have no dependencies of their own.</param>
    public static DependencyProblem Check(
        IReadOnlyDictionary<string, IReadOnlyList<string>> dependsOnById, string milestoneId, IReadOnlyCollection<string> proposedDependsOn)
    {
        ArgumentNullException.ThrowIfNull(dependsOnById);
        ArgumentNullException.ThrowIfNull(milestoneId);
        ArgumentNullException.ThrowIfNull(proposedDependsOn);
        if (proposedDependsOn.Contains(milestoneId, StringComparer.Ordinal))
        {
            return DependencyProblem.SelfDependency;
        }
        // A cycle through the milestone is a path from one of its new dependencies back to it.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(proposedDependsOn);
        while (pending.TryPop(out var id))
        {
            if (string.Equals(id, milestoneId, StringComparison.Ordinal))
            {
                return DependencyProblem.Cycle;
            }
            if (!visited.Add(id) || !dependsOnById.TryGetValue(id, out var dependencies))
            {
                continue;
            }
            foreach (var dependency in dependencies)
            {
                pending.Push(dependency);
            }
        }
        return DependencyProblem.None;
    }
}
