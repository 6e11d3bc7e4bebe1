using Receta.Data.Goals;

namespace Receta.Web.Features.Work;

public sealed record WorkSessionResponse(Guid Id, DateOnly Date, int Minutes, string? Note, Guid? MilestoneId, Guid? SkillId, DateTimeOffset CreatedAt)
{
    public static WorkSessionResponse From(WorkSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(session.Id, session.Date, session.Minutes, session.Note, session.MilestoneId, session.SkillId, session.CreatedAt);
    }
}
