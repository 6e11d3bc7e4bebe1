using Microsoft.AspNetCore.Identity;

namespace Receta.Data.Accounts;

/// <summary>An account. Every goal and everything under it belongs to one.</summary>
public sealed class User : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>IANA time zone id; "today" for this user is the date in this zone.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The language the account chose for its pages and clients ("en", "es", "pt-BR"); null until one is chosen.</summary>
    public string? Language { get; set; }

    /// <summary>The pages' colours: "light" or "dark"; null follows the device (prefers-color-scheme).</summary>
    public string? Theme { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The creation sequence of this account's latest goal; raised by one for each new goal.</summary>
    public long GoalSequence { get; set; }

    /// <summary>The last TOTP time step accepted, so that a code works only once.</summary>
    public long? LastTotpTimeStep { get; set; }
}
