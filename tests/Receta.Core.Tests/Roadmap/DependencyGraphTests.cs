using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Receta.Core.Roadmap;

namespace Receta.Core.Tests.Roadmap;

public sealed class DependencyGraphTests
{
    private static Dictionary<string, IReadOnlyList<string>> Graph(params (string Id, string[] DependsOn)[] milestones) =>
        milestones.ToDictionary(m => m.Id, m => (IReadOnlyList<string>)m.DependsOn);

    [Fact]
    public void Check_DependingOnItself_SelfDependency() =>
        Assert.Equal(DependencyProblem.SelfDependency, DependencyGraph.Check(Graph(("A", [])), "A", ["A"]));

    [Fact]
    public void Check_ClosingATwoCycle_Cycle() =>
        Assert.Equal(DependencyProblem.Cycle, DependencyGraph.Check(Graph(("A", ["B"]), ("B", [])), "B", ["A"]));

    [Fact]
    public void Check_ClosingALongCycle_Cycle() =>
        Assert.Equal(DependencyProblem.Cycle,
            DependencyGraph.Check(Graph(("A", ["B"]), ("B", ["C"]), ("C", []), ("D", [])), "C", ["D", "A"]));

    [Fact]
    public void Check_DiamondWithoutCycle_None() =>
        Assert.Equal(DependencyProblem.None,
            DependencyGraph.Check(Graph(("A", ["B", "C"]), ("B", ["D"]), ("C", ["D"]), ("D", [])), "A", ["B", "C", "D"]));

    [Fact]
    public void Check_NewMilestoneDependingOnExisting_None() =>
        Assert.Equal(DependencyProblem.None, DependencyGraph.Check(Graph(("A", ["B"]), ("B", [])), "new", ["A", "B"]));

    [Fact]
    public void Check_ReplacingTheOnlyEdgeOfACycleCandidate_None()
    {
        // B depends on A today; making A depend on B is a cycle, but not once B depends on nothing.
        var graph = Graph(("A", []), ("B", ["A"]));

        Assert.Equal(DependencyProblem.Cycle, DependencyGraph.Check(graph, "A", ["B"]));
        Assert.Equal(DependencyProblem.None, DependencyGraph.Check(graph, "B", []));
        Assert.Equal(DependencyProblem.None, DependencyGraph.Check(Graph(("A", []), ("B", [])), "A", ["B"]));
    }

    [Fact]
    public void Check_CurrentEdgesOfTheMilestone_AreReplacedNotKept()
    {
        // A depends on B now: A may switch to C, and B may not depend on A.
        var graph = Graph(("A", ["B"]), ("B", []), ("C", []));

        Assert.Equal(DependencyProblem.None, DependencyGraph.Check(graph, "A", ["C"]));
        Assert.Equal(DependencyProblem.Cycle, DependencyGraph.Check(graph, "B", ["A"]));
    }

    [Property(MaxTest = 300)]
    public Property Check_RandomChanges_AcceptsExactlyThoseKeepingADag() =>
        Prop.ForAll(Changes().ToArbitrary(), changes =>
        {
            var graph = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var (id, proposed) in changes)
            {
                var before = Snapshot(graph);
                var problem = DependencyGraph.Check(graph, id, proposed);
                Assert.Equal(before, Snapshot(graph));

                var candidate = new Dictionary<string, IReadOnlyList<string>>(graph) { [id] = proposed };
                var expected = proposed.Contains(id) ? DependencyProblem.SelfDependency
                    : IsAcyclic(candidate) ? DependencyProblem.None
                    : DependencyProblem.Cycle;
                Assert.Equal(expected, problem);
                if (problem == DependencyProblem.None)
                {
                    graph = candidate;
                }
                Assert.True(IsAcyclic(graph));
            }
        });

    private static Gen<(string Id, string[] DependsOn)[]> Changes()
    {
        var ids = Enumerable.Range(0, 7).Select(i => ((char)('A' + i)).ToString()).ToArray();
        var change = Gen.Elements(ids).SelectMany(id => Gen.SubListOf(ids).Select(deps => (id, deps.ToArray())));
        return Gen.ArrayOf(change, 25);
    }

    private static string Snapshot(Dictionary<string, IReadOnlyList<string>> graph) =>
        string.Join(";", graph.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + ":" + string.Join(",", g.Value)));

    // Kahn's algorithm: every node can be removed exactly when there is no cycle.
    private static bool IsAcyclic(Dictionary<string, IReadOnlyList<string>> graph)
    {
        var nodes = graph.Keys.Concat(graph.Values.SelectMany(v => v)).ToHashSet();
        var remaining = nodes.ToDictionary(n => n, n => graph.TryGetValue(n, out var deps) ? deps.Distinct().Count() : 0);
        var removed = 0;
        var free = new Queue<string>(remaining.Where(r => r.Value == 0).Select(r => r.Key));
        while (free.TryDequeue(out var node))
        {
            removed++;
            foreach (var (other, deps) in graph)
            {
                if (deps.Distinct().Contains(node) && --remaining[other] == 0)
                {
                    free.Enqueue(other);
                }
            }
        }
        return removed == nodes.Count;
    }
}
