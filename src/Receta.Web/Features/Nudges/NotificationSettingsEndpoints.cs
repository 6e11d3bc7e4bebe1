using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Nudges;

/// <summary>The caller's notification settings (connections.md §4): read them, and change them with a merge patch.</summary>
public static class NotificationSettingsEndpoints
{
    public static async Task<Outcome<NotificationSettingsResponse>> GetAsync(CurrentUser user, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        return NotificationRules.Response(await NotificationSettingsStore.LoadAsync(db, user.Id));
    }

    public static async Task<Outcome<NotificationSettingsResponse>> UpdateAsync(
        CurrentUser user, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var settings = await NotificationSettingsStore.LoadAsync(db, user.Id);
        var merged = JsonMergePatch.Apply(NotificationRules.Fields(settings), patch, json);
        if (merged.Failure is { } invalid)
        {
            return invalid;
        }
        if (merged.Value!.TryApplyTo(settings) is { } failure)
        {
            return failure;
        }
        await NotificationSettingsStore.SaveAsync(db, settings, clock);
        return NotificationRules.Response(settings);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/notifications", async (CurrentUser user, RecetaDbContext db) => (await GetAsync(user, db)).ToOk())
            .WithTags("Nudges")
            .Produces<NotificationSettingsResponse>()
            .WithName("GetNotificationSettings")
            .WithDescription("Which emails the caller receives: habit reminders, risk alerts and their threshold, the weekly digest, the circle's digest and news, and quiet hours.");
        api.MapPatch("/me/notifications", async (CurrentUser user, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json, TimeProvider clock) =>
                (await UpdateAsync(user, patch, db, json.Value.SerializerOptions, clock)).ToOk())
            .WithTags("Nudges")
            .Produces<NotificationSettingsResponse>()
            .AcceptsMergePatch<NotificationSettingsFields>()
            .WithName("UpdateNotificationSettings")
            .WithDescription("Changes the notification settings with a JSON merge patch; `digest` or `quietHours` null turns it off.");
    }
}
