using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>The caller's own account: read it, and change the display name, time zone, language or theme.</summary>
public static class MyAccount
{
    public static async Task<Outcome<AccountResponse>> GetAsync(CurrentUser user, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user.Id);
        return account is null ? Failure.NotFound("account") : AccountResponses.From(account);
    }

    public static async Task<Outcome<AccountResponse>> UpdateAsync(
        CurrentUser user, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == user.Id);
        if (account is null)
        {
            return Failure.NotFound("account");
        }
        var merged = JsonMergePatch.Apply(new AccountFields(account.DisplayName, account.TimeZone, account.Language, account.Theme), patch, json);
        if (merged.Failure is { } failure)
        {
            return failure;
        }
        var errors = new RequestErrors();
        var displayName = errors.Title(merged.Value!.DisplayName, "displayName");
        if (merged.Value.TimeZone is null)
        {
            errors.Add("timeZone", "'timeZone' is required.");
        }
        var timeZone = AccountRules.TimeZone(merged.Value.TimeZone, errors);
        var language = merged.Value.Language;
        if (language is not null && !Localization.SupportedCultures.Any(c => c.Name == language))
        {
            errors.Add("language", $"'language' must be one of: {string.Join(", ", Localization.SupportedCultures.Select(c => c.Name))}.");
        }
        var theme = merged.Value.Theme;
        if (theme is not null && Themes.Known(theme) is null)
        {
            errors.Add("theme", $"'theme' must be one of: {string.Join(", ", Themes.Names)}, or null for the device's.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        account.DisplayName = displayName;
        account.Theme = theme;
        account.TimeZone = timeZone;
        account.Language = language;
        await db.SaveChangesAsync();
        return AccountResponses.From(account);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", async (CurrentUser user, RecetaDbContext db) => (await GetAsync(user, db)).ToOk())
            .WithTags("Accounts")
            .Produces<AccountResponse>()
            .WithName("GetMyAccount")
            .WithDescription("The caller's account: display name, time zone, language and the pages' theme.");
        api.MapPatch("/me", async (CurrentUser user, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await UpdateAsync(user, patch, db, json.Value.SerializerOptions)).ToOk())
            .WithTags("Accounts")
            .Produces<AccountResponse>()
            .AcceptsMergePatch<AccountFields>()
            .WithName("UpdateMyAccount")
            .WithDescription("Changes the display name, time zone (IANA), language (en, es, pt-BR) or theme (light, dark, or null for the device's) with a JSON merge patch.");
    }
}
