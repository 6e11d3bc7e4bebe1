using System.Globalization;
using System.Text.RegularExpressions;

namespace Receta.Cli;

/// <summary>Work durations as people type them: <c>90m</c>, <c>1h30m</c>, <c>2h</c>, or bare minutes <c>45</c>.</summary>
public static partial class Durations
{
    /// <summary>The whole minutes <paramref name="text"/> says, or null when it is not a positive duration.</summary>
    public static int? ParseMinutes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success || (!match.Groups["hours"].Success && !match.Groups["minutes"].Success && !match.Groups["bare"].Success))
        {
            return null;
        }
        long total = 0;
        if (match.Groups["bare"].Success)
        {
            total = long.Parse(match.Groups["bare"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            if (match.Groups["hours"].Success)
            {
                total += long.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture) * 60;
            }
            if (match.Groups["minutes"].Success)
            {
                total += long.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture);
            }
        }
        return total is > 0 and <= int.MaxValue ? (int)total : null;
    }

    /// <summary>Minutes as <c>1h30m</c>, <c>2h</c> or <c>45m</c>.</summary>
    public static string Format(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => string.Create(CultureInfo.InvariantCulture, $"{m}m"),
        (var h, 0) => string.Create(CultureInfo.InvariantCulture, $"{h}h"),
        (var h, var m) => string.Create(CultureInfo.InvariantCulture, $"{h}h{m}m"),
    };

    [GeneratedRegex(@"^(?:(?<bare>\d{1,9})|(?:(?<hours>\d{1,6})h)?(?:(?<minutes>\d{1,9})m(?:in)?)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
