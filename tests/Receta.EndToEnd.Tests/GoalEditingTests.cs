using System.Net;
using Microsoft.Playwright;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>Editing what a goal holds in Chromium: each item opens its own edit form in place, and saving shows the change.</summary>
public sealed class GoalEditingTests(WebUi ui)
{
    [Fact]
    public async Task GoalPage_EditAMilestoneAndASkill_ShowsTheChanges()
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync($"/goals/{goal}");

        var milestone = page.Locator(".milestone", new() { HasText = "Run 10 km without stopping" });
        await milestone.Locator("details.item-edit:not(.item-delete) > summary").ClickAsync();
        var milestoneForm = milestone.Locator("details.item-edit form").First;
        await milestoneForm.GetByLabel("Milestone").FillAsync("Run 12 km without stopping");
        await milestoneForm.GetByLabel("Estimate (hours)").FillAsync("15");
        await milestoneForm.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Done" });
        await milestoneForm.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var edited = page.Locator(".milestone", new() { HasText = "Run 12 km without stopping" });
        await Assertions.Expect(edited.Locator(".badge-done")).ToHaveTextAsync("Done");
        await Assertions.Expect(page.Locator(".milestone", new() { HasText = "Run 10 km without stopping" })).ToHaveCountAsync(0);

        var add = page.Locator("#skill-form");
        await add.GetByLabel("Skill", new() { Exact = true }).FillAsync("Pacing");
        await add.GetByLabel("Level now (0 to 5)").FillAsync("1");
        await add.GetByLabel("Level needed (0 to 5)").FillAsync("4");
        await add.GetByLabel("Title (a course, a book, a coach)").FillAsync("Pace chart");
        await add.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var skill = page.Locator(".skill", new() { HasText = "Pacing" });
        await Assertions.Expect(skill.Locator(".skill-level")).ToHaveTextAsync("level 1 of 4");

        await skill.Locator("details.item-edit:not(.item-delete) > summary").ClickAsync();
        var skillForm = skill.Locator("details.item-edit form").First;
        await skillForm.GetByLabel("Level now (0 to 5)").FillAsync("2");
        await skillForm.GetByRole(AriaRole.Group, new() { Name = "Resource 1" }).GetByLabel("Done with it").CheckAsync();
        await skillForm.GetByRole(AriaRole.Group, new() { Name = "Add a resource" }).GetByLabel("Title (a course, a book, a coach)").FillAsync("Tempo runs");
        await skillForm.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var saved = page.Locator(".skill", new() { HasText = "Pacing" });
        await Assertions.Expect(saved.Locator(".skill-level")).ToHaveTextAsync("level 2 of 4");
        await Assertions.Expect(saved.Locator(".resource", new() { HasText = "Pace chart" }).Locator(".badge-done")).ToHaveTextAsync("Done");
        await Assertions.Expect(saved.Locator(".resource", new() { HasText = "Tempo runs" })).ToBeVisibleAsync();

        // Deleting asks first: the button that deletes is behind a second "Delete…" disclosure in the edit panel.
        await saved.Locator("details.item-edit:not(.item-delete) > summary").ClickAsync();
        var confirm = saved.GetByRole(AriaRole.Button, new() { Name = "Yes, delete “Pacing”" });
        await Assertions.Expect(confirm).ToBeHiddenAsync();
        await saved.Locator("details.item-delete > summary").ClickAsync();
        await confirm.ClickAsync();
        await Assertions.Expect(page.Locator(".skill", new() { HasText = "Pacing" })).ToHaveCountAsync(0);
    }
}
