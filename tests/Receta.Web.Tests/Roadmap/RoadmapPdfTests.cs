using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Receta.Contracts;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;
using Receta.Core.Scorecard;
using Receta.Testing;
using Receta.Web.Features.Roadmap;
using Receta.Web.Tests.Pages;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Roadmap;

/// <summary>
/// <c>GET /goals/{id}/roadmap.pdf</c>, read back as a person's PDF reader would: its text extracted
/// (PdfPig) line by line, each line the words on one baseline from left to right.
/// </summary>
public abstract partial class RoadmapPdfTests(RecetaApp app)
{
    private const string AsOf = "2025-03-01";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RoadmapPdf_Goal_IsOnePageWithEveryIngredientInWords()
    {
        var user = await app.CreateUserAsync();
        var (goal, late, later) = await CreateThesisAsync(user);
        var recipe = await GetJsonAsync(user, $"/api/v1/goals/{goal}/recipe?asOf={AsOf}");
        var roadmap = await GetJsonAsync(user, $"/api/v1/goals/{goal}/roadmap?asOf={AsOf}");
        var progress = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf={AsOf}");

        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/roadmap.pdf?asOf={AsOf}&lang=en", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"attachment; filename=\"roadmap-{goal}-{AsOf}.pdf\"", response.Content.Headers.GetValues("Content-Disposition").Single());
        var pdf = await ReadAsync(response);
        Assert.Equal(1, pdf.Pages);
        var text = pdf.Text;
        Assert.Contains("Finish the thesis", text, StringComparison.Ordinal);
        Assert.Contains("To become a doctor of letters", text, StringComparison.Ordinal);
        Assert.Contains($"Recipe score: {recipe.GetProperty("score").GetInt32()} of 6", text, StringComparison.Ordinal);
        Assert.Contains("Next step: Write chapter one", text, StringComparison.Ordinal);
        Assert.Contains("Academic writing level 2 of 4 · 2 to go", text, StringComparison.Ordinal);
        Assert.Contains("Log a work session or tick a habit this week.", text, StringComparison.Ordinal);
        var odds = OddsWording.WholePercent(progress.GetProperty("onTimeProbability").GetDouble()).ToString("N0", English);
        Assert.Contains($"{odds} % chance to make it by {Day("2025-04-11", English)}.", text, StringComparison.Ordinal);
        Assert.Contains($"Now {progress.GetProperty("current").GetDouble().ToString("#,0.##", English)} pages", text, StringComparison.Ordinal);

        // The late milestone's row: its due date, its projected finish, and the mark; the other row is not marked.
        var lateRow = pdf.Lines.Single(l => l.StartsWith("Write chapter one", StringComparison.Ordinal));
        Assert.Contains(Day("2025-03-10", English), lateRow, StringComparison.Ordinal);
        Assert.Contains(Day(ProjectedFinish(roadmap, late), English), lateRow, StringComparison.Ordinal);
        Assert.EndsWith("Next step · Late", lateRow, StringComparison.Ordinal);
        var laterRow = pdf.Lines.Single(l => l.StartsWith("Defend the thesis", StringComparison.Ordinal));
        Assert.Contains(Day("2025-06-01", English), laterRow, StringComparison.Ordinal);
        Assert.Contains(Day(ProjectedFinish(roadmap, later), English), laterRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Late", laterRow, StringComparison.Ordinal);
        pdf.AssertInsideMargins();
    }

    [Fact]
    public async Task RoadmapPdf_Spanish_SaysItInSpanishWithItsAccents()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Correr la maratón con mi cuñada", purpose = "Por la salud de los dos" }));
        await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Correr diez kilómetros", dueDate = "2025-05-01", estimateHours = 10 });

        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/roadmap.pdf?asOf={AsOf}&lang=es", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var pdf = await ReadAsync(response);
        var text = pdf.Text;
        Assert.Contains("Correr la maratón con mi cuñada", text, StringComparison.Ordinal);
        Assert.Contains("2 · Qué tan lejos estás", text, StringComparison.Ordinal);
        Assert.Contains("Puntuación de la receta:", text, StringComparison.Ordinal);
        Assert.Contains("Traza tu mapa", text, StringComparison.Ordinal);
        Assert.Contains("añade un hito", text, StringComparison.Ordinal);
        Assert.Contains("Siguiente paso: Correr diez kilómetros", text, StringComparison.Ordinal);
        Assert.Contains("Hito Fecha límite Fin previsto Estado", text, StringComparison.Ordinal);
        Assert.Contains(Day("2025-05-01", Spanish), pdf.Lines.Single(l => l.StartsWith("Correr diez kilómetros", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("Recipe score", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoadmapPdf_Portuguese_SaysItInPortugueseWithItsAccents()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Correr a maratona com minha irmã", purpose = "Pela saúde das duas" }));
        await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Correr dez quilômetros", dueDate = "2025-05-01", estimateHours = 10 });

        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/roadmap.pdf?asOf={AsOf}&lang=pt-BR", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var pdf = await ReadAsync(response);
        var text = pdf.Text;
        Assert.Contains("Correr a maratona com minha irmã", text, StringComparison.Ordinal);
        Assert.Contains("2 · A distância que falta", text, StringComparison.Ordinal);
        Assert.Contains("Pontuação da receita:", text, StringComparison.Ordinal);
        Assert.Contains("Trace seu roteiro", text, StringComparison.Ordinal);
        Assert.Contains("Próximo passo: Correr dez quilômetros", text, StringComparison.Ordinal);
        Assert.Contains("Marco Prazo Término previsto Situação", text, StringComparison.Ordinal);
        Assert.Contains("01/05/2025", pdf.Lines.Single(l => l.StartsWith("Correr dez quilômetros", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("Recipe score", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoadmapPdf_NoLang_SpeaksTheCallersLanguage()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Aprender a nadar" }));
        using var english = await user.Api.GetAsync($"/api/v1/goals/{goal}/roadmap.pdf", Cancellation);
        using (var patched = await user.Api.PatchJsonAsync("/api/v1/me", new { language = "es" }))
        {
            await patched.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var spanish = await user.Api.GetAsync($"/api/v1/goals/{goal}/roadmap.pdf", Cancellation);

        Assert.Contains("Recipe score:", (await ReadAsync(english)).Text, StringComparison.Ordinal);
        Assert.Contains("Puntuación de la receta:", (await ReadAsync(spanish)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoadmapPdf_FortyMilestonesWithLongTitles_FitsOnePageAndNamesEveryOne()
    {
        var user = await app.CreateUserAsync();
        var longTitle = string.Concat(Enumerable.Repeat("A very long goal title that goes on ", 6))[..200];
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = longTitle,
            purpose = string.Concat(Enumerable.Repeat("Because it matters, more than words can say. ", 200)),
            startDate = "2025-01-01",
            targetDate = "2025-12-31",
            weeklyCapacityHours = 5,
            measure = new { unit = "pages", start = 0, target = 300 },
        }));
        for (var i = 1; i <= 40; i++)
        {
            var title = $"M{i:00} " + string.Concat(Enumerable.Repeat("draft, revise and polish the chapter ", 6));
            await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = title[..200], dueDate = $"2025-{(i % 12) + 1:00}-15", estimateHours = 6 });
        }
        for (var i = 1; i <= 12; i++)
        {
            await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = $"Skill {i:00} " + new string('s', 150), level = 1, targetLevel = 4 });
        }

        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/roadmap.pdf?asOf={AsOf}", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var pdf = await ReadAsync(response);
        Assert.Equal(1, pdf.Pages);
        Assert.Contains("A very long goal title", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("…", pdf.Text, StringComparison.Ordinal);
        Assert.Equal(40, pdf.Distinct(MilestoneNumber()) + pdf.AndMore);
        pdf.AssertInsideMargins();
    }

    [Theory]
    [InlineData("lang=xx", "lang")]
    [InlineData("lang=english", "lang")]
    [InlineData("asOf=2025-02-30", "asOf")]
    [InlineData("asOf=3000-01-01", "asOf")]
    public async Task RoadmapPdf_BadQuery_Returns400NamingIt(string query, string field)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Read more" }));

        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/roadmap.pdf?{query}", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task RoadmapPdf_ViewerReadsIt_StrangerFindsNothing()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Shared thesis", purpose = "Together" }));
        var invitation = await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = viewer.Email, role = "viewer" });
        using (var accepted = await viewer.Api.PostAsync($"/api/v1/invitations/{Id(invitation)}/accept", null, Cancellation))
        {
            await accepted.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var read = await viewer.Api.GetAsync($"/api/v1/goals/{goal}/roadmap.pdf", Cancellation);
        using var refused = await stranger.Api.GetAsync($"/api/v1/goals/{goal}/roadmap.pdf", Cancellation);

        await read.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Shared thesis", (await ReadAsync(read)).Text, StringComparison.Ordinal);
        await refused.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("en", "Download PDF")]
    [InlineData("es", "Descargar PDF")]
    public async Task GoalPage_LinksToThePdfOfTheDayShownInItsLanguage(string language, string link)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Print me" }));
        using var browser = new PageBrowser(app, language);
        await browser.SignInAsync(user);

        var (status, html) = await browser.GetAsync($"/goals/{goal}?asOf={AsOf}");
        using var pdf = await browser.GetMessageAsync($"/api/v1/goals/{goal}/roadmap.pdf?asOf={AsOf}&lang={language}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<a href=\"/api/v1/goals/{goal}/roadmap.pdf?asOf={AsOf}&amp;lang={language}\" type=\"application/pdf\">{link}</a>", html, StringComparison.Ordinal);
        await pdf.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A thesis measured in pages with two milestones, the first late at 7 hours a week, a skill, and no work yet.</summary>
    private static async Task<(string Goal, string Late, string Later)> CreateThesisAsync(TestUser user)
    {
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Finish the thesis",
            purpose = "To become a doctor of letters",
            startDate = "2025-01-01",
            targetDate = "2025-04-11",
            weeklyCapacityHours = 7,
            measure = new { unit = "pages", start = 0, target = 100, aggregation = "sum" },
        }));
        for (var day = 1; day <= 20; day++)
        {
            await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = $"2025-02-{day:00}", value = day % 3 == 0 ? 2 : 1 });
        }
        var late = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Write chapter one", dueDate = "2025-03-10", estimateHours = 40 }));
        var later = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Defend the thesis", dueDate = "2025-06-01", estimateHours = 2, dependsOn = new[] { late } }));
        await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Academic writing", level = 2, targetLevel = 4 });
        return (goal, late, later);
    }

    private static string ProjectedFinish(JsonElement roadmap, string milestone) =>
        roadmap.GetProperty("items").EnumerateArray().Single(i => Id(i) == milestone).GetProperty("projectedFinish").GetString()!;

    private static string Day(string isoDate, CultureInfo culture) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d", culture);

    private static async Task<PdfText> ReadAsync(HttpResponseMessage response)
    {
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return PdfText.Read(await response.Content.ReadAsByteArrayAsync(Cancellation));
    }

    [GeneratedRegex(@"\bM\d\d\b")]
    private static partial Regex MilestoneNumber();
}

/// <summary>The renderer alone, on views made here: the page holds whatever they hold, and quickly.</summary>
public sealed partial class RoadmapPdfDrawingTests(SqliteApp app)
{
    private static readonly DateOnly Today = new(2025, 3, 1);

    [Fact]
    public void Draw_FortyMilestones_RendersWellUnder200Milliseconds()
    {
        var content = Content(milestones: 40, skills: 10);
        var texts = app.Services.GetRequiredService<IStringLocalizerFactory>();
        RoadmapPdf.Draw(content, texts, CultureInfo.GetCultureInfo("en"), RecetaApp.StartInstant);

        var times = new List<double>();
        byte[] pdf = [];
        for (var i = 0; i < 15; i++)
        {
            var watch = Stopwatch.StartNew();
            pdf = RoadmapPdf.Draw(content, texts, CultureInfo.GetCultureInfo("en"), RecetaApp.StartInstant);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var median = times.Order().ElementAt(times.Count / 2);
        TestContext.Current.TestOutputHelper?.WriteLine($"40 milestones, 10 skills: median {median:F1} ms, fastest {times.Min():F1} ms, {pdf.Length:N0} bytes.");
        // The fastest draw is the one least slowed by the other suites sharing the machine's cores.
        Assert.True(times.Min() < 200, $"The page took at least {times.Min():F1} ms (median {median:F1} ms of {times.Count}).");
        Assert.Equal(1, PdfText.Read(pdf).Pages);
    }

    [Theory]
    [InlineData(300, 5)]
    [InlineData(3, 400)]
    [InlineData(250, 250)]
    public void Draw_MoreThanAPageHolds_CutsTheTablesAndSaysHowManyMore(int milestones, int skills)
    {
        var texts = app.Services.GetRequiredService<IStringLocalizerFactory>();

        var pdf = PdfText.Read(RoadmapPdf.Draw(Content(milestones, skills), texts, CultureInfo.GetCultureInfo("en"), RecetaApp.StartInstant));

        Assert.Equal(1, pdf.Pages);
        Assert.Equal(milestones + skills, pdf.Distinct(Numbered()) + pdf.AndMore);
        Assert.True(pdf.AndMore > 0);
        Assert.Contains("Recipe score: 3 of 6", pdf.Text, StringComparison.Ordinal);
        pdf.AssertInsideMargins();
    }

    private static RoadmapPdfContent Content(int milestones, int skills)
    {
        var items = Enumerable.Range(1, milestones).Select(i => new RoadmapItem(
            Guid.NewGuid(), $"M{i:000} " + new string('x', 180), MilestoneStatus.Todo, Today.AddDays(i * 3), 6,
            Today.AddDays(i * 4), Today.AddDays((i * 4) + 3), Late: i % 3 == 0, [], null, 6, null, [], null)).ToList();
        var progress = new ProgressReport(Today, 35, 0, 100, 65, 35, false, 40, -5, -4, 0.9, 1.1, Today.AddDays(72),
            new Forecast(Today.AddDays(70), Today.AddDays(95)), ProgressStatus.Behind, 0.5, 32.5, Today.AddDays(60), 0.42);
        return new RoadmapPdfContent(
            "Finish the thesis", "To become a doctor of letters", Today, Today.AddDays(60), 7,
            new Measure("pages", 0, 100, Aggregation.Sum), progress,
            new RoadmapResponse(items.FirstOrDefault()?.Id, Today.AddDays(milestones * 4), items),
            new ReadinessResponse(40, [.. Enumerable.Range(1, skills).Select(i => new SkillResponse(Guid.NewGuid(), $"S{i:000} skill", 1, 3, 2, [], null))]),
            new RecipeResponse(3, [.. Enum.GetValues<Ingredient>().Select(i => new IngredientResponse(i, i < Ingredient.Preparation, null))]));
    }

    [GeneratedRegex(@"\b[MS]\d\d\d\b")]
    private static partial Regex Numbered();
}

/// <summary>A PDF's pages and the text of its first page, line by line (the words on one baseline, left to right).</summary>
internal sealed partial class PdfText
{
    private PdfText(int pages, IReadOnlyList<string> lines, IReadOnlyList<Letter> letters, double width, double height)
    {
        Pages = pages;
        Lines = lines;
        Letters = letters;
        Width = width;
        Height = height;
    }

    public int Pages { get; }

    public IReadOnlyList<string> Lines { get; }

    public string Text => string.Join('\n', Lines);

    /// <summary>The rows the tables left out, as their "… and N more" lines say.</summary>
    public int AndMore => Lines.Select(l => AndMoreLine().Match(l)).Where(m => m.Success).Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private IReadOnlyList<Letter> Letters { get; }

    private double Width { get; }

    private double Height { get; }

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var lines = page.GetWords()
            .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))
            .ToList();
        return new PdfText(document.NumberOfPages, lines, [.. page.Letters], page.Width, page.Height);
    }

    /// <summary>How many different texts match: a milestone named in the next step and in its row counts once.</summary>
    public int Distinct(Regex pattern) => Lines.SelectMany(l => pattern.Matches(l).Select(m => m.Value)).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Nothing runs off the page: every glyph lies inside the page, a little more than its margins inside.</summary>
    public void AssertInsideMargins()
    {
        const double margin = 36;
        var outside = Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)
            && (l.BoundingBox.Left < margin || l.BoundingBox.Right > Width - margin
                || l.BoundingBox.Bottom < margin || l.BoundingBox.Top > Height - margin)).ToList();
        Assert.True(outside.Count == 0, $"{outside.Count} glyphs outside the margins, the first '{outside.FirstOrDefault()?.Value}' at {outside.FirstOrDefault()?.BoundingBox}.");
    }

    [GeneratedRegex(@"… and (\d+) more")]
    private static partial Regex AndMoreLine();
}

public sealed class RoadmapPdfTests_Sqlite(SqliteApp app) : RoadmapPdfTests(app);

public sealed class RoadmapPdfTests_Postgres(PostgresApp app) : RoadmapPdfTests(app);
