namespace Receta.Data.Nudges;

/// <summary>
/// What the daily look at a goal's odds saw last, so that an alert says only what is new ("newly
/// behind", "newly under the threshold"), and when the owner last heard of the goal.
/// </summary>
public sealed class GoalWatch
{
    public Guid OwnerId { get; set; }

    public Guid GoalId { get; set; }

    /// <summary>The progress status seen at the last look (onTrack, behind, offTrack, …).</summary>
    public string? Status { get; set; }

    public double? OnTimeProbability { get; set; }

    public DateOnly? LookedOn { get; set; }

    /// <summary>The local date of the last risk alert: at most one per goal per 7 days.</summary>
    public DateOnly? AlertedOn { get; set; }

    /// <summary>Cheers and suggestions up to this instant have reached the owner (circle news).</summary>
    public DateTimeOffset? NewsThrough { get; set; }
}
