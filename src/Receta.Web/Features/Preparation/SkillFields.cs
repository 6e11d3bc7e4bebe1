using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Preparation;

/// <summary>The writable fields of a skill: levels are whole numbers from 0 to 5.</summary>
public sealed record SkillFields(string? Name, int? Level, int? TargetLevel, IReadOnlyList<ResourceFields>? Resources = null)
    : IWritableFields<Skill, SkillFields>
{
    public const int MaxLevel = 5;
    public const int MaxResources = 100;

    public static SkillFields From(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return new(skill.Name, skill.Level, skill.TargetLevel,
            skill.Resources.Select(r => new ResourceFields(r.Title, r.Url, r.Done)).ToList());
    }

    public Failure? TryApplyTo(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        var errors = new RequestErrors();
        var name = errors.Title(Name, "name");
        var level = errors.WholeNumber(Level, "level", 0, MaxLevel);
        var targetLevel = errors.WholeNumber(TargetLevel, "targetLevel", 0, MaxLevel);
        var resources = Resources ?? [];
        if (resources.Count > MaxResources)
        {
            errors.Add("resources", $"A skill has at most {MaxResources} resources.");
        }
        var read = resources.Select((r, i) => r.Read(errors, $"resources[{i}]")).ToList();
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        skill.Name = name;
        skill.Level = level;
        skill.TargetLevel = targetLevel;
        skill.Resources = read;
        return null;
    }
}

public sealed record ResourceFields(string? Title, string? Url = null, bool? Done = null)
{
    public SkillResource Read(RequestErrors errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var title = errors.Title(Title, $"{field}.title");
        var url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim();
        if (url is not null && (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{field}.url", $"'{field}.url' must be an http or https address.");
        }
        return new SkillResource { Title = title, Url = url, Done = Done ?? false };
    }
}
