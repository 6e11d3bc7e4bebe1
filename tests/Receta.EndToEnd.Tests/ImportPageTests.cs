using System.Text;
using Microsoft.Playwright;

namespace Receta.EndToEnd.Tests;

/// <summary>The import page in Chromium: a file uploaded, the dry run's summary, the confirmation, the goal it made.</summary>
public sealed class ImportPageTests(WebUi ui)
{
    // Two tasks as Taskwarrior's `task export` writes them with rc.json.array=0: one object per line.
    private static readonly byte[] Tasks = Encoding.UTF8.GetBytes(
        """
        {"id":1,"description":"Book the venue","due":"20250409T220000Z","entry":"20250301T081402Z","modified":"20250301T081402Z","project":"Wedding","status":"pending","uuid":"29511555-d227-452f-a193-ee229ecc2830","urgency":8.2}
        {"id":2,"description":"Send the invitations","entry":"20250301T081430Z","modified":"20250301T081430Z","project":"Wedding","status":"pending","uuid":"8bf9ee70-48a1-474b-8556-7bf2a6c03fc5","depends":["29511555-d227-452f-a193-ee229ecc2830"],"urgency":1.9}
        {"id":0,"description":"Old idea","end":"20250302T100000Z","entry":"20250301T090000Z","modified":"20250302T100000Z","status":"deleted","uuid":"7ab94ed2-b791-4627-bb46-cb7257af002d","urgency":0}

        """);

    [Fact]
    public async Task Upload_DryRunThenConfirm_ShowsWhatWouldComeInThenMakesTheGoal()
    {
        var user = await ui.App.CreateUserAsync("Europe/Madrid");
        var page = await ui.NewPageAsync(WebUi.PhoneWidth);
        await WebUi.SignInAsync(page, user);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import and export" }).ClickAsync();

        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "tasks.json", MimeType = "application/json", Buffer = Tasks });
        await Assertions.Expect(page.GetByLabel("First show me what would come in, and change nothing")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What would come in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Milestones 2" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Left out on purpose (see the warnings) 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Warnings" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Import it" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What came in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Goals 1" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "See your goals" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Wedding" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import and export" }).ClickAsync();
        await Assertions.Expect(page.Locator("main li", new() { HasText = "tasks.json" })).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Upload_AFileOfNoKnownFormat_SaysSoOnThePage()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync("/imports");

        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("just some notes") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Receta could not tell the file's format: choose it.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No import yet.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Upload_AZipThatIsNoLoopExport_SaysWhyOnThePageAndRecordsNothing()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync("/imports");
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await archive.CreateEntry("holiday.txt").OpenAsync(TestContext.Current.CancellationToken);
            await entry.WriteAsync(Encoding.UTF8.GetBytes("photos"), TestContext.Current.CancellationToken);
        }

        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "holiday.zip", MimeType = "application/zip", Buffer = zip.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Receta cannot import this file:")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No import yet.")).ToBeVisibleAsync();
    }
}
