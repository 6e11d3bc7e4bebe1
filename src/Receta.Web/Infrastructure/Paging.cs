using System.Globalization;
using System.Text;

namespace Receta.Web.Infrastructure;

/// <summary>
/// <c>?limit=</c> (1–1,000, default 100) and the opaque <c>?cursor=</c> of list endpoints. A cursor
/// names the sort key of the last item returned, so pages stay stable while items are added.
/// </summary>
public sealed record PageRequest(int Limit, string[]? After)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = ApiLimits.MaxPageSize;

    public static PageRequest Read(string? limit, string? cursor, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxLimit))
        {
            errors.Add("limit", $"'limit' must be a whole number from 1 to {MaxLimit}.");
        }
        string[]? after = null;
        if (!string.IsNullOrEmpty(cursor) && !TryDecode(cursor, out after))
        {
            errors.Add("cursor", "'cursor' is not a cursor this list returned.");
        }
        return new PageRequest(size, after);
    }

    /// <summary>The cursor part at <paramref name="index"/> as a key of type <typeparamref name="T"/>, if it parses.</summary>
    public bool TryGetAfter<T>(int index, out T value)
        where T : IParsable<T>
    {
        value = default!;
        return After is { } parts && index < parts.Length && T.TryParse(parts[index], CultureInfo.InvariantCulture, out value!);
    }

    public static string Encode(params object[] key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('|', key.Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string cursor, out string[]? parts)
    {
        parts = null;
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }
        parts = Encoding.UTF8.GetString(buffer, 0, written).Split('|');
        return true;
    }
}

public static class PageExtensions
{
    /// <summary>Builds a page from up to <c>limit + 1</c> rows fetched in order; the extra row only tells that more exist.</summary>
    public static Page<TOut> ToPage<TIn, TOut>(this IReadOnlyList<TIn> rows, PageRequest page, Func<TIn, TOut> map, Func<TIn, string> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(page);
        var more = rows.Count > page.Limit;
        var shown = more ? rows.Take(page.Limit).ToList() : rows;
        return new Page<TOut>(shown.Select(map).ToList(), more ? cursorOf(shown[^1]) : null);
    }
}
