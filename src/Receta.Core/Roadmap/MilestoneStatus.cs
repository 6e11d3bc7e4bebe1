namespace Receta.Core.Roadmap;

/// <summary>Whether a milestone is still to do or done.</summary>
public enum MilestoneStatus
{
    /// <summary>Still to do.</summary>
    Todo,

    /// <summary>Done, on its completion date.</summary>
    Done,
}
