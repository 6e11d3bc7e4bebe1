namespace Receta.Cli.Local;

/// <summary><c>$XDG_CONFIG_HOME/receta/config.json</c> (mode 0600), with <c>RECETA_SERVER</c> and <c>RECETA_TOKEN</c> over it.</summary>
public sealed class ConfigFile(CliEnvironment environment)
{
    public string Path { get; } = System.IO.Path.Combine(environment.ConfigFolder, "config.json");

    /// <summary>What is stored, as stored (no environment applied).</summary>
    public CliConfig Stored => LocalFiles.ReadJson(Path, CliJsonContext.Default.CliConfig) ?? new CliConfig(null, null);

    /// <summary>What to use: the stored config with the environment's server and token over it.</summary>
    public CliConfig Effective()
    {
        var stored = Stored;
        var server = environment.Variable("RECETA_SERVER");
        var token = environment.Variable("RECETA_TOKEN");
        return stored with
        {
            Server = server ?? stored.Server,
            Token = token ?? stored.Token,
            // A token from the environment is not the stored one: its id is unknown here.
            TokenId = token is null ? stored.TokenId : null,
        };
    }

    public void Save(CliConfig config) => LocalFiles.WriteJson(Path, config, CliJsonContext.Default.CliConfig);

    public void Delete() => File.Delete(Path);
}
