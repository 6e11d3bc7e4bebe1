namespace Receta.Contracts;

/// <summary>
/// The account's new calendar feed address, shown this once: <c>url</c> over https (or http where the
/// app is served so) for any calendar app, <c>webcalUrl</c> the same address as a subscribe link.
/// </summary>
public sealed record CreateCalendarFeedResponse(string Url, string WebcalUrl);
