using Receta.Testing;

// One app per database provider for the whole assembly: starting one (migrations, and a PostgreSQL
// cluster) costs seconds, so suites share them and isolate by creating their own users.
//
// "Same suite, both providers": each suite is an abstract class taking a RecetaApp, with its facts
// written once, and two sealed subclasses at the bottom of its file that only pick the fixture:
//
//     public sealed class AccountTests_Sqlite(SqliteApp app) : AccountTests(app);
//     public sealed class AccountTests_Postgres(PostgresApp app) : AccountTests(app);
//
// xunit runs every inherited fact once per subclass, and reports name the provider. A fact true of
// one provider only goes in that subclass.
[assembly: AssemblyFixture(typeof(SqliteApp))]
[assembly: AssemblyFixture(typeof(PostgresApp))]
