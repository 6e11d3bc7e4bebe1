using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Nudges;

/// <summary>
/// Saves a nudge's delivery record with its email (and what else the sweep changed) in one
/// transaction. The record's key is the nudge's (user, kind, item, local date): when another node
/// saved the same one first, the save fails on it, nothing of this one is kept, and false says so.
/// </summary>
public static partial class NudgeRecords
{
    public static async Task<bool> SaveOnceAsync(RecetaDbContext db, ILogger logger, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException exception) when (!DatabaseOutage.IsOutage(exception))
        {
            db.ChangeTracker.Clear();
            LogRaced(logger, kind);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A {Kind} nudge was recorded by another node first")]
    private static partial void LogRaced(ILogger logger, string kind);
}
