namespace Receta.Core.Perseverance;

/// <summary>How an attempt turned out.</summary>
public enum AttemptOutcome
{
    /// <summary>Not known yet.</summary>
    Pending,

    /// <summary>Got through the gate.</summary>
    Succeeded,

    /// <summary>Not this time: data and a lesson, not failure.</summary>
    Failed,
}
