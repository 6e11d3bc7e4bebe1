namespace Receta.Contracts;

/// <summary>A webhook, never its secret. <c>disabledAt</c> is set once 3 days of failed deliveries turned it off.</summary>
public sealed record WebhookResponse(
    Guid Id, string Url, IReadOnlyList<string> Events, Guid? GoalId, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt);
