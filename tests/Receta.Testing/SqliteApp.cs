using Receta.Data;

namespace Receta.Testing;

/// <summary>The app on SQLite, shared by a test assembly: <c>[assembly: AssemblyFixture(typeof(SqliteApp))]</c>.</summary>
public sealed class SqliteApp() : RecetaApp(DatabaseProvider.Sqlite);
