using Receta.Data;
using Receta.Testing;

// The app once per provider for the whole assembly, served on real Kestrel: the command line
// talks to it over a socket, as it would to any server. Suites are abstract classes taking a
// RecetaApp, with a sealed subclass per provider at the bottom of each file (see Receta.Web.Tests).
[assembly: AssemblyFixture(typeof(Receta.Cli.Tests.KestrelSqliteApp))]
[assembly: AssemblyFixture(typeof(Receta.Cli.Tests.KestrelPostgresApp))]

namespace Receta.Cli.Tests;

public sealed class KestrelSqliteApp() : RecetaApp(DatabaseProvider.Sqlite, useKestrel: true);

public sealed class KestrelPostgresApp() : RecetaApp(DatabaseProvider.Postgres, useKestrel: true);
