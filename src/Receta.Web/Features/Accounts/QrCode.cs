using System.Globalization;
using System.Text;
using QRCoder;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// A QR code as one SVG path of its dark modules, drawn by the page (no image, no inline style, so
/// the CSP allows it). The text beside it says the same, for anyone who cannot scan.
/// </summary>
public static class QrCode
{
    /// <summary>The size of the square in modules (quiet zone included) and the path of its dark modules.</summary>
    public sealed record Drawing(int Size, string Path);

    public static Drawing? Path(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var path = new StringBuilder();
        for (var y = 0; y < rows.Count; y++)
        {
            for (var x = 0; x < rows[y].Length; x++)
            {
                if (rows[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        return new Drawing(rows.Count, path.ToString());
    }
}
