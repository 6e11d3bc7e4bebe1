namespace Receta.Cli.Local;

/// <summary>An id and the title (or name) people call it by.</summary>
public sealed record NamedItem(string Id, string Title);

/// <summary>
/// The titles last seen per list (goals, a goal's habits, milestones, skills), keyed by the list's
/// API path, so that <c>receta log "marathon" 5</c> still finds its goal while the server is
/// unreachable, and shell completion can offer titles without a request.
/// </summary>
public sealed record NameCache(Dictionary<string, List<NamedItem>> Lists)
{
    public static string PathIn(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Path.Combine(environment.StateFolder, "names.json");
    }

    public static NameCache Load(CliEnvironment environment) =>
        LocalFiles.ReadJson(PathIn(environment), CliJsonContext.Default.NameCache) ?? new NameCache(new Dictionary<string, List<NamedItem>>(StringComparer.Ordinal));

    /// <summary>Stores <paramref name="items"/> as the list at <paramref name="listPath"/>, unless it is already so.</summary>
    public static void Remember(CliEnvironment environment, string listPath, IReadOnlyList<NamedItem> items)
    {
        var cache = Load(environment);
        if (cache.Lists.TryGetValue(listPath, out var known) && known.SequenceEqual(items))
        {
            return;
        }
        cache.Lists[listPath] = [.. items];
        LocalFiles.WriteJson(PathIn(environment), cache, CliJsonContext.Default.NameCache);
    }
}
