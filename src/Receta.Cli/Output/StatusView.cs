using System.Globalization;
using Receta.Contracts;
using Receta.Core.Progress;

namespace Receta.Cli.Output;

/// <summary>How a status reads: the web UI's symbol (never colour alone) and word, and a colour for terminals.</summary>
public static class StatusView
{
    public static string Symbol(ProgressStatus status) => status switch
    {
        ProgressStatus.Achieved => "★",
        ProgressStatus.Ahead => "▲",
        ProgressStatus.OnTrack => "●",
        ProgressStatus.Behind => "▼",
        ProgressStatus.OffTrack => "✕",
        _ => "○",
    };

    public static string Word(ProgressStatus status, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return status switch
        {
            ProgressStatus.Achieved => texts.Achieved,
            ProgressStatus.Ahead => texts.Ahead,
            ProgressStatus.OnTrack => texts.OnTrack,
            ProgressStatus.Behind => texts.Behind,
            ProgressStatus.OffTrack => texts.OffTrack,
            _ => texts.Open,
        };
    }

    public static Cell Cell(ProgressStatus status, Texts texts) => new($"{Symbol(status)} {Word(status, texts)}", Colour: status switch
    {
        ProgressStatus.Achieved or ProgressStatus.Ahead => Ansi.Green,
        ProgressStatus.Behind => Ansi.Yellow,
        ProgressStatus.OffTrack => Ansi.Red,
        _ => null,
    });

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>The P50–P90 window: "2026-04-21–2026-08-02", or a dash without a forecast.</summary>
    public static string Window(ForecastResponse? forecast) =>
        forecast is { P50: not null } or { P90: not null } ? $"{Date(forecast.P50)} – {Date(forecast.P90)}" : "–";

    /// <summary>The odds of arriving on time in whole percents as the web page words them, "–" without them.</summary>
    public static string Odds(double? odds, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return odds is { } p ? texts.Number(Core.Progress.OddsWording.WholePercent(p), "0") + " %" : "–";
    }

    public static string Buffer(int? days, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return days is { } d ? string.Create(CultureInfo.InvariantCulture, $"{(d > 0 ? "+" : "")}{d}{texts.Days}") : "–";
    }

    public static string Percent(double percent, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Number(percent) + " %";
    }
}
