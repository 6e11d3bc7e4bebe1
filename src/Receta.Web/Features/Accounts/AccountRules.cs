using System.Net.Mail;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>What makes an email, a display name and a time zone acceptable for an account.</summary>
public static class AccountRules
{
    public static string Email(string? value, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var email = value?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add("email", "'email' is required.");
        }
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out var address)
            || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            errors.Add("email", "'email' is not a valid email address.");
        }
        return email;
    }

    public static string TimeZone(string? value, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return "UTC";
        }
        if (!UserTimeZones.TryFind(value, out _))
        {
            errors.Add("timeZone", "'timeZone' must be an IANA time zone such as 'America/Los_Angeles'.");
        }
        return value;
    }
}
