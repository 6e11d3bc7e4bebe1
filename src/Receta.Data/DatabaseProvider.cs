namespace Receta.Data;

/// <summary>Which database the app runs on: <c>Database:Provider</c> in configuration.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
