using System.Net;
using System.Text;
using System.Text.Json;
using Receta.Testing;
using Receta.Web.Tests.Circle;
using static Receta.Web.Tests.Goals.GoalTests;
using static Receta.Web.Tests.Importing.ImportApi;

namespace Receta.Web.Tests.Importing;

/// <summary>The rules every import keeps (connections.md §1), shown with an entries CSV.</summary>
public abstract class ImportTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly object Reading = new
    {
        title = "Read 12 books",
        startDate = "2025-01-01",
        targetDate = "2025-12-31",
        measure = new { unit = "books", start = 0, target = 12, aggregation = "sum" },
    };

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static readonly byte[] ThreeEntries = Csv("date,value,note\n2025-01-05,1,\"Dune, at last\"\n2025-01-20,2,\n2025-02-01,0.5,half of \"Emma\"\n");

    [Fact]
    public async Task EntriesCsv_IntoAGoal_CreatesEveryRowWithItsNote()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));

        var import = await ImportAsync(user, ThreeEntries, "books.csv", "entries-csv", goal);

        AssertSucceeded(import);
        Assert.Equal((3, 0), (Created(import, "entries"), Skipped(import, "duplicates")));
        Assert.Equal((3, 3), (import.GetProperty("progress").GetProperty("done").GetInt64(), import.GetProperty("progress").GetProperty("total").GetInt64()));
        Assert.Equal("books.csv", import.GetProperty("fileName").GetString());
        Assert.Equal(
            [("2025-01-05", 1.0, "Dune, at last"), ("2025-01-20", 2.0, null), ("2025-02-01", 0.5, "half of \"Emma\"")],
            await EntriesAsync(user, goal));
        var progress = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-02-01");
        Assert.Equal(3.5, progress.GetProperty("current").GetDouble());
    }

    [Fact]
    public async Task EntriesCsv_ImportedAgain_CreatesNothingAndCountsEveryRowADuplicate()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));
        await ImportAsync(user, ThreeEntries, "books.csv", "entries-csv", goal);

        var again = await ImportAsync(user, ThreeEntries, "books.csv", "entries-csv", goal);

        AssertSucceeded(again);
        Assert.Equal((0, 3), (Created(again, "entries"), Skipped(again, "duplicates")));
        Assert.Equal(3, (await EntriesAsync(user, goal)).Count);
    }

    [Fact]
    public async Task EntriesCsv_ARowChanged_ComesInAsANewEntryBesideTheOthers()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));
        await ImportAsync(user, ThreeEntries, "books.csv", "entries-csv", goal);

        var changed = await ImportAsync(user, Csv("date,value,note\n2025-01-05,1,\"Dune, at last\"\n2025-01-20,3,\n"), "books.csv", "entries-csv", goal);

        Assert.Equal((1, 1), (Created(changed, "entries"), Skipped(changed, "duplicates")));
        Assert.Equal(4, (await EntriesAsync(user, goal)).Count);
    }

    [Fact]
    public async Task DryRun_AnswersWhatWouldComeInAndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));

        var dry = await ImportAsync(user, ThreeEntries, "books.csv", "entries-csv", goal, dryRun: true);

        AssertSucceeded(dry);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(3, Created(dry, "entries"));
        Assert.Empty(await EntriesAsync(user, goal));
        // The real import afterwards still finds every row new.
        Assert.Equal(3, Created(await ImportAsync(user, ThreeEntries, "books.csv", "entries-csv", goal), "entries"));
    }

    [Fact]
    public async Task EntriesCsv_WithBadRows_FailsNamingLineAndFieldAndLeavesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));
        var file = Csv("date,value\n2025-01-05,1\n2025-13-01,2\n2025-01-07,many\n1899-12-31,1\n2025-01-08,2e12\n");

        var import = await ImportAsync(user, file, "books.csv", "entries-csv", goal);

        Assert.Equal("failed", import.GetProperty("status").GetString());
        Assert.Equal(
            ["entries.csv, line 3, date", "entries.csv, line 4, value", "entries.csv, line 5, date", "entries.csv, line 6, value"],
            import.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("where").GetString()!).ToList());
        Assert.Equal(0, Created(import, "entries"));
        Assert.Empty(await EntriesAsync(user, goal));
    }

    [Fact]
    public async Task Import_WithoutFormat_TellsAnEntriesCsvByItsHeader()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));

        var import = await ImportAsync(user, ThreeEntries, "export.csv", goalId: goal);

        Assert.Equal("entries-csv", import.GetProperty("format").GetString());
        Assert.Equal(3, Created(import, "entries"));
    }

    [Theory]
    [InlineData("no idea what this is", null, null, "format")]
    [InlineData("date,value\n2025-01-01,1\n", "entries-csv", null, "goalId")]
    [InlineData("date,value\n2025-01-01,1\n", "excel", "goal", "format")]
    [InlineData("date,value\n2025-01-01,1\n", "entries-csv", "not-a-goal-id", "goalId")]
    [InlineData("", "entries-csv", "goal", "file")]
    public async Task Import_Invalid_Returns400NamingTheFieldAndRecordsNothing(string file, string? format, string? goalId, string field)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));
        using var form = Form(Csv(file), "file.csv", format, goalId == "goal" ? goal : goalId);

        using var response = await user.Api.PostAsync("/api/v1/imports", form, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty((await GetJsonAsync(user, "/api/v1/imports")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Import_NotAMultipartForm_Returns415()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/imports", new { file = "date,value" });

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Import_LargerThan200MiB_Returns413AndRecordsNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));
        using var form = new MultipartFormDataContent();
        // Streamed with no declared length, so the server can only find out by counting.
        form.Add(new StreamContent(new ZeroStream(200L * 1024 * 1024 + 1)), "file", "huge.csv");
        form.Add(new StringContent(goal), "goalId");
        form.Add(new StringContent("entries-csv"), "format");
        form.Headers.ContentLength = null;

        using var response = await user.Api.PostAsync("/api/v1/imports", form, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await GetJsonAsync(user, "/api/v1/imports")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Import_IntoAGoalTheCallerCannotSee_Returns404()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, Reading));
        using var form = Form(ThreeEntries, "books.csv", "entries-csv", goal);

        using var response = await stranger.Api.PostAsync("/api/v1/imports", form, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await EntriesAsync(owner, goal));
    }

    [Fact]
    public async Task Import_IntoASharedGoal_IsForbiddenToAViewerAndAllowedToAPartner()
    {
        var circle = await CircleSetup.CreateAsync(app);
        var goal = (await circle.CreateSharedGoalAsync())["goalId"];
        using var form = Form(Csv("date,value\n2025-03-01,4\n"), "km.csv", "entries-csv", goal);

        using var refused = await circle.As("viewer").Api.PostAsync("/api/v1/imports", form, Cancellation);
        var import = await ImportAsync(circle.As("partner"), Csv("date,value\n2025-03-01,4\n"), "km.csv", "entries-csv", goal);

        await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, Created(import, "entries"));
        Assert.Contains(("2025-03-01", 4.0, (string?)null), await EntriesAsync(circle.Owner, goal));
    }

    [Fact]
    public async Task GetImport_OfAnotherAccount_Returns404AndTheListHoldsOnlyTheCallers()
    {
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));
        var first = await ImportAsync(user, ThreeEntries, "first.csv", "entries-csv", goal);
        var second = await ImportAsync(user, ThreeEntries, "second.csv", "entries-csv", goal);

        using var response = await other.Api.GetAsync($"/api/v1/imports/{Id(first)}", Cancellation);
        var list = await GetJsonAsync(user, "/api/v1/imports");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(new[] { Id(first), Id(second) }.Order(StringComparer.Ordinal), list.GetProperty("items").EnumerateArray().Select(Id).Order(StringComparer.Ordinal));
        Assert.Empty((await GetJsonAsync(other, "/api/v1/imports")).GetProperty("items").EnumerateArray());
    }

    // An import speaks the language of the request that started it: its errors and warnings are stored so.

    [Fact]
    public async Task Import_StartedInSpanish_ReportsItsErrorsInSpanish()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));
        var file = Csv("date,value\n2025-01-05,1\n2025-13-01,2\n1899-12-31,1\n");

        var import = await ImportAsync(user, file, "libros.csv", "entries-csv", goal, language: "es-MX,es;q=0.9");

        Assert.Equal("failed", import.GetProperty("status").GetString());
        Assert.Equal(
            [
                ("entries.csv, línea 3, date", "'2025-13-01' no es una fecha de la forma AAAA-MM-DD."),
                ("entries.csv, línea 4, date", "La fecha 1899-12-31 está fuera de 1900–2999."),
            ],
            Errors(import));
    }

    [Fact]
    public async Task Import_StartedInSpanish_ReportsItsWarningsInSpanishWithSpanishNumbers()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));
        var file = Csv($"date,value,note\n2025-01-05,1,{new string('n', 10_001)}\n");

        var import = await ImportAsync(user, file, "libros.csv", "entries-csv", goal, language: "es");

        AssertSucceeded(import);
        Assert.Equal(["Las notas de más de 10.000 caracteres se cortaron a 10.000."], Warnings(import));
    }

    [Fact]
    public async Task Import_StartedInSpanish_SaysInSpanishWhatTheReaderAndTheWriterLeftOut()
    {
        var user = await app.CreateUserAsync();
        var file = Csv("""
            [{"start": "20250313T090000Z", "end": "20250313T100000Z", "tags": ["no goal"]},
             {"start": "20250314T090000Z", "tags": ["no goal"]}]
            """);

        var import = await ImportAsync(user, file, "timew.json", "timewarrior-json", language: "es");

        AssertSucceeded(import);
        Assert.Equal(
            ["Intervalos de Timewarrior en curso (aún sin detener) (1 vez)", "Intervalos de Timewarrior sin ninguna etiqueta que nombre una de tus metas (1 vez)"],
            Warnings(import));
    }

    [Fact]
    public async Task Import_WithoutALanguage_ReportsInEnglish()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Reading));

        var import = await ImportAsync(user, Csv("date,value\n2025-13-01,2\n"), "books.csv", "entries-csv", goal);

        Assert.Equal([("entries.csv, line 2, date", "'2025-13-01' is not a date of the form YYYY-MM-DD.")], Errors(import));
    }

    [Fact]
    public async Task Import_RefusedAtTheUploadInSpanish_SaysWhyInSpanish()
    {
        var user = await app.CreateUserAsync();
        using var form = Form(Csv("not a zip"), "loop.zip", "loop-csv");

        using var response = await PostAsync(user, form, "es");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        Assert.Equal(
            "archivo: El archivo no es un zip; la opción \"Export as CSV\" de Loop crea uno.",
            problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }

    private static async Task<List<(string Date, double? Value, string? Note)>> EntriesAsync(TestUser user, string goal) =>
        [.. (await GetJsonAsync(user, $"/api/v1/goals/{goal}/entries?limit=1000")).GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("date").GetString()!,
                e.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : e.GetProperty("value").GetDouble(),
                e.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null))
            .OrderBy(e => e.Item1, StringComparer.Ordinal)];

    /// <summary>A stream of zero bytes of a given length, never held in memory.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, n);
            position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class ImportTests_Sqlite(SqliteApp app) : ImportTests(app);

public sealed class ImportTests_Postgres(PostgresApp app) : ImportTests(app);
