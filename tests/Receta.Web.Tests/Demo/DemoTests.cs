using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Features.Demo;
using Receta.Web.Infrastructure;
using Receta.Web.Tests.Pages;
using Receta.Testing;

namespace Receta.Web.Tests.Demo;

/// <summary>What a new user explores first: José's journey, seeded on an empty database.</summary>
public sealed class DemoTests : IAsyncLifetime
{
    private readonly RecetaApp _app = new(DatabaseProvider.Sqlite) { Demo = true };

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Demo_EmptyDatabase_HoldsJosesJourneyWithEveryIngredient()
    {
        using var client = _app.CreateApiClient();
        using var token = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = "demo@receta.example", password = "apollo-17-dreamer", name = "demo" });
        await token.AssertStatusAsync(HttpStatusCode.Created);
        using var demo = _app.CreateApiClient((await token.ReadJsonAsync()).GetProperty("token").GetString());

        var goal = (await GetAsync(demo, "/api/v1/goals")).GetProperty("items").EnumerateArray().Single();
        var id = goal.GetProperty("id").GetString();
        var attempts = await GetAsync(demo, $"/api/v1/goals/{id}/attempts");
        var roadmap = await GetAsync(demo, $"/api/v1/goals/{id}/roadmap");
        var readiness = await GetAsync(demo, $"/api/v1/goals/{id}/readiness");
        var habits = await GetAsync(demo, $"/api/v1/goals/{id}/habits?asOf=2004-05-01");
        var progress = await GetAsync(demo, $"/api/v1/goals/{id}/progress");
        var lookBack = await GetAsync(demo, $"/api/v1/goals/{id}/recipe?asOf=2002-10-01");

        Assert.Equal("Become a NASA astronaut", goal.GetProperty("title").GetString());
        Assert.Contains("Apollo 17", goal.GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.Equal(12, attempts.GetProperty("total").GetInt32());
        Assert.Equal(11, attempts.GetProperty("failed").GetInt32());
        Assert.Equal(12, attempts.GetProperty("attemptsToFirstSuccess").GetInt32());
        Assert.All(attempts.GetProperty("items").EnumerateArray(),
            a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("lesson").GetString())));
        // The pilot's license, scuba and Russian: each of those rejections' lessons became a milestone and a skill.
        Assert.Equal(JoseJourney.LessonsApplied.Select(l => l.Year).Distinct().Count(), attempts.GetProperty("lessonsApplied").GetInt32());
        Assert.Equal(3, attempts.GetProperty("lessonsApplied").GetInt32());
        var russian = attempts.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("date").GetString() == "2001-07-01");
        Assert.Equal(["milestone", "skill"], russian.GetProperty("appliedIn").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));
        // A year between most applications (365 or 366 days), three after 1998 and 1,040 before the selection.
        Assert.Equal(365, attempts.GetProperty("medianComebackDays").GetDouble());
        Assert.Equal(7, roadmap.GetProperty("items").GetArrayLength());
        Assert.Equal(5, readiness.GetProperty("items").GetArrayLength());
        Assert.NotEqual(0, habits.GetProperty("items")[0].GetProperty("currentStreak").GetInt32());
        Assert.True(progress.GetProperty("achieved").GetBoolean());
        Assert.Equal(5000, progress.GetProperty("current").GetDouble(), 6);
        Assert.Equal(6, lookBack.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Demo_EmptyDatabase_HasAnAccountPerLanguageHoldingTheJourneyInIt()
    {
        var titles = new Dictionary<string, string>
        {
            ["en"] = "Become a NASA astronaut",
            ["es"] = "Ser astronauta de la NASA",
            ["pt-BR"] = "Ser astronauta da NASA",
        };

        Assert.Equal(Localization.SupportedCultures.Select(c => c.Name).Order(StringComparer.Ordinal), DemoSeeding.Accounts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["demo@receta.example", "demo.es@receta.example", "demo.pt@receta.example"],
            Localization.SupportedCultures.Select(c => DemoSeeding.Accounts[c.Name]));
        foreach (var culture in Localization.SupportedCultures)
        {
            using var client = _app.CreateApiClient();
            using var token = await client.PostJsonAsync("/api/v1/auth/tokens",
                new { email = DemoSeeding.Accounts[culture.Name], password = DemoSeeding.Password, name = "demo" });
            await token.AssertStatusAsync(HttpStatusCode.Created);
            using var demo = _app.CreateApiClient((await token.ReadJsonAsync()).GetProperty("token").GetString());

            var me = await GetAsync(demo, "/api/v1/me");
            var goal = (await GetAsync(demo, "/api/v1/goals")).GetProperty("items").EnumerateArray().Single();

            Assert.Equal("José Hernández", me.GetProperty("displayName").GetString());
            // The English demo names no language, as before: it reads in the browser's.
            Assert.Equal(culture.Name == "en" ? null : culture.Name,
                me.TryGetProperty("language", out var language) && language.ValueKind == JsonValueKind.String ? language.GetString() : null);
            Assert.Equal(titles[culture.Name], goal.GetProperty("title").GetString());
            Assert.Contains("Apollo 17", goal.GetProperty("purpose").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_InEachLanguage_IsThatLanguagesTextsOnTheEnglishJourneysStructure()
    {
        var english = await JourneyAsync(DemoSeeding.Email);

        foreach (var culture in Localization.SupportedCultures)
        {
            var journey = await JourneyAsync(DemoSeeding.Accounts[culture.Name]);
            var texts = ResourceTexts(culture);
            var title = texts["Application.Title"].Split("{0}");

            // Every text a person reads is that language's resource text, none left in English…
            Assert.All(journey.Texts(), text => Assert.True(texts.ContainsValue(text), $"'{text}' is not a text of JoseJourney.{culture.Name}.resx."));
            Assert.All(journey.Attempts, a => Assert.True(a.Title.StartsWith(title[0], StringComparison.Ordinal) && a.Title.EndsWith(title[1], StringComparison.Ordinal), a.Title));
            if (culture.Name != "en")
            {
                Assert.NotEqual(english.Goal.Title, journey.Goal.Title);
                Assert.NotEqual(english.Goal.MeasureUnit, journey.Goal.MeasureUnit);
                Assert.Empty(journey.Attempts.Select(a => a.Lesson).Intersect(english.Attempts.Select(a => a.Lesson)));
            }
            // …on the same journey: as many entries, milestones, skills, habits and attempts, on the same dates.
            Assert.NotEmpty(journey.Entries);
            Assert.Equal(english.Shape(), journey.Shape());
        }
    }

    [Fact]
    public async Task SignInPage_InEachLanguage_OffersThatLanguagesDemoWhichThenReadsInIt()
    {
        foreach (var (language, email) in new[]
        {
            ("en", "demo@receta.example"), ("es", "demo.es@receta.example"), ("pt-BR", "demo.pt@receta.example"),
            ("es-MX", "demo.es@receta.example"), ("pt-PT", "demo.pt@receta.example"), ("fr", "demo@receta.example"),
        })
        {
            using var page = new PageBrowser(_app, language);
            var (status, html) = await page.GetAsync("/signin");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(email, html, StringComparison.Ordinal);
            Assert.All(DemoSeeding.Accounts.Values.Where(other => other != email), other => Assert.DoesNotContain(other, html, StringComparison.Ordinal));
        }

        // A Spanish visitor signs in with the demo the page offers, and reads José's journey in Spanish.
        using var browser = new PageBrowser(_app, "es");
        var (_, signIn) = await browser.GetAsync("/signin");
        var posted = await browser.SubmitAsync("/signin", signIn, "signin",
            ("Form.Email", "demo.es@receta.example"), ("Form.Password", DemoSeeding.Password));
        var (dashboardStatus, dashboard) = await browser.GetAsync("/");

        Assert.Contains("Prueba la demostración", WebUtility.HtmlDecode(signIn), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(HttpStatusCode.OK, dashboardStatus);
        Assert.Contains("<html lang=\"es\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("Ser astronauta de la NASA", dashboard, StringComparison.Ordinal);

        // The account's language is applied on signing in: from an English browser too.
        using var english = new PageBrowser(_app, "en");
        var (_, englishSignIn) = await english.GetAsync("/signin");
        await english.SubmitAsync("/signin", englishSignIn, "signin",
            ("Form.Email", "demo.pt@receta.example"), ("Form.Password", DemoSeeding.Password));
        var (_, portuguese) = await english.GetAsync("/");

        Assert.Contains("<html lang=\"pt-BR\"", portuguese, StringComparison.Ordinal);
        Assert.Contains("Ser astronauta da NASA", portuguese, StringComparison.Ordinal);
    }

    /// <summary>The texts of <c>JoseJourney.resx</c> in that language alone, no fallback to English (but for English, the neutral file).</summary>
    private static Dictionary<string, string> ResourceTexts(CultureInfo culture)
    {
        var texts = new ResourceManager("Receta.Web.Resources.Features.Demo.JoseJourney", typeof(JoseJourney).Assembly)
            .GetResourceSet(culture.Name == "en" ? CultureInfo.InvariantCulture : culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"JoseJourney has no resources in {culture.Name}.");
        return texts.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    /// <summary>The demo account's journey as the database holds it.</summary>
    private async Task<Journey> JourneyAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        var cancellation = TestContext.Current.CancellationToken;
        var owner = (await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, cancellation)).Id;
        return new Journey(
            await db.Goals.AsNoTracking().SingleAsync(g => g.OwnerId == owner, cancellation),
            await db.Entries.AsNoTracking().Where(e => e.OwnerId == owner).OrderBy(e => e.Sequence).ToListAsync(cancellation),
            await db.Milestones.AsNoTracking().Where(m => m.OwnerId == owner).OrderBy(m => m.Sequence).ToListAsync(cancellation),
            await db.Skills.AsNoTracking().Where(s => s.OwnerId == owner).OrderBy(s => s.Sequence).ToListAsync(cancellation),
            await db.WorkSessions.AsNoTracking().Where(w => w.OwnerId == owner).OrderBy(w => w.Sequence).ToListAsync(cancellation),
            await db.Habits.AsNoTracking().Where(h => h.OwnerId == owner).OrderBy(h => h.Sequence).ToListAsync(cancellation),
            await db.HabitChecks.AsNoTracking().CountAsync(c => c.OwnerId == owner, cancellation),
            await db.Attempts.AsNoTracking().Where(a => a.OwnerId == owner).OrderBy(a => a.Sequence).ToListAsync(cancellation));
    }

    private sealed record Journey(Goal Goal, List<Entry> Entries, List<Milestone> Milestones, List<Skill> Skills,
        List<WorkSession> Work, List<Habit> Habits, int HabitChecks, List<Attempt> Attempts)
    {
        /// <summary>Every text of the journey a person reads, but the attempts' titles (a text with the year filled in).</summary>
        public IEnumerable<string> Texts() =>
            new[] { Goal.Title, Goal.Purpose, Goal.MeasureUnit }
                .Concat(Entries.Select(e => e.Note))
                .Concat(Milestones.Select(m => m.Title))
                .Concat(Skills.SelectMany(s => s.Resources.Select(r => r.Title).Prepend(s.Name)))
                .Concat(Work.Select(w => w.Note))
                .Concat(Habits.Select(h => h.Title))
                .Concat(Attempts.SelectMany(a => new[] { a.Feedback, a.Lesson }))
                .OfType<string>()
                .Distinct();

        /// <summary>All of the journey but its texts, in the order it was written, as one line per item.</summary>
        public List<string> Shape() =>
        [
            Invariant($"goal {Goal.StartDate} {Goal.TargetDate} {Goal.Status} {Goal.MeasureTarget} {Goal.WeeklyCapacityHours} {Goal.Version}"),
            .. Entries.Select(e => Invariant($"entry {e.Date} {e.Value} {e.Note is null}")),
            .. Milestones.Select(m => Invariant($"milestone {m.DueDate} {m.CompletedOn} {m.Status} {m.EstimateHours} {m.TargetValue} {m.DependsOn.Count} {m.FromAttemptId is null}")),
            .. Skills.Select(s => Invariant($"skill {s.Level} {s.TargetLevel} {string.Join(",", s.Resources.Select(r => r.Done))} {s.FromAttemptId is null}")),
            .. Work.Select(w => Invariant($"work {w.Date} {w.Minutes} {Milestones.FindIndex(m => m.Id == w.MilestoneId)} {Skills.FindIndex(s => s.Id == w.SkillId)}")),
            .. Habits.Select(h => Invariant($"habit {h.Times} {h.PerDays}")),
            Invariant($"habit checks {HabitChecks}"),
            .. Attempts.Select(a => Invariant($"attempt {a.Date} {a.Outcome} {Milestones.Count(m => m.FromAttemptId == a.Id)} {Skills.Count(s => s.FromAttemptId == a.Id)}")),
        ];

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }
}
