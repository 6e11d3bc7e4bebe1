namespace Receta.Core.Progress;

/// <summary>Where a goal stands against its road, the first of these that applies.</summary>
public enum ProgressStatus
{
    /// <summary>The measure has reached its target.</summary>
    Achieved,

    /// <summary>No target date, so no road to compare with (or no measure at all).</summary>
    Open,

    /// <summary>At least 7 days of buffer.</summary>
    Ahead,

    /// <summary>0 to 6 days of buffer.</summary>
    OnTrack,

    /// <summary>Behind the road, but the rate still needed is at most twice the recent rate.</summary>
    Behind,

    /// <summary>Behind the road, and the target date is past or the rate needed is more than twice the recent rate.</summary>
    OffTrack,
}
