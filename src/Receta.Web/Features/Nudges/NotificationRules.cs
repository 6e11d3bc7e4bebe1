using System.Globalization;
using Receta.Data.Nudges;
using Receta.Web.Features.Work;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Nudges;

/// <summary>The rules of the notification settings: read from the stored row (or the defaults), checked, written back.</summary>
public static class NotificationRules
{
    public static NotificationSettingsResponse Response(NotificationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            settings.Reminders,
            settings.RiskAlerts,
            settings.RiskThreshold,
            settings.DigestDay is { } day ? new DigestSchedule(HabitReminderRules.ToWeekday(day), settings.DigestHour) : null,
            settings.CircleDigest,
            settings.CircleNews,
            settings.QuietFrom is { } from && settings.QuietTo is { } to
                ? new QuietHours(HabitReminderRules.Format(from), HabitReminderRules.Format(to))
                : null);
    }

    public static NotificationSettingsFields Fields(NotificationSettings settings)
    {
        var response = Response(settings);
        return new(
            response.Reminders, response.RiskAlerts, response.RiskThreshold,
            response.Digest is { } digest ? new DigestFields(digest.Weekday, digest.Hour) : null,
            response.CircleDigest, response.CircleNews,
            response.QuietHours is { } quiet ? new QuietHoursFields(quiet.From, quiet.To) : null);
    }

    /// <summary>Writes the fields into <paramref name="settings"/>, or names what is wrong and changes nothing.</summary>
    public static Failure? TryApplyTo(this NotificationSettingsFields fields, NotificationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new RequestErrors();
        var reminders = Required(fields.Reminders, "reminders", errors);
        var riskAlerts = Required(fields.RiskAlerts, "riskAlerts", errors);
        var circleDigest = Required(fields.CircleDigest, "circleDigest", errors);
        var circleNews = Required(fields.CircleNews, "circleNews", errors);
        var threshold = fields.RiskThreshold ?? double.NaN;
        if (!(threshold is >= 0 and <= 1))
        {
            errors.Add("riskThreshold", "'riskThreshold' must be a probability from 0 to 1.");
        }
        if (fields.Digest is { } digest)
        {
            if (digest.Weekday is null)
            {
                errors.Add("digest.weekday", "'digest.weekday' must be a day, mon … sun.");
            }
            if (digest.Hour is not (>= 0 and <= 23))
            {
                errors.Add("digest.hour", "'digest.hour' must be a whole hour from 0 to 23.");
            }
        }
        var from = Time(fields.QuietHours?.From, "quietHours.from", fields.QuietHours is not null, errors);
        var to = Time(fields.QuietHours?.To, "quietHours.to", fields.QuietHours is not null, errors);
        if (from is not null && from == to)
        {
            errors.Add("quietHours.to", "'quietHours.to' must differ from 'quietHours.from'; set 'quietHours' to null for none.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        settings.Reminders = reminders;
        settings.RiskAlerts = riskAlerts;
        settings.RiskThreshold = threshold;
        settings.DigestDay = fields.Digest?.Weekday is { } weekday ? HabitReminderRules.ToDayOfWeek(weekday) : null;
        settings.DigestHour = fields.Digest?.Hour ?? NotificationSettings.DefaultDigestHour;
        settings.CircleDigest = circleDigest;
        settings.CircleNews = circleNews;
        settings.QuietFrom = from;
        settings.QuietTo = to;
        return null;
    }

    private static bool Required(bool? value, string field, RequestErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, $"'{field}' must be true or false.");
        }
        return value ?? false;
    }

    private static TimeOnly? Time(string? text, string field, bool required, RequestErrors errors)
    {
        if (!required)
        {
            return null;
        }
        if (text is not null && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.Add(field, $"'{field}' must be a local time HH:mm, e.g. 22:00.");
        return null;
    }
}
