namespace Receta.Web.Features.Webhooks;

/// <summary>
/// Names the texts of the email telling an owner that their webhook was disabled
/// (<c>Resources/Features/Webhooks/WebhookMail.resx</c> and its translations), for
/// <c>IStringLocalizer&lt;WebhookMail&gt;</c>; <see cref="WebhookSender"/> writes it.
/// </summary>
public sealed class WebhookMail;
