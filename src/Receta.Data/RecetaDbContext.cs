using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Receta.Data.Accounts;
using Receta.Data.Circle;
using Receta.Data.Goals;
using Receta.Data.Importing;
using Receta.Data.Nudges;
using Receta.Data.Sharding;
using Receta.Data.Webhooks;

namespace Receta.Data;

/// <summary>
/// The one database context. Every table under a goal is keyed by (OwnerId, Id) so that the schema
/// can be distributed by owner (e.g. Citus) without changing its keys.
/// </summary>
public sealed class RecetaDbContext(DbContextOptions<RecetaDbContext> options)
    : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<CircleMember> CircleMembers => Set<CircleMember>();
    public DbSet<Cheer> Cheers => Set<Cheer>();
    public DbSet<Suggestion> Suggestions => Set<Suggestion>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<WorkSession> WorkSessions => Set<WorkSession>();
    public DbSet<Habit> Habits => Set<Habit>();
    public DbSet<HabitCheck> HabitChecks => Set<HabitCheck>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<GoalBreak> GoalBreaks => Set<GoalBreak>();
    public DbSet<HabitSkip> HabitSkips => Set<HabitSkip>();
    public DbSet<ImportJob> Imports => Set<ImportJob>();
    public DbSet<HabitReminder> HabitReminders => Set<HabitReminder>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<NudgeDelivery> NudgeDeliveries => Set<NudgeDelivery>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<GoalWatch> GoalWatches => Set<GoalWatch>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookMessage> WebhookMessages => Set<WebhookMessage>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<IdRoute> IdRoutes => Set<IdRoute>();
    public DbSet<SecretRoute> SecretRoutes => Set<SecretRoute>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<User>(user =>
        {
            user.ToTable("Users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.TimeZone).HasMaxLength(100);
            user.Property(u => u.Language).HasMaxLength(10);
            user.Property(u => u.Theme).HasMaxLength(10);
            user.Property(u => u.GoalSequence).IsConcurrencyToken();
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("UserLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("UserTokens");

        builder.Entity<AccessToken>(token =>
        {
            token.HasKey(t => new { t.UserId, t.Id });
            token.HasIndex(t => t.SecretHash).IsUnique();
            token.Property(t => t.Name).HasMaxLength(200);
            token.Property(t => t.Scope).HasConversion<string>().HasMaxLength(16);
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CalendarFeed>(feed =>
        {
            feed.HasKey(f => f.UserId);
            feed.HasIndex(f => f.SecretHash).IsUnique();
            feed.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<UserSession>(session =>
        {
            session.HasKey(x => new { x.UserId, x.Id });
            session.HasIndex(x => x.Id);
            session.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RecoveryCode>(code =>
        {
            code.HasKey(x => new { x.UserId, x.Id });
            code.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEvent>(audit =>
        {
            audit.HasKey(x => new { x.UserId, x.Id });
            audit.HasIndex(x => new { x.UserId, x.At });
            audit.Property(x => x.Action).HasMaxLength(64);
            audit.Property(x => x.Detail).HasMaxLength(1000);
            audit.Property(x => x.IpAddress).HasMaxLength(64);
            audit.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IdempotentRequest>(request =>
        {
            // The primary key is the unique (account, key) index that lets one of two concurrent requests reserve a key.
            request.HasKey(x => new { x.UserId, x.Key });
            request.HasIndex(x => x.CreatedAt);
            request.Property(x => x.Key).HasMaxLength(IdempotentRequest.MaxKeyLength);
            request.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Goal>(goal =>
        {
            ImportedFrom(goal, g => new { g.OwnerId, g.ImportKey });
            goal.HasKey(g => new { g.OwnerId, g.Id });
            goal.HasIndex(g => g.Id);
            goal.HasIndex(g => new { g.OwnerId, g.Sequence });
            goal.Property(g => g.Title).HasMaxLength(200);
            goal.Property(g => g.MeasureUnit).HasMaxLength(200);
            goal.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
            goal.Property(g => g.MeasureAggregation).HasConversion<string>().HasMaxLength(16);
            goal.Property(g => g.Version).IsConcurrencyToken();
            goal.Ignore(g => g.Measure);
            goal.Ignore(g => g.ForecastSeed);
            goal.HasOne<User>().WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Entry>(entry =>
        {
            ImportedFrom(entry, x => new { x.OwnerId, x.GoalId, x.ImportKey });
            entry.HasKey(e => new { e.OwnerId, e.Id });
            // The value too, so that reading a goal's history reads the index alone: a goal's entries
            // are spread over the table among everyone else's, and fetching each row cost one page
            // per entry, which grew with the table (docs/adr/0012).
            entry.HasIndex(e => new { e.OwnerId, e.GoalId, e.Date, e.Sequence, e.Value });
            BelongsToGoal(entry);
        });

        builder.Entity<Milestone>(milestone =>
        {
            ImportedFrom(milestone, x => new { x.OwnerId, x.GoalId, x.ImportKey });
            milestone.HasKey(m => new { m.OwnerId, m.Id });
            milestone.HasIndex(m => new { m.OwnerId, m.GoalId });
            milestone.Property(m => m.Title).HasMaxLength(200);
            milestone.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            BelongsToGoal(milestone);
        });

        builder.Entity<Skill>(skill =>
        {
            ImportedFrom(skill, x => new { x.OwnerId, x.GoalId, x.ImportKey });
            skill.HasKey(s => new { s.OwnerId, s.Id });
            skill.HasIndex(s => new { s.OwnerId, s.GoalId });
            skill.Property(s => s.Name).HasMaxLength(200);
            skill.OwnsMany(s => s.Resources, resource => resource.ToJson());
            BelongsToGoal(skill);
        });

        builder.Entity<WorkSession>(work =>
        {
            ImportedFrom(work, x => new { x.OwnerId, x.GoalId, x.ImportKey });
            work.HasKey(w => new { w.OwnerId, w.Id });
            work.HasIndex(w => new { w.OwnerId, w.GoalId, w.Date, w.Sequence });
            BelongsToGoal(work);
        });

        builder.Entity<Habit>(habit =>
        {
            ImportedFrom(habit, x => new { x.OwnerId, x.GoalId, x.ImportKey });
            habit.HasKey(h => new { h.OwnerId, h.Id });
            habit.HasIndex(h => new { h.OwnerId, h.GoalId });
            habit.Property(h => h.Title).HasMaxLength(200);
            BelongsToGoal(habit);
        });

        builder.Entity<HabitCheck>(check =>
        {
            check.HasKey(c => new { c.OwnerId, c.HabitId, c.Date });
            check.HasIndex(c => new { c.OwnerId, c.GoalId, c.Date });
            check.HasOne<Habit>().WithMany()
                .HasForeignKey(c => new { c.OwnerId, c.HabitId })
                .OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<HabitSkip>(skip =>
        {
            skip.HasKey(s => new { s.OwnerId, s.HabitId, s.Date });
            skip.HasIndex(s => new { s.OwnerId, s.GoalId, s.Date });
            skip.HasOne<Habit>().WithMany()
                .HasForeignKey(s => new { s.OwnerId, s.HabitId })
                .OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<HabitReminder>(reminder =>
        {
            reminder.HasKey(r => new { r.OwnerId, r.HabitId, r.Time });
            reminder.HasOne<Habit>().WithMany()
                .HasForeignKey(r => new { r.OwnerId, r.HabitId })
                .OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GoalBreak>(pause =>
        {
            ImportedFrom(pause, x => new { x.OwnerId, x.GoalId, x.ImportKey });
            pause.HasKey(b => new { b.OwnerId, b.Id });
            pause.HasIndex(b => new { b.OwnerId, b.GoalId, b.From });
            BelongsToGoal(pause);
        });

        builder.Entity<CircleMember>(member =>
        {
            member.HasKey(m => new { m.OwnerId, m.Id });
            member.HasIndex(m => new { m.OwnerId, m.GoalId, m.NormalizedEmail }).IsUnique();
            member.HasIndex(m => new { m.UserId, m.ListSequence });
            member.HasIndex(m => m.Id);
            member.Property(m => m.Email).HasMaxLength(254);
            member.Property(m => m.NormalizedEmail).HasMaxLength(254);
            member.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            member.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            BelongsToGoal(member);
        });

        builder.Entity<Cheer>(cheer =>
        {
            cheer.HasKey(c => new { c.OwnerId, c.Id });
            cheer.HasIndex(c => new { c.OwnerId, c.GoalId, c.Sequence });
            BelongsToGoal(cheer);
        });

        builder.Entity<Suggestion>(suggestion =>
        {
            suggestion.HasKey(x => new { x.OwnerId, x.Id });
            suggestion.HasIndex(x => new { x.OwnerId, x.GoalId, x.Sequence });
            suggestion.Property(x => x.Title).HasMaxLength(200);
            suggestion.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            BelongsToGoal(suggestion);
        });

        builder.Entity<ImportJob>(import =>
        {
            import.HasKey(x => new { x.OwnerId, x.Id });
            import.HasIndex(x => new { x.OwnerId, x.CreatedAt });
            import.Property(x => x.Format).HasMaxLength(32);
            import.Property(x => x.FileName).HasMaxLength(260);
            import.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            import.OwnsOne(x => x.Created, counts => counts.ToJson());
            import.OwnsMany(x => x.Errors, error => error.ToJson());
            import.HasOne<User>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<NotificationSettings>(settings =>
        {
            settings.HasKey(x => x.UserId);
            settings.Property(x => x.DigestDay).HasConversion<int?>();
            settings.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<NudgeDelivery>(delivery =>
        {
            delivery.HasKey(x => new { x.UserId, x.Kind, x.Item, x.LocalDate });
            delivery.Property(x => x.Kind).HasMaxLength(NudgeDelivery.MaxKindLength);
            delivery.Property(x => x.Item).HasMaxLength(NudgeDelivery.MaxItemLength);
            delivery.HasIndex(x => x.CreatedAt);
            delivery.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OutgoingEmail>(email =>
        {
            email.HasKey(x => x.Id);
            email.Property(x => x.To).HasMaxLength(254);
            email.Property(x => x.Subject).HasMaxLength(OutgoingEmail.MaxSubjectLength);
            email.Property(x => x.UnsubscribeUrl).HasMaxLength(2000);
            email.Property(x => x.LastError).HasMaxLength(OutgoingEmail.MaxErrorLength);
            // The mail job reads what is waiting, oldest due first; sent and failed emails leave the index.
            email.HasIndex(x => x.NotBefore).HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
            email.HasIndex(x => x.CreatedAt);
        });

        builder.Entity<GoalWatch>(watch =>
        {
            watch.HasKey(x => new { x.OwnerId, x.GoalId });
            watch.Property(x => x.Status).HasMaxLength(16);
            watch.HasOne<Goal>().WithMany().HasForeignKey(x => new { x.OwnerId, x.GoalId }).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Webhook>(webhook =>
        {
            webhook.HasKey(x => new { x.OwnerId, x.Id });
            webhook.HasIndex(x => x.Id);
            webhook.Property(x => x.Url).HasMaxLength(Webhook.MaxUrlLength);
            webhook.Property(x => x.Events).HasMaxLength(Webhook.MaxEventsLength);
            webhook.Property(x => x.ProtectedSecret).HasMaxLength(1000);
            webhook.HasOne<User>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WebhookMessage>(message =>
        {
            message.HasKey(x => new { x.OwnerId, x.Id });
            message.Property(x => x.Type).HasMaxLength(WebhookMessage.MaxTypeLength);
            // The delivery job reads what is due across owners; delivered and abandoned messages leave the index.
            message.HasIndex(x => x.NextAttemptAt).HasFilter("\"DeliveredAt\" IS NULL AND \"AbandonedAt\" IS NULL");
            message.HasIndex(x => new { x.OwnerId, x.WebhookId, x.OccurredAt });
            message.HasOne<Webhook>().WithMany().HasForeignKey(x => new { x.OwnerId, x.WebhookId }).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WebhookAttempt>(attempt =>
        {
            attempt.HasKey(x => new { x.OwnerId, x.Id });
            attempt.HasIndex(x => new { x.OwnerId, x.WebhookId, x.At });
            attempt.Property(x => x.Type).HasMaxLength(WebhookMessage.MaxTypeLength);
            attempt.Property(x => x.Error).HasMaxLength(WebhookAttempt.MaxErrorLength);
            attempt.Property(x => x.ResponseBody).HasMaxLength(WebhookAttempt.MaxResponseLength);
            attempt.HasOne<Webhook>().WithMany().HasForeignKey(x => new { x.OwnerId, x.WebhookId }).OnDelete(DeleteBehavior.Cascade);
        });

        // Routes are found by their own key: in a database sharded by owner they are distributed by it,
        // not by the owner (docs/adr/0014). The owner's index is for removing an account.
        builder.Entity<IdRoute>(route =>
        {
            route.HasKey(r => r.Id);
            route.HasIndex(r => r.OwnerId);
            route.HasAnnotation(OwnerFilter.RouteAnnotation, true);
        });

        builder.Entity<SecretRoute>(route =>
        {
            route.HasKey(r => r.SecretHash);
            route.HasIndex(r => r.UserId);
            route.HasAnnotation(OwnerFilter.RouteAnnotation, true);
        });

        builder.Entity<Attempt>(attempt =>
        {
            ImportedFrom(attempt, x => new { x.OwnerId, x.GoalId, x.ImportKey });
            attempt.HasKey(a => new { a.OwnerId, a.Id });
            attempt.HasIndex(a => new { a.OwnerId, a.GoalId, a.Date, a.Sequence });
            attempt.Property(a => a.Title).HasMaxLength(200);
            attempt.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
            BelongsToGoal(attempt);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.IsSqlite())
        {
            // SQLite cannot order or compare DateTimeOffset; stored as a sortable 64-bit number instead.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>
    /// An imported item keeps its source's key (connections.md §1, "Again is harmless"); a key is
    /// unique within its goal (a goal's within its account), so importing a file again finds what
    /// came in the first time. Items made in Receta have none and cost the index nothing.
    /// </summary>
    private static void ImportedFrom<T>(EntityTypeBuilder<T> item, System.Linq.Expressions.Expression<Func<T, object?>> key)
        where T : class, IImported
    {
        item.Property(x => x.ImportKey).HasMaxLength(IImported.MaxKeyLength);
        item.HasIndex(key).IsUnique().HasFilter("\"ImportKey\" IS NOT NULL");
    }

    private static void BelongsToGoal<T>(EntityTypeBuilder<T> child)
        where T : class =>
        child.HasOne<Goal>().WithMany()
            .HasForeignKey("OwnerId", "GoalId")
            .OnDelete(DeleteBehavior.Cascade);
}
