using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;
using Receta.Web.Components;
using Receta.Web.Features.Goals;
using Receta.Web.Features.Preparation;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Roadmap;

/// <summary>What the roadmap PDF shows: the goal, and its views as of one day exactly as their handlers answer them.</summary>
internal sealed record RoadmapPdfContent(
    string Title,
    string? Purpose,
    DateOnly AsOf,
    DateOnly? TargetDate,
    double WeeklyCapacityHours,
    Measure? Measure,
    ProgressReport Progress,
    RoadmapResponse Roadmap,
    ReadinessResponse Readiness,
    RecipeResponse Recipe);

/// <summary>
/// Draws a goal on one A4 portrait page: title and purpose, the recipe score with a hint for each
/// missing ingredient, progress and forecast in the words of the goal page, the milestones with
/// their due and projected dates (the late ones marked) and the next step, the skills and readiness.
/// Everything is worded by the goal page's own texts and helpers; nothing is computed here.
/// </summary>
/// <remarks>
/// One page, whatever the goal holds: the page is laid out in the largest type that fits, the
/// tables going to two columns when one is not enough; should even the smallest type not do, the
/// tables show their first rows and say how many more there are. Titles and purpose wrap and end in
/// an ellipsis past a few lines, and a cell in a line or two: nothing runs off the page.
/// </remarks>
internal static class RoadmapPdf
{
    public static byte[] Draw(RoadmapPdfContent content, IStringLocalizerFactory texts, CultureInfo language, DateTimeOffset drawnAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(language);
        PdfFonts.Install();
        // The localizers, dates and numbers speak the culture of the thread: the document's language, while it is drawn.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        try
        {
            var blocks = Compose(content, new Wording(texts));
            using var document = new PdfDocument();
            document.Language = language.Name;
            document.Info.Title = content.Title;
            document.Info.Creator = "Receta";
            document.Info.CreationDate = drawnAt.UtcDateTime;
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                var sheet = new Sheet(graphics, page.Width.Point, page.Height.Point);
                sheet.Lay(blocks, sheet.Choose(blocks), draw: true);
            }
            using var bytes = new MemoryStream();
            document.Save(bytes, false);
            return bytes.ToArray();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary>The texts of the goal page's sections, which the PDF says the same way.</summary>
    private sealed class Wording(IStringLocalizerFactory factory)
    {
        public IStringLocalizer Pdf { get; } = factory.Create(typeof(RoadmapPdf));
        public IStringLocalizer Page { get; } = factory.Create(typeof(GoalPage));
        public IStringLocalizer Purpose { get; } = factory.Create(typeof(PurposeSection));
        public IStringLocalizer Scorecard { get; } = factory.Create(typeof(ScorecardSection));
        public IStringLocalizer Progress { get; } = factory.Create(typeof(ProgressSection));
        public IStringLocalizer Status { get; } = factory.Create(typeof(StatusBadge));
        public IStringLocalizer Roadmap { get; } = factory.Create(typeof(RoadmapSection));
        public IStringLocalizer Preparation { get; } = factory.Create(typeof(PreparationSection));

        public string Pair(string label, string value) => Pdf["Pair", label, value];
    }

    private static List<Block> Compose(RoadmapPdfContent content, Wording t)
    {
        string Day(DateOnly? day) => ProgressSection.Day(day, t.Progress);
        var blocks = new List<Block> { new Text(content.Title, Kind.Title, 3) };
        blocks.Add(string.IsNullOrWhiteSpace(content.Purpose)
            ? new Text(t.Purpose["NoPurpose"], Kind.Muted, 2)
            : new Text(content.Purpose, Kind.Body, 4));
        var asOf = t.Page["ShownAsOf", Day(content.AsOf)].Value;
        if (content.TargetDate is { } targetDate)
        {
            asOf += " · " + t.Pair(t.Purpose["TargetDate"], Day(targetDate));
        }
        blocks.Add(new Text(asOf, Kind.Muted, 2));

        var recipe = content.Recipe;
        blocks.Add(new Heading(t.Scorecard["Title"]));
        blocks.Add(new Text(t.Scorecard["Score", recipe.Score], Kind.Strong, 1));
        foreach (var ingredient in recipe.Ingredients)
        {
            var name = t.Scorecard["Ingredient." + ingredient.Key].Value;
            blocks.Add(ingredient.Satisfied
                ? new Text("✓ " + name, Kind.Body, 1)
                : new Text($"○ {name} ({t.Scorecard["Missing"]}): {t.Scorecard["Hint." + ingredient.Key]}", Kind.Body, 2, Tone.Attention));
        }

        blocks.Add(new Heading(t.Progress["Title"]));
        blocks.AddRange(ProgressBlocks(content, t, Day));

        var roadmap = content.Roadmap;
        blocks.Add(new Heading(t.Roadmap["Title"]));
        if (roadmap.ProjectedFinish is { } finish)
        {
            blocks.Add(new Text(t.Roadmap["ProjectedFinish", Day(finish)], Kind.Body, 2));
        }
        if (roadmap.Items.FirstOrDefault(i => i.Id == roadmap.Next) is { } next)
        {
            blocks.Add(new Text(t.Pair(t.Roadmap["NextStep"], next.Title), Kind.Strong, 2));
        }
        blocks.Add(roadmap.Items.Count == 0
            ? new Text(t.Roadmap["Empty"], Kind.Muted, 1)
            : new Table(
                Listing.Milestones,
                [new(t.Roadmap["MilestoneTitle"], Flex: true), new(t.Roadmap["Due"]), new(t.Pdf["ProjectedFinish"]), new(t.Roadmap["Status"])],
                [.. roadmap.Items.Select(item => MilestoneRow(item, roadmap.Next, t))],
                t.Pdf["AndMore"]));

        var readiness = content.Readiness;
        blocks.Add(new Heading(t.Preparation["Title"]));
        blocks.Add(new Text($"{t.Preparation["Readiness"]} {readiness.Readiness.ToString("N1", CultureInfo.CurrentCulture)} %", Kind.Strong, 1));
        blocks.Add(readiness.Items.Count == 0
            ? new Text(t.Preparation["Empty"], Kind.Muted, 1)
            : new Table(
                Listing.Skills,
                [new(t.Preparation["SkillName"], Flex: true), new(t.Pdf["Level"])],
                [.. readiness.Items.Select(skill => new Row(
                    [new(skill.Name),
                     new(skill.Gap > 0
                        ? $"{t.Preparation["Level", skill.Level, skill.TargetLevel]} · {t.Preparation["Gap", skill.Gap]}"
                        : t.Preparation["Level", skill.Level, skill.TargetLevel])]))],
                t.Pdf["AndMore"]));
        return blocks;
    }

    /// <summary>The progress section's figures and sentences (ProgressSection.razor), or its words for a goal without a measure.</summary>
    private static IEnumerable<Block> ProgressBlocks(RoadmapPdfContent content, Wording t, Func<DateOnly?, string> day)
    {
        var report = content.Progress;
        var l = t.Progress;
        if (content.Measure is not { } measure)
        {
            yield return new Text(l["NoMeasure"], Kind.Muted, 2);
            yield return new Text(l["MilestonesDone", ProgressSection.Number(report.PercentComplete, "N1")], Kind.Body, 2);
            yield break;
        }
        string Amount(double? value) => $"{ProgressSection.Number(value)} {measure.Unit}";
        yield return new Text($"{StatusBadge.SymbolOf(report.Status)} {t.Status[report.Status.ToString()]}", Kind.Strong, 1, ToneOf(report.Status));

        var facts = new List<(string, string)>
        {
            (l["Current"], Amount(report.Current)),
            (l["Target"], Amount(measure.Target)),
            (l["PercentComplete"], $"{ProgressSection.Number(report.PercentComplete, "N1")} %"),
            (l["Remaining"], Amount(report.Remaining)),
        };
        if (report.AheadBy is { } ahead)
        {
            facts.Add((ahead >= 0 ? l["AheadBy"] : l["BehindBy"], Amount(Math.Abs(ahead))));
        }
        if (report.BufferDays is { } buffer)
        {
            facts.Add((l["BufferDays"], l["Days", buffer]));
        }
        if (report.RecentRatePerDay is { } recent)
        {
            facts.Add((l["RecentRate"], l["PerDay", ProgressSection.Number(recent), measure.Unit]));
        }
        if (report.RequiredRatePerDay is { } required)
        {
            facts.Add((l["RequiredRate"], l["PerDay", ProgressSection.Number(required), measure.Unit]));
        }
        if (report.ProjectedCompletion is { } projected)
        {
            facts.Add((l["ProjectedCompletion"], day(projected)));
        }
        if (report.Forecast is { } forecast)
        {
            facts.Add((l["Forecast"], l["ForecastRange", day(forecast.P50), day(forecast.P90)]));
        }
        yield return new Facts(facts);

        if (report.OnTimeProbability is { } odds && content.TargetDate is { } targetDate)
        {
            yield return new Text(l["Odds", ProgressSection.Percent(odds), day(targetDate)], Kind.Body, 2);
        }
        if (report.FinishAtCapacity is { } atCapacity)
        {
            yield return new Text(l["AtCapacity", ProgressSection.Number(content.WeeklyCapacityHours), day(atCapacity)], Kind.Body, 2);
        }
        if (report.HoursPerUnit is { } cost)
        {
            yield return new Text(l["HoursPerUnit", ProgressSection.Number(cost), measure.Unit], Kind.Body, 2);
        }
    }

    private static Row MilestoneRow(RoadmapItem item, Guid? next, Wording t)
    {
        string Day(DateOnly? day) => day is { } d ? d.ToString("d", CultureInfo.CurrentCulture) : "—";
        var isNext = item.Id == next;
        var done = item.Status == MilestoneStatus.Done;
        var marks = new List<string>();
        if (isNext)
        {
            marks.Add(t.Roadmap["NextStep"]);
        }
        if (item.Late)
        {
            marks.Add(t.Roadmap["Late"]);
        }
        if (done)
        {
            marks.Add(t.Pair(t.Roadmap["Done"], Day(item.CompletedOn)));
        }
        var tone = item.Late ? Tone.Late : done ? Tone.Muted : Tone.Normal;
        return new Row(
            [new(item.Title, done ? Tone.Muted : Tone.Normal, Bold: isNext),
             new(Day(item.DueDate), tone),
             new(Day(item.ProjectedFinish), done ? Tone.Muted : Tone.Normal),
             new(string.Join(" · ", marks), tone, Bold: isNext || item.Late)]);
    }

    private static Tone ToneOf(ProgressStatus status) => status switch
    {
        ProgressStatus.Behind or ProgressStatus.OffTrack => Tone.Late,
        _ => Tone.Normal,
    };

    private enum Kind
    {
        Title,
        Body,
        Strong,
        Muted,
    }

    private enum Tone
    {
        Normal,
        Muted,
        Attention,
        Late,
    }

    private enum Listing
    {
        Milestones,
        Skills,
    }

    private abstract record Block;

    /// <summary>A paragraph, wrapped, cut with an ellipsis after <paramref name="MaxLines"/> lines.</summary>
    private sealed record Text(string Value, Kind Kind, int MaxLines, Tone Tone = Tone.Normal) : Block;

    private sealed record Heading(string Value) : Block;

    /// <summary>Label and value pairs, as the goal page's definition lists, in two columns.</summary>
    private sealed record Facts(IReadOnlyList<(string Label, string Value)> Pairs) : Block;

    /// <summary>Rows under a header; the first column takes the width the others leave. <paramref name="AndMore"/> says how many rows were left out.</summary>
    private sealed record Table(Listing Listing, IReadOnlyList<Column> Columns, IReadOnlyList<Row> Items, string AndMore) : Block;

    private sealed record Column(string Header, bool Flex = false);

    private sealed record Row(IReadOnlyList<Cell> Cells);

    private sealed record Cell(string Value, Tone Tone = Tone.Normal, bool Bold = false);

    /// <summary>How a page is laid: body type size in points, table columns, and how many rows each table shows at most.</summary>
    private sealed record Fit(double Size, int Columns, int MilestoneRows, int SkillRows)
    {
        public int RowsOf(Listing listing) => listing == Listing.Milestones ? MilestoneRows : SkillRows;
    }

    /// <summary>The page: lays the blocks out at a fit, measuring only or drawing too.</summary>
    private sealed class Sheet(XGraphics graphics, double width, double height)
    {
        private const double Margin = 42;
        private const double Gutter = 16;
        private const double LargestSize = 10;
        private const double OneColumnSmallestSize = 7;
        private const double TwoColumnsLargestSize = 8.5;
        private const double SmallestSize = 6;
        private const double SizeStep = 0.25;
        private const double CellPadding = 6;
        private const int CellLines = 2;

        // When rows are cut, a skill list keeps this many before milestones lose any.
        private const int SkillRowsWhenCut = 8;

        private static readonly XColor Ink = XColor.FromArgb(26, 26, 26);
        private static readonly XColor Grey = XColor.FromArgb(96, 96, 96);
        private static readonly XColor Accent = XColor.FromArgb(31, 78, 121);
        private static readonly XColor Red = XColor.FromArgb(176, 0, 32);
        private static readonly XColor Amber = XColor.FromArgb(138, 74, 0);
        private static readonly XColor Rule = XColor.FromArgb(200, 200, 200);

        private readonly Dictionary<(double Size, bool Bold), XFont> _fonts = [];

        // Advance widths of 1 pt type, per character: PDFsharp does not kern, so a text is as wide as the sum of its characters.
        private readonly Dictionary<(int Rune, bool Bold), double> _advances = [];
        private readonly double _left = Margin;
        private readonly double _right = width - Margin;
        private readonly double _bottom = height - Margin;

        private bool _draw;

        private double ContentWidth => _right - _left;

        /// <summary>
        /// The largest type that fits, in steps of a quarter point; then the same with the tables in two
        /// columns; then, in the smallest type, as many milestones as fit under a few skills, and as many
        /// skills as fit under all the milestones.
        /// </summary>
        public Fit Choose(IReadOnlyList<Block> blocks)
        {
            var tables = blocks.OfType<Table>().ToList();
            var milestones = tables.Where(t => t.Listing == Listing.Milestones).Sum(t => t.Items.Count);
            var skills = tables.Where(t => t.Listing == Listing.Skills).Sum(t => t.Items.Count);
            // Taller in larger type: a binary search over the sizes, each layout a measurement only.
            foreach (var (columns, smallest, largest) in new[] { (1, OneColumnSmallestSize, LargestSize), (2, SmallestSize, TwoColumnsLargestSize) })
            {
                Fit At(int step) => new(smallest + (step * SizeStep), columns, milestones, skills);
                var steps = (int)Math.Round((largest - smallest) / SizeStep);
                if (Fits(blocks, At(steps)))
                {
                    return At(steps);
                }
                if (Fits(blocks, At(0)))
                {
                    return At(Largest(steps, step => Fits(blocks, At(step))));
                }
            }
            var fewSkills = new Fit(SmallestSize, 2, milestones, Math.Min(skills, SkillRowsWhenCut));
            var cut = fewSkills with { MilestoneRows = Largest(milestones, n => Fits(blocks, fewSkills with { MilestoneRows = n })) };
            return cut.MilestoneRows == milestones || cut.MilestoneRows == 0
                ? cut with { SkillRows = Largest(skills, n => Fits(blocks, cut with { SkillRows = n })) }
                : cut;
        }

        /// <summary>Lays the blocks from the top margin; returns where they end.</summary>
        public double Lay(IReadOnlyList<Block> blocks, Fit fit, bool draw)
        {
            _draw = draw;
            var y = Margin;
            foreach (var block in blocks)
            {
                y = block switch
                {
                    Text text => LayText(text, fit, y),
                    Heading heading => LayHeading(heading, fit, y),
                    Facts facts => LayFacts(facts, fit, y),
                    Table table => LayTable(table, fit, y),
                    _ => throw new ArgumentOutOfRangeException(nameof(blocks), block, "Unknown block."),
                };
            }
            return y;
        }

        private bool Fits(IReadOnlyList<Block> blocks, Fit fit) => Lay(blocks, fit, draw: false) <= _bottom;

        /// <summary>The largest n in [0, max] that <paramref name="fits"/>, given that more never fits better.</summary>
        private static int Largest(int max, Func<int, bool> fits)
        {
            var (low, high) = (0, max);
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (fits(middle))
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }
            return low;
        }

        private double LayText(Text text, Fit fit, double y)
        {
            var size = text.Kind == Kind.Title ? fit.Size * 1.8 : fit.Size;
            var bold = text.Kind is Kind.Title or Kind.Strong;
            var color = text.Kind == Kind.Muted ? Grey : ColorOf(text.Tone);
            var lines = Wrap(text.Value, size, bold, ContentWidth, text.MaxLines);
            y = Lines(lines, _left, y, size, bold, color);
            return y + (fit.Size * (text.Kind == Kind.Title ? 0.5 : 0.3));
        }

        private double LayHeading(Heading heading, Fit fit, double y)
        {
            var size = fit.Size * 1.25;
            y += fit.Size * 0.7;
            y = Lines(Wrap(heading.Value, size, bold: true, ContentWidth, 1), _left, y, size, bold: true, Accent);
            if (_draw)
            {
                graphics.DrawLine(new XPen(Rule, 0.6), _left, y + 1, _right, y + 1);
            }
            return y + (fit.Size * 0.45);
        }

        private double LayFacts(Facts facts, Fit fit, double y)
        {
            var size = fit.Size;
            var cellWidth = (ContentWidth - Gutter) / 2;
            var labelWidth = Math.Min(cellWidth * 0.55, facts.Pairs.Max(p => Width(p.Label, size, bold: false)) + CellPadding);
            for (var i = 0; i < facts.Pairs.Count; i += 2)
            {
                var bottom = y;
                for (var column = 0; column < 2 && i + column < facts.Pairs.Count; column++)
                {
                    var (label, value) = facts.Pairs[i + column];
                    var x = _left + (column * (cellWidth + Gutter));
                    var labelEnd = Lines(Wrap(label, size, bold: false, labelWidth - CellPadding, CellLines), x, y, size, bold: false, Grey);
                    var valueEnd = Lines(Wrap(value, size, bold: true, cellWidth - labelWidth, CellLines), x + labelWidth, y, size, bold: true, Ink);
                    bottom = Math.Max(bottom, Math.Max(labelEnd, valueEnd));
                }
                y = bottom + (size * 0.15);
            }
            return y + (size * 0.3);
        }

        private double LayTable(Table table, Fit fit, double y)
        {
            var size = fit.Size;
            var shown = Math.Min(table.Items.Count, fit.RowsOf(table.Listing));
            var columns = fit.Columns > 1 && shown > 6 ? fit.Columns : 1;
            var areaWidth = (ContentWidth - (Gutter * (columns - 1))) / columns;
            var widths = ColumnWidths(table, shown, size, areaWidth);
            var perColumn = (shown + columns - 1) / columns;
            var end = y;
            for (var column = 0; column < columns; column++)
            {
                var x = _left + (column * (areaWidth + Gutter));
                var rowY = LayRow([.. table.Columns.Select(c => new Cell(c.Header, Tone.Muted, Bold: true))], widths, x, y, size);
                if (_draw)
                {
                    graphics.DrawLine(new XPen(Rule, 0.5), x, rowY, x + areaWidth, rowY);
                }
                rowY += size * 0.2;
                foreach (var row in table.Items.Take(shown).Skip(column * perColumn).Take(perColumn))
                {
                    rowY = LayRow(row.Cells, widths, x, rowY, size) + (size * 0.12);
                }
                end = Math.Max(end, rowY);
            }
            if (shown < table.Items.Count)
            {
                var more = string.Format(CultureInfo.CurrentCulture, table.AndMore, table.Items.Count - shown);
                end = Lines(Wrap(more, size, bold: false, ContentWidth, 1), _left, end, size, bold: false, Grey);
            }
            return end + (size * 0.3);
        }

        /// <summary>Each column as wide as its widest text; the flexible one takes what is left, and never less than a third.</summary>
        private double[] ColumnWidths(Table table, int shown, double size, double areaWidth)
        {
            var rows = table.Items.Take(shown).ToList();
            var widths = table.Columns.Select((column, i) => column.Flex ? 0 : CellPadding + rows
                .Select(r => Width(r.Cells[i].Value, size, r.Cells[i].Bold))
                .Append(Width(column.Header, size, bold: true))
                .Max()).ToArray();
            var flex = Array.FindIndex(table.Columns.ToArray(), c => c.Flex);
            var fixedWidth = widths.Sum();
            var least = areaWidth / 3;
            if (areaWidth - fixedWidth < least)
            {
                var scale = (areaWidth - least) / fixedWidth;
                widths = [.. widths.Select(w => w * scale)];
                fixedWidth = areaWidth - least;
            }
            widths[flex] = areaWidth - fixedWidth;
            return widths;
        }

        private double LayRow(IReadOnlyList<Cell> cells, double[] widths, double x, double y, double size)
        {
            var bottom = y;
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var color = cell.Tone == Tone.Muted ? Grey : ColorOf(cell.Tone);
                var lines = Wrap(cell.Value, size, cell.Bold, widths[i] - CellPadding, CellLines);
                bottom = Math.Max(bottom, Lines(lines, x, y, size, cell.Bold, color));
                x += widths[i];
            }
            return bottom;
        }

        private static XColor ColorOf(Tone tone) => tone switch
        {
            Tone.Muted => Grey,
            Tone.Attention => Amber,
            Tone.Late => Red,
            _ => Ink,
        };

        /// <summary>Draws (when drawing) one line under the other from <paramref name="y"/>; returns the bottom of the last.</summary>
        private double Lines(IReadOnlyList<string> lines, double x, double y, double size, bool bold, XColor color)
        {
            var font = Font(size, bold);
            var lineHeight = font.GetHeight();
            foreach (var line in lines)
            {
                if (_draw)
                {
                    graphics.DrawString(line, font, new XSolidBrush(color), x, y, XStringFormats.TopLeft);
                }
                y += lineHeight;
            }
            return y;
        }

        /// <summary>
        /// The text in lines no wider than <paramref name="width"/>, broken between words (inside a word
        /// too long for a line), at most <paramref name="maxLines"/>: the last of them ends in "…" when text is left over.
        /// </summary>
        private List<string> Wrap(string text, double size, bool bold, double width, int maxLines)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            var lineWidth = 0.0;
            var space = Width(" ", size, bold);
            foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (lines.Count > maxLines)
                {
                    break;
                }
                var wordWidth = Width(word, size, bold);
                if (line.Length > 0 && lineWidth + space + wordWidth <= width)
                {
                    line.Append(' ').Append(word);
                    lineWidth += space + wordWidth;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                lineWidth = 0;
                foreach (var rune in word.EnumerateRunes())
                {
                    var advance = Advance(rune, bold) * size;
                    if (line.Length > 0 && lineWidth + advance > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        lineWidth = 0;
                    }
                    line.Append(rune.ToString());
                    lineWidth += advance;
                }
            }
            if (line.Length > 0)
            {
                lines.Add(line.ToString());
            }
            if (lines.Count <= maxLines)
            {
                return lines;
            }
            var last = lines[maxLines - 1];
            lines.RemoveRange(maxLines - 1, lines.Count - maxLines + 1);
            lines.Add(Ellipsis(last, size, bold, width));
            return lines;
        }

        /// <summary>The line, shortened as needed, ending in "…", within the width.</summary>
        private string Ellipsis(string line, double size, bool bold, double width)
        {
            var room = width - Width("…", size, bold);
            var kept = new StringBuilder();
            var used = 0.0;
            foreach (var rune in line.EnumerateRunes())
            {
                used += Advance(rune, bold) * size;
                if (used > room)
                {
                    break;
                }
                kept.Append(rune.ToString());
            }
            return kept.ToString().TrimEnd() + "…";
        }

        private double Width(string text, double size, bool bold)
        {
            var advance = 0.0;
            foreach (var rune in text.EnumerateRunes())
            {
                advance += Advance(rune, bold);
            }
            return advance * size;
        }

        private double Advance(Rune rune, bool bold)
        {
            if (!_advances.TryGetValue((rune.Value, bold), out var advance))
            {
                // Measured at 100 pt for precision, kept per point.
                advance = graphics.MeasureString(rune.ToString(), Font(100, bold)).Width / 100;
                _advances[(rune.Value, bold)] = advance;
            }
            return advance;
        }

        private XFont Font(double size, bool bold)
        {
            if (!_fonts.TryGetValue((size, bold), out var font))
            {
                font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
                _fonts[(size, bold)] = font;
            }
            return font;
        }
    }
}
