using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Nudges;

namespace Receta.Web.Features.Nudges;

/// <summary>An account's notification settings as stored, or the defaults (no row until they are changed).</summary>
public static class NotificationSettingsStore
{
    /// <summary>One account's settings, tracked, to be changed and saved with <see cref="SaveAsync"/>.</summary>
    public static async Task<NotificationSettings> LoadAsync(RecetaDbContext db, Guid userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken) ?? new NotificationSettings { UserId = userId };
    }

    /// <summary>The settings of many accounts at once, for reading: one query, the defaults for those without a row.</summary>
    public static async Task<Func<Guid, NotificationSettings>> LoadForAsync(RecetaDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(userIds);
        var stored = userIds.Count == 0 ? new Dictionary<Guid, NotificationSettings>() : await db.NotificationSettings.AsNoTracking().Where(s => userIds.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
        return userId => stored.GetValueOrDefault(userId) ?? new NotificationSettings { UserId = userId };
    }

    /// <summary>Saves settings changed in place, adding the row the first time.</summary>
    public static async Task SaveAsync(RecetaDbContext db, NotificationSettings settings, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        settings.UpdatedAt = clock.GetUtcNow();
        if (db.Entry(settings).State == EntityState.Detached)
        {
            db.NotificationSettings.Add(settings);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
