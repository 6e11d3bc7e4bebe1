namespace Receta.Contracts;

/// <summary>
/// One try at delivering an event: <c>eventId</c> is the <c>webhook-id</c> sent (the same on every
/// retry), <c>attempt</c> counts from 1; <c>statusCode</c> is the receiver's answer, null when there
/// was none, and then <c>error</c> says why (a timeout, a refused address, …).
/// </summary>
public sealed record WebhookDeliveryResponse(string EventId, string Type, int Attempt, DateTimeOffset At, int? StatusCode, string? Error);

/// <summary>A webhook's last 100 delivery attempts, newest first.</summary>
public sealed record WebhookDeliveriesResponse(IReadOnlyList<WebhookDeliveryResponse> Items);
