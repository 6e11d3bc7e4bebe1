namespace Receta.Data.Webhooks;

/// <summary>One try at delivering a message: the deliveries log of <c>GET /webhooks/{id}/deliveries</c>.</summary>
public sealed class WebhookAttempt
{
    /// <summary>Of a receiver's answer, only this many characters are kept.</summary>
    public const int MaxResponseLength = 1024;
    public const int MaxErrorLength = 500;

    public Guid OwnerId { get; set; }

    public Guid Id { get; set; }

    public Guid WebhookId { get; set; }

    public Guid MessageId { get; set; }

    public required string Type { get; set; }

    /// <summary>1 for the first try.</summary>
    public int Attempt { get; set; }

    public DateTimeOffset At { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public string? ResponseBody { get; set; }
}
