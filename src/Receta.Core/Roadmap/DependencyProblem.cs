namespace Receta.Core.Roadmap;

/// <summary>Why a change to a milestone's dependencies must be refused, if it must.</summary>
public enum DependencyProblem
{
    /// <summary>The dependencies still form a DAG.</summary>
    None,

    /// <summary>The milestone would depend on itself.</summary>
    SelfDependency,

    /// <summary>The milestone would depend on itself through others.</summary>
    Cycle,
}
