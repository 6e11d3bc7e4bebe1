using Receta.Core.Preparation;
using Receta.Data.Goals;

namespace Receta.Web.Features.Preparation;

public static class SkillResponses
{
    public static SkillResponse From(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return new(skill.Id, skill.Name, skill.Level, skill.TargetLevel, new SkillLevel(skill.Level, skill.TargetLevel).Gap,
            skill.Resources.Select(r => new ResourceResponse(r.Title, r.Url, r.Done)).ToList(), skill.FromAttemptId);
    }
}
