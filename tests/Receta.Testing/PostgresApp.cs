using Receta.Data;

namespace Receta.Testing;

/// <summary>
/// The app on PostgreSQL, shared by a test assembly: <c>[assembly: AssemblyFixture(typeof(PostgresApp))]</c>.
/// It owns the assembly's one <see cref="PostgresServer"/> (xunit cannot hand one assembly fixture to
/// another); other apps in the assembly reach it through <see cref="RecetaApp.Postgres"/>.
/// </summary>
public sealed class PostgresApp() : RecetaApp(DatabaseProvider.Postgres);
