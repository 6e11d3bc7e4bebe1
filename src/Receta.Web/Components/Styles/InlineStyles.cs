using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Receta.Web.Components.Styles;

/// <summary>
/// A page's styles travel inside the page: a stylesheet is a second round trip before the first
/// paint, 400 ms or more on a phone's connection, while all of Receta's styles are a few kilobytes
/// compressed. The Content-Security-Policy allows each sheet by its hash (no nonce, so an answer
/// stays the same for everyone and can be kept), never <c>'unsafe-inline'</c>.
/// </summary>
public static partial class InlineStyles
{
    /// <summary>Every page's: the layout, the header, forms, cards and the dashboard; both themes.</summary>
    public static InlineStyle Shell { get; } = Load("shell.css");

    /// <summary>The goal page's own: its sections and charts.</summary>
    public static InlineStyle Goal { get; } = Load("goal.css");

    public static IReadOnlyList<InlineStyle> All { get; } = [Shell, Goal];

    /// <summary>The CSP's sources for inline styles: each sheet's hash.</summary>
    public static string PolicySources { get; } = string.Join(' ', All.Select(style => $"'{style.Hash}'"));

    private static InlineStyle Load(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Receta.Web.Styles.{file}")
            ?? throw new InvalidOperationException($"The stylesheet {file} is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Comments and indentation are for whoever edits the file, not worth a phone's bytes.
        var css = Indentation().Replace(Comment().Replace(reader.ReadToEnd(), ""), "\n").Trim();
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        return new InlineStyle(new MarkupString(css), $"sha256-{hash}");
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex Indentation();
}

/// <summary>A stylesheet's text, exactly as the page carries it, and the CSP source that allows it.</summary>
public sealed record InlineStyle(MarkupString Css, string Hash);
