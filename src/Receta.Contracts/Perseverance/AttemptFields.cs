using System.ComponentModel.DataAnnotations;
using Receta.Core.Perseverance;

namespace Receta.Contracts;

/// <summary>One try at a gated outcome: an application, an exam, an audition, a race.</summary>
public sealed record AttemptFields(
    [property: StringLength(ApiLimits.MaxTitleLength, MinimumLength = 1)] string? Title,
    DateOnly? Date,
    AttemptOutcome? Outcome,
    [property: StringLength(ApiLimits.MaxTextLength)] string? Feedback = null,
    [property: StringLength(ApiLimits.MaxTextLength)] string? Lesson = null);
