namespace Receta.Contracts;

/// <summary>
/// The webhook just made, with its signing secret (<c>whsec_</c> and base64), shown this once: the
/// receiver checks each delivery's <c>webhook-signature</c> with it (Standard Webhooks).
/// </summary>
public sealed record CreatedWebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, Guid? GoalId, string Secret);
