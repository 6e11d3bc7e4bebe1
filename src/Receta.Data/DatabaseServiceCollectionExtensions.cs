using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Receta.Data.Sharding;

namespace Receta.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/receta.db";

    /// <summary>
    /// Registers <see cref="RecetaDbContext"/> on the provider named by <c>Database:Provider</c>
    /// (<c>sqlite</c> by default, or <c>postgres</c>) with the connection string <c>ConnectionStrings:Receta</c>,
    /// and the migrations set of that provider. The save interceptors registered as
    /// <see cref="ISaveChangesInterceptor"/> (the host's webhook outbox) join every context, with the
    /// one that writes the routes to owners (<see cref="RouteWriter"/>).
    /// </summary>
    public static IServiceCollection AddRecetaDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = ReadProvider(configuration);
        var connectionString = ReadConnectionString(configuration);

        // Off in production: the check costs a look at each statement, and what it proves is proved by the tests.
        IInterceptor[] commandChecks = configuration.GetValue<bool>("Database:RequireOwnerFilter") ? [new OwnerFilterInterceptor()] : [];
        var routeWriter = new RouteWriter();
        services.AddDbContextPool<RecetaDbContext>((appServices, options) =>
        {
            options.AddInterceptors(appServices.GetServices<ISaveChangesInterceptor>());
            options.AddInterceptors(routeWriter);
            options.AddInterceptors(commandChecks);
            UseProvider(options, provider, connectionString);
        });
        // Made by the container, so that it closes their connections when the app stops.
        services.AddSingleton(_ => new ReadContexts(provider, connectionString, commandChecks));
        services.AddSingleton<OwnerRoutes>();
        return services;
    }

    /// <summary>The provider and migrations set of <paramref name="provider"/>, for every context of the app.</summary>
    internal static void UseProvider(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(AutoPrepared(connectionString), npgsql => npgsql.MigrationsAssembly("Receta.Data.Postgres"));
                break;
            default:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("Receta.Data.Sqlite"));
                break;
        }
    }

    /// <summary>
    /// Npgsql prepares, on each connection, the statements run most often there (parsed and planned
    /// once instead of at every read; docs/adr/0013), unless the connection string chooses otherwise.
    /// A migration that changes a table's columns invalidates them, so nodes restart after one, as a
    /// deploy does anyway.
    /// </summary>
    private static string AutoPrepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    /// <summary>The connection string the context uses, for a component that opens its own connections (the scheduler).</summary>
    public static string ReadConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString("Receta");
        return ReadProvider(configuration) == DatabaseProvider.Postgres
            ? connectionString ?? throw new InvalidOperationException("ConnectionStrings:Receta is required when Database:Provider is postgres.")
            : PrepareSqlite(connectionString ?? DefaultSqliteConnectionString);
    }

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["Database:Provider"];
        return name?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException(
                $"Database:Provider '{name}' is not supported; use 'sqlite' or 'postgres'."),
        };
    }

    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }
}
