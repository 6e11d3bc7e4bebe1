namespace Receta.Web.Features.Work;

public static class WorkSessionResponses
{
    public static WorkSessionResponse From(Data.Goals.WorkSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(session.Id, session.Date, session.Minutes, session.Note, session.MilestoneId, session.SkillId, session.CreatedAt);
    }
}
