using System.Globalization;
using Microsoft.Playwright;

namespace Receta.EndToEnd.Tests;

/// <summary>
/// Issue 4's "done": someone who has never seen Receta signs up on a phone, in Spanish, follows the
/// whole recipe for a goal of their own through the pages alone, and brings in a cheerleader.
/// </summary>
public sealed class FirstGoalInSpanishTests(WebUi ui)
{
    private const string Spanish = "es-ES";

    [Fact]
    public async Task SignUpOnAPhone_FollowEveryIngredientInSpanish_TheRecipeScoresSixOfSix()
    {
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var email = $"lupe-{stamp}@example.com";
        var page = await ui.NewPageAsync(WebUi.PhoneWidth, Spanish);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Sign up: the page speaks the browser's language.
        await page.GotoAsync("/signup");
        await page.GetByLabel("Tu nombre").FillAsync("Lupe");
        await page.GetByLabel("Correo electrónico").FillAsync(email);
        await page.GetByLabel("Contraseña", new() { Exact = true }).FillAsync($"maíz azul del valle {stamp}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear cuenta" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tus metas" })).ToBeVisibleAsync();

        // 1. A purpose, with a measure.
        await page.GetByLabel("¿Qué quieres lograr?").FillAsync("Terminar la carrera de ingeniería");
        await page.GetByLabel("Mídela en (opcional)").FillAsync("créditos");
        await page.GetByLabel("Objetivo (opcional)").FillAsync("240");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear meta" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Terminar la carrera de ingeniería" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/goals/", StringComparison.Ordinal));

        await page.GetByText("Editar la meta").ClickAsync();
        var goal = page.Locator("#goal-edit-form");
        await goal.GetByLabel("Por qué importa (propósito)").FillAsync("Ser la primera de mi familia con un título universitario.");
        await goal.GetByLabel("Fecha meta").FillAsync(Day(today.AddYears(3)));
        await goal.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ser la primera de mi familia con un título universitario.").First).ToBeVisibleAsync();

        // 2. Where I stand.
        var entry = page.Locator("#entry-form");
        await entry.GetByLabel("Valor (créditos)").FillAsync("30");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=current]")).ToHaveTextAsync("30 créditos");

        // 3. A roadmap: two milestones, the second waiting for the first.
        await AddMilestoneAsync(page, "Aprobar Cálculo I", today.AddMonths(4), dependsOn: null);
        await AddMilestoneAsync(page, "Aprobar Cálculo II", today.AddMonths(10), dependsOn: "Aprobar Cálculo I");
        var second = page.Locator(".milestone", new() { HasText = "Aprobar Cálculo II" });
        await Assertions.Expect(second.Locator("dt:text-is('Esperando a') + dd")).ToHaveTextAsync("Aprobar Cálculo I");

        // 4. Preparation: a skill to learn.
        var skill = page.Locator("#skill-form");
        await skill.GetByLabel("Habilidad").FillAsync("Programación");
        await skill.GetByLabel("Nivel actual (de 0 a 5)").FillAsync("1");
        await skill.GetByLabel("Nivel necesario (de 0 a 5)").FillAsync("4");
        await skill.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Assertions.Expect(page.Locator("#preparation")).ToContainTextAsync("Programación");

        // 5. Work hard: a habit, ticked today.
        var habit = page.Locator("#add-habit-form");
        await habit.GetByLabel("Hábito").FillAsync("Estudiar dos horas");
        await habit.GetByLabel("Veces").FillAsync("5");
        await habit.GetByLabel("En cuántos días").FillAsync("7");
        await habit.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Marcar «Estudiar dos horas» hoy" }).ClickAsync();
        await Assertions.Expect(page.Locator("#work .habit", new() { HasText = "Estudiar dos horas" })).ToContainTextAsync("Hecho hoy");

        // 6. Perseverance: a failed attempt with its lesson, then the next attempt.
        await RecordAttemptAsync(page, "Examen de admisión", "Esta vez no", "Me faltó tiempo en matemáticas.", "Practicar exámenes con reloj.");
        await RecordAttemptAsync(page, "Examen de admisión, segunda vez", "Pendiente", feedback: null, lesson: null);
        var failed = page.Locator(".attempt", new() { HasText = "Examen de admisión" }).First;
        await Assertions.Expect(failed.GetByText("Intento 1", new() { Exact = true })).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByText("Puntuación de la receta: 6 de 6")).ToBeVisibleAsync();

        // The circle: a cheerleader, invited from the page, cheers.
        var friendUser = await ui.App.CreateUserAsync(displayName: "Adela");
        var invite = page.Locator("#invite-form");
        await invite.GetByLabel("Correo electrónico").FillAsync(friendUser.Email);
        await invite.GetByLabel("Papel").SelectOptionAsync(new SelectOptionValue { Label = "Animador" });
        await invite.GetByRole(AriaRole.Button, new() { Name = "Enviar la invitación" }).ClickAsync();
        var goalPath = new Uri(page.Url).AbsolutePath;

        var friend = await ui.NewPageAsync(WebUi.PhoneWidth, Spanish);
        await WebUi.SignInAsyncInSpanish(friend, friendUser);
        await friend.GotoAsync($"/invitations/{await Journeys.InvitationSentToAsync(ui.App, friendUser.Email)}");
        await friend.GetByRole(AriaRole.Button, new() { Name = "Aceptar la invitación" }).ClickAsync();
        await friend.WaitForURLAsync(url => new Uri(url).AbsolutePath == goalPath);
        var cheer = friend.Locator("#cheer-form");
        await cheer.GetByLabel("Un ánimo o un comentario").FillAsync("¡Tú puedes, Lupe!");
        await cheer.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).ClickAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".cheers li", new() { HasText = "¡Tú puedes, Lupe!" })).ToContainTextAsync("Adela");
        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The goal page scrolls sideways at 360 px.");
    }

    private static async Task AddMilestoneAsync(IPage page, string title, DateOnly due, string? dependsOn)
    {
        var milestone = page.Locator("#milestone-form");
        await milestone.GetByLabel("Hito").FillAsync(title);
        await milestone.GetByLabel("Fecha límite").FillAsync(Day(due));
        if (dependsOn is not null)
        {
            await milestone.GetByLabel("Depende de").SelectOptionAsync(new SelectOptionValue { Label = dependsOn });
        }
        await milestone.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Assertions.Expect(page.Locator(".milestone .milestone-title", new() { HasTextString = title })).ToHaveCountAsync(1);
    }

    private static async Task RecordAttemptAsync(IPage page, string title, string outcome, string? feedback, string? lesson)
    {
        var attempt = page.Locator("#attempt-form");
        await attempt.GetByLabel("Intento").FillAsync(title);
        await attempt.GetByLabel("Resultado").SelectOptionAsync(new SelectOptionValue { Label = outcome });
        if (feedback is not null)
        {
            await attempt.GetByLabel("Comentarios recibidos:").FillAsync(feedback);
        }
        if (lesson is not null)
        {
            await attempt.GetByLabel("Lección:").FillAsync(lesson);
        }
        await attempt.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Assertions.Expect(page.Locator(".attempt", new() { HasTextString = title }).First).ToBeVisibleAsync();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
