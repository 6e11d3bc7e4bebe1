using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>
/// A new webhook: <c>url</c> receives a signed <c>POST</c> for each event named in <c>events</c>
/// (entry.created, habit.checked, …); with <c>goalId</c>, only that goal's events.
/// </summary>
public sealed record CreateWebhookRequest(
    [property: StringLength(ApiLimits.MaxUrlLength, MinimumLength = 1)] string? Url, IReadOnlyList<string>? Events, Guid? GoalId);
