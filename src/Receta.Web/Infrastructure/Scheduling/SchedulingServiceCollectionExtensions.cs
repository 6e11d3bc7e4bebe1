using Microsoft.Data.Sqlite;
using Quartz;
using Receta.Data;
using Receta.Data.Scheduling;

namespace Receta.Web.Infrastructure.Scheduling;

/// <summary>
/// Background work runs on Quartz.NET over the app's own database (its tables come with the
/// migrations): a persistent, clustered job store, so that of several nodes on one PostgreSQL one
/// runs each firing, and a node that dies mid-job has it taken over. On SQLite the store is the
/// same but not clustered: SQLite is one node's database (Quartz refuses to cluster on it, as its
/// locks are in process there).
/// </summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// <c>Scheduler:Enabled</c> (true unless configured): false starts no scheduler on this node, for
    /// a node that only answers requests (the jobs run on the others) and for tests of something else.
    /// </summary>
    public static IServiceCollection AddRecetaScheduler(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<RecurringJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(jobs);
        var connectionString = DatabaseServiceCollectionExtensions.ReadConnectionString(configuration);
        var postgres = DatabaseServiceCollectionExtensions.ReadProvider(configuration) == DatabaseProvider.Postgres;
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "Receta";
                scheduler.GenerateInstanceId = true;
            });
            quartz.UseDefaultThreadPool(4);
            quartz.UsePersistentStore(store =>
            {
                if (postgres)
                {
                    store.UsePostgres(connectionString);
                    // A node that stops checking in for 20 seconds is presumed dead: another takes its running jobs over.
                    store.UseClustering(cluster => cluster.CheckinInterval = TimeSpan.FromSeconds(10));
                }
                else
                {
                    // Quartz opens its own connections: cascades on (its triggers' rows), and a wait for the write lock the app may hold.
                    store.UseSqlite(new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 30 }.ToString());
                }
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = QuartzSchema.TablePrefix;
                    // The migrations create the tables; a node whose schema differs refuses to start rather than fail later.
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                    // A firing that a stop made miss is run once when a node is back, not once per missed interval.
                    options.MisfireThreshold = TimeSpan.FromMinutes(1);
                });
            });
            foreach (var job in jobs)
            {
                job.AddTo(quartz);
            }
        });
        if (configuration.GetValue("Scheduler:Enabled", true))
        {
            services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }
        return services;
    }
}

/// <summary>A job that fires on a fixed interval, whichever node's scheduler takes the firing.</summary>
public sealed record RecurringJob(Type JobType, string Name, TimeSpan Every)
{
    public JobKey Key => new(Name, "receta");

    public static RecurringJob Of<TJob>(string name, TimeSpan every)
        where TJob : IJob => new(typeof(TJob), name, every);

    internal void AddTo(IQuartzBuilder quartz)
    {
        quartz.AddJob(JobType, job => job.WithIdentity(Key).StoreDurably().DisallowConcurrentExecution());
        quartz.AddTrigger(trigger => trigger
            .ForJob(Key)
            .WithIdentity(Name, "receta")
            .WithSimpleSchedule(schedule => schedule.WithInterval(Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
    }
}
