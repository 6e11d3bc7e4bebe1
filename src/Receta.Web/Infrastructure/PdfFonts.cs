using PdfSharp.Fonts;

namespace Receta.Web.Infrastructure;

/// <summary>
/// The fonts of every PDF the app draws: DejaVu Sans and DejaVu Sans Bold, embedded in this assembly
/// (<c>Fonts/</c>, with their licence), so a document looks the same on any machine and in a container
/// with no fonts installed. PDFsharp never looks a font up on the system: every family it is asked
/// for is DejaVu Sans, italic simulated. DejaVu covers Latin, Greek and Cyrillic, and more.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    /// <summary>The family name to ask <c>XFont</c> for; any other name is served the same faces.</summary>
    public const string Family = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    // PDFsharp takes one resolver per process, before its first font: set once, on the first document drawn.
    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver = new PdfFonts();
        return true;
    });

    private static readonly Lazy<byte[]> Regular = new(() => Read(RegularFace));
    private static readonly Lazy<byte[]> Bold = new(() => Read(BoldFace));

    private PdfFonts()
    {
    }

    /// <summary>Makes PDFsharp use these fonts; call before drawing (again is harmless).</summary>
    public static void Install() => _ = Installed.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => faceName == BoldFace ? Bold.Value : Regular.Value;

    private static byte[] Read(string face)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Receta.Web.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face}.ttf is not embedded in {typeof(PdfFonts).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
