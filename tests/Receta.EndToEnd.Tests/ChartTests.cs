using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>
/// The goal page's charts read on a phone: the progress chart's labels stay legible and apart, a point
/// shows its date and values when tapped or reached from the keyboard, and the calendars scroll within
/// their card, never the page.
/// </summary>
public sealed class ChartTests(WebUi ui)
{
    /// <summary>Smaller than this, a label is not read on a phone held at arm's length.</summary>
    private const double MinLabelPixels = 11;

    /// <summary>The chart's visible labels: their rendered font size in CSS pixels, and their boxes.</summary>
    private const string VisibleLabels = """
        chart => [...chart.querySelectorAll('.chart-label')]
            .filter(t => getComputedStyle(t).display !== 'none')
            .map(t => {
                const box = t.getBoundingClientRect();
                const frame = t.ownerSVGElement.getBoundingClientRect();
                return {
                    text: t.textContent,
                    pixels: parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a,
                    left: box.left, right: box.right, top: box.top, bottom: box.bottom,
                    inside: box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1,
                };
            })
        """;

    [Theory]
    [InlineData(".chart-line", 7, WebUi.PhoneWidth)]
    [InlineData(".chart-line", 7, WebUi.DesktopWidth)]
    [InlineData(".chart-bar", 4, WebUi.PhoneWidth)]
    [InlineData(".chart-bar", 4, WebUi.DesktopWidth)]
    public async Task Chart_LabelsAreLegibleWholeAndApart(string kind, int atLeast, int width)
    {
        var page = await ui.NewPageAsync(width);
        await OpenTheDemoGoalAsync(page);
        var chart = page.Locator($"{kind} .chart-svg");

        var labels = await chart.EvaluateAsync<Label[]>(VisibleLabels);
        await page.Locator(kind).ScreenshotAsync(new() { Path = Path.Combine(WebUi.ArtifactFolder("screenshots"), $"chart-{kind.TrimStart('.')}-{width}.png") });

        Assert.True(labels.Length >= atLeast, $"{labels.Length} labels are shown at {width} px.");
        Assert.All(labels, label =>
        {
            Assert.True(label.Pixels >= MinLabelPixels, $"“{label.Text}” is {label.Pixels:N1} px at {width} px.");
            Assert.True(label.Inside, $"“{label.Text}” is cut off at {width} px.");
        });
        foreach (var (first, i) in labels.Select((l, i) => (l, i)))
        {
            foreach (var second in labels.Skip(i + 1))
            {
                var apart = first.Right <= second.Left || second.Right <= first.Left || first.Bottom <= second.Top || second.Bottom <= first.Top;
                Assert.True(apart, $"“{first.Text}” and “{second.Text}” overlap at {width} px.");
            }
        }
    }

    [Fact]
    public async Task ProgressChart_TapAPoint_ShowsItsDateAndValuesAsTheTableHasThem()
    {
        var page = await ui.NewPageAsync(WebUi.PhoneWidth, touch: true);
        await OpenTheDemoGoalAsync(page);
        var points = page.Locator(".chart-line [data-chart-point]");
        var count = await points.CountAsync();
        Assert.InRange(count, 10, 24);
        var tip = points.Nth(count / 2).Locator("text");
        await Assertions.Expect(tip).ToBeHiddenAsync();

        await page.Locator(".chart-line .chart-frame").ScrollIntoViewIfNeededAsync();
        var column = await points.Nth(count / 2).Locator("rect").BoundingBoxAsync();
        await page.Touchscreen.TapAsync(column!.X + (column.Width / 2), column.Y + (column.Height / 2));

        await Assertions.Expect(tip).ToBeVisibleAsync();
        await page.Locator(".chart-line .chart-frame").ScreenshotAsync(new() { Path = Path.Combine(WebUi.ArtifactFolder("screenshots"), "progress-chart-tapped-360.png") });
        var lines = await tip.Locator("tspan").AllTextContentsAsync();
        var date = lines[0];
        var tipPixels = await tip.EvaluateAsync<double>("t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a");
        Assert.True(tipPixels >= MinLabelPixels, $"The tapped point's text is {tipPixels:N1} px.");

        // What the point says is the table's row for its date.
        var row = page.Locator(".chart-line .chart-table tbody tr", new() { Has = page.Locator($"th:text-is('{date}')") });
        var cells = await row.Locator("td").AllTextContentsAsync();
        Assert.Equal([date, $"Your training hours: {cells[0]}", $"The road: {cells[1]}"], lines);
        await Assertions.Expect(points.Nth(count / 2)).ToHaveAttributeAsync("aria-label", $"{date}: Your training hours: {cells[0]} · The road: {cells[1]}");
        // Whole, within the chart.
        var text = await tip.BoundingBoxAsync();
        var frame = await page.Locator(".chart-line .chart-frame").BoundingBoxAsync();
        Assert.True(text!.X >= frame!.X && text.X + text.Width <= frame.X + frame.Width, "The tapped point's text is cut off.");
    }

    [Fact]
    public async Task ProgressChart_FromTheKeyboard_TabReachesTheLatestPointAndArrowsMoveAlong()
    {
        var page = await ui.NewPageAsync();
        await OpenTheDemoGoalAsync(page);
        var points = page.Locator(".chart-line [data-chart-point]");
        var count = await points.CountAsync();
        // One stop in the tab order, the latest point: the page's tab order is not two dozen points longer.
        await Assertions.Expect(page.Locator(".chart-line [data-chart-point][tabindex='0']")).ToHaveCountAsync(1);
        await page.Locator(".chart-line .chart-svg").ScrollIntoViewIfNeededAsync();
        await page.Locator(".progress-status").ClickAsync();

        await PressTabUntilAsync(page, "[data-chart-point]");
        await Assertions.Expect(points.Last).ToBeFocusedAsync();
        await Assertions.Expect(points.Last.Locator("text")).ToBeVisibleAsync();
        var latest = await DayOfAsync(points.Last);

        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(points.Nth(count - 2)).ToBeFocusedAsync();
        await Assertions.Expect(points.Nth(count - 2).Locator("text")).ToBeVisibleAsync();
        await Assertions.Expect(points.Last.Locator("text")).ToBeHiddenAsync();
        Assert.True(await DayOfAsync(points.Nth(count - 2)) < latest);

        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(points.First).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".chart-line [data-chart-point][tabindex='0']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(points.Last).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Calendars_AtPhoneWidth_ScrollWithinTheirCardShowingTheLatestWeek()
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        var today = DateOnly.FromDateTime(ui.App.Clock.GetUtcNow().UtcDateTime);
        using var habits = await user.Api.GetAsync($"/api/v1/goals/{goal}/habits", TestContext.Current.CancellationToken);
        var habit = (await habits.ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        foreach (var daysAgo in new[] { 0, 2, 9, 60 })
        {
            using var check = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks",
                new { date = today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            await check.AssertStatusAsync(HttpStatusCode.Created);
        }
        var page = await ui.NewPageAsync(WebUi.PhoneWidth);
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync($"/goals/{goal}");
        var history = page.Locator(".habit", new() { HasText = "Go for a run" }).Locator(".habit-history");

        await Assertions.Expect(history.Locator("svg")).ToHaveAttributeAsync("aria-label", "“Go for a run” over the last 26 weeks, days ticked: 4; skipped: 0");
        var calendars = await page.Locator(".chart-scroll").EvaluateAllAsync<Scroller[]>("""
            all => all.map(s => {
                const box = s.getBoundingClientRect(), svg = s.querySelector('svg').getBoundingClientRect();
                return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth, left: box.left, right: box.right, svgLeft: svg.left, svgRight: svg.right, square: s.querySelector('svg').getScreenCTM().a * 12 };
            })
            """);
        Assert.Equal(2, calendars.Length);
        Assert.All(calendars, calendar =>
        {
            // Too wide for the card, it opens on the newest week; else it sits at the card's start.
            if (calendar.ScrollWidth > calendar.ClientWidth)
            {
                Assert.InRange(calendar.SvgRight, calendar.Right - 1, calendar.Right + 1);
            }
            else
            {
                Assert.InRange(calendar.SvgLeft, calendar.Left - 1, calendar.Left + 1);
            }
            // A day's square stays a size to read.
            Assert.True(calendar.Square >= 16, $"A day is {calendar.Square:N1} px.");
        });
        await page.Locator("#work").ScreenshotAsync(new() { Path = Path.Combine(WebUi.ArtifactFolder("screenshots"), "work-calendars-360.png") });
        var habitCalendar = calendars[^1];
        Assert.True(habitCalendar.ScrollWidth > habitCalendar.ClientWidth, "Half a year fits a phone: nothing to scroll.");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");

        // From the keyboard too: focused, the calendar scrolls back in time.
        await history.FocusAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(history).ToBeFocusedAsync();
        // Keyboard scrolling is animated: wait for it to have moved, rather than read it at once.
        await page.WaitForFunctionAsync("s => s.scrollLeft < 0", await history.ElementHandleAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth && window.scrollX === 0"));
    }

    private static async Task OpenTheDemoGoalAsync(IPage page)
    {
        await WebUi.SignInToTheDemoAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Become a NASA astronaut", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".chart-line")).ToBeVisibleAsync();
    }

    private static async Task PressTabUntilAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"document.activeElement.matches({JsonSerializer.Serialize(selector)})"))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector}.");
    }

    private static async Task<DateOnly> DayOfAsync(ILocator point) =>
        DateOnly.Parse((await point.Locator("tspan").First.TextContentAsync())!, CultureInfo.GetCultureInfo("en-US"));

    /// <summary>A label as the page draws it (Playwright fills a class by its settable properties).</summary>
    public sealed class Label
    {
        public string Text { get; set; } = "";

        public double Pixels { get; set; }

        public double Left { get; set; }

        public double Right { get; set; }

        public double Top { get; set; }

        public double Bottom { get; set; }

        public bool Inside { get; set; }
    }

    /// <summary>A calendar's scroll box and where its drawing ends.</summary>
    public sealed class Scroller
    {
        public double ScrollWidth { get; set; }

        public double ClientWidth { get; set; }

        public double Left { get; set; }

        public double Right { get; set; }

        public double SvgLeft { get; set; }

        public double SvgRight { get; set; }

        public double Square { get; set; }
    }
}
