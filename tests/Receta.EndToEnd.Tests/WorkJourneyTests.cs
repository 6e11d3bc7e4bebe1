using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Receta.EndToEnd.Tests;

/// <summary>The work section in Chromium: a habit ticked and unticked, a work session logged and deleted.</summary>
public sealed partial class WorkJourneyTests(WebUi ui)
{
    [Fact]
    public async Task Habit_TickThenUntickToday_IsBackToNotDone()
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync($"/goals/{goal}");
        var habit = page.Locator(".habit", new() { HasText = "Go for a run" });

        await habit.GetByRole(AriaRole.Button, new() { Name = "Tick “Go for a run” for today" }).ClickAsync();
        await Assertions.Expect(habit.GetByText("Done today")).ToBeVisibleAsync();
        await Assertions.Expect(habit.Locator("meter")).Not.ToHaveAttributeAsync("value", "0");

        await habit.GetByRole(AriaRole.Button, new() { NameRegex = UntickGoForARun() }).ClickAsync();
        await Assertions.Expect(habit.GetByRole(AriaRole.Button, new() { Name = "Tick “Go for a run” for today" })).ToBeVisibleAsync();
        await Assertions.Expect(habit.GetByText("Done today")).ToHaveCountAsync(0);
        await Assertions.Expect(habit.Locator("meter")).ToHaveAttributeAsync("value", "0");
    }

    [Fact]
    public async Task WorkSession_LogThenDelete_LeavesTheLogEmpty()
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync($"/goals/{goal}");

        var form = page.Locator("#work-form");
        await form.GetByLabel("Minutes").FillAsync("45");
        await form.GetByLabel("Note").FillAsync("Intervals");
        await form.GetByLabel("Milestone it served (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Run 10 km without stopping" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var row = page.Locator(".work-log tbody tr", new() { HasText = "Intervals" });
        await Assertions.Expect(row).ToContainTextAsync("for “Run 10 km without stopping”");

        await row.Locator("summary").ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { NameRegex = DeleteTheSession() }).ClickAsync();
        await Assertions.Expect(page.GetByText("No work logged in these weeks.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".work-log")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("^Untick “Go for a run” on ")]
    private static partial Regex UntickGoForARun();

    [GeneratedRegex(@"^Delete the session of .+ \(45 minutes\)$")]
    private static partial Regex DeleteTheSession();
}
