using Receta.Data.Goals;
using Receta.Web.Features.Perseverance;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Preparation;

/// <summary>The rules of a skill's writable fields: read from a stored one, validated and written back.</summary>
public static class SkillRules
{
    public const int MaxLevel = ApiLimits.MaxSkillLevel;
    public const int MaxResources = ApiLimits.MaxResources;

    public static SkillFields From(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return new(skill.Name, skill.Level, skill.TargetLevel,
            skill.Resources.Select(r => new ResourceFields(r.Title, r.Url, r.Done)).ToList(), skill.FromAttemptId?.ToString());
    }

    /// <summary>
    /// Validates the fields and writes them onto <paramref name="skill"/> when valid;
    /// <paramref name="attempts"/> are the goal's attempts, the only ones it may apply the lesson of.
    /// </summary>
    public static Failure? TryApplyTo(this SkillFields fields, Skill skill, IReadOnlySet<Guid> attempts)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(skill);
        var errors = new RequestErrors();
        var name = errors.Title(fields.Name, "name");
        var level = errors.WholeNumber(fields.Level, "level", 0, MaxLevel);
        var targetLevel = errors.WholeNumber(fields.TargetLevel, "targetLevel", 0, MaxLevel);
        var resources = fields.Resources ?? [];
        if (resources.Count > MaxResources)
        {
            errors.Add("resources", $"A skill has at most {MaxResources} resources.");
        }
        var read = resources.Select((r, i) => r.Read(errors, $"resources[{i}]")).ToList();
        var fromAttempt = errors.FromAttempt(fields.FromAttemptId, attempts);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        skill.Name = name;
        skill.Level = level;
        skill.TargetLevel = targetLevel;
        skill.Resources = read;
        skill.FromAttemptId = fromAttempt;
        return null;
    }

    private static SkillResource Read(this ResourceFields resource, RequestErrors errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var title = errors.Title(resource.Title, $"{field}.title");
        var url = string.IsNullOrWhiteSpace(resource.Url) ? null : resource.Url.Trim();
        if (url is not null && (url.Length > ApiLimits.MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{field}.url", $"'{field}.url' must be an http or https address.");
        }
        return new SkillResource { Title = title, Url = url, Done = resource.Done ?? false };
    }
}
