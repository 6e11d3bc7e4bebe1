using Receta.Core.Preparation;
using Receta.Data.Goals;

namespace Receta.Web.Features.Preparation;

public sealed record SkillResponse(Guid Id, string Name, int Level, int TargetLevel, int Gap, IReadOnlyList<ResourceResponse> Resources)
{
    public static SkillResponse From(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return new(skill.Id, skill.Name, skill.Level, skill.TargetLevel, new SkillLevel(skill.Level, skill.TargetLevel).Gap,
            skill.Resources.Select(r => new ResourceResponse(r.Title, r.Url, r.Done)).ToList());
    }
}

public sealed record ResourceResponse(string Title, string? Url, bool Done);
