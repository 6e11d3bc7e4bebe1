using Receta.Core.Purpose;
using Receta.Core.Roadmap;
using Receta.Data.Accounts;
using Receta.Data.Goals;
using Receta.Data.Sharding;

namespace Receta.Scale;

/// <summary>
/// The rows of each table the generator fills, one method per table, as the app itself would have
/// saved them (the same entity classes, so a column added to the model is a property set here).
/// A table added to the model that a view reads is one more method, and one more line in
/// <see cref="Generator"/>.
/// </summary>
public static class ScaleRows
{
    /// <summary>Accounts as <c>POST /auth/register</c> leaves them: Identity's normalized names, a security stamp, a password hash.</summary>
    public static IEnumerable<User> Users(Dataset dataset, string passwordHash)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        for (var u = 0; u < dataset.Users; u++)
        {
            var email = Dataset.Email(u);
            yield return new User
            {
                Id = dataset.UserId(u),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                PasswordHash = passwordHash,
                SecurityStamp = dataset.SecurityStamp(u),
                ConcurrencyStamp = dataset.UserId(u).ToString(),
                DisplayName = FormattableString.Invariant($"Scale user {u}"),
                TimeZone = Dataset.TimeZoneOf(u),
                CreatedAt = Dataset.UserCreatedAt(u),
                GoalSequence = Dataset.GoalsPerUser,
            };
        }
    }

    /// <summary>One write token per account, whose secret is <see cref="Dataset.TokenSecret"/>.</summary>
    public static IEnumerable<AccessToken> AccessTokens(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        for (var u = 0; u < dataset.Users; u++)
        {
            yield return new AccessToken
            {
                UserId = dataset.UserId(u),
                Id = dataset.TokenId(u),
                Name = "scale",
                Scope = TokenScope.Write,
                SecretHash = ScaleSecrets.Hash(dataset.TokenSecret(u)),
                CreatedAt = Dataset.UserCreatedAt(u),
            };
        }
    }

    /// <summary>Each token's route to its account (docs/adr/0014), as the app writes it with the token.</summary>
    public static IEnumerable<SecretRoute> SecretRoutes(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        for (var u = 0; u < dataset.Users; u++)
        {
            yield return new SecretRoute { SecretHash = ScaleSecrets.Hash(dataset.TokenSecret(u)), UserId = dataset.UserId(u) };
        }
    }

    /// <summary>Each goal's route to its owner (docs/adr/0014), as the app writes it with the goal.</summary>
    public static IEnumerable<IdRoute> GoalRoutes(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        for (var g = 0; g < dataset.Goals; g++)
        {
            yield return new IdRoute { Id = dataset.GoalId(g), OwnerId = dataset.UserId(Dataset.OwnerOf(g)) };
        }
    }

    /// <summary>
    /// Active goals with a measure (hours, summed, 0 to <see cref="Dataset.TargetOf"/>). Their version
    /// counts the goal and every child made under it, as <c>GoalScope.Touch</c> raises it.
    /// </summary>
    public static IEnumerable<Goal> Goals(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        for (var g = 0; g < dataset.Goals; g++)
        {
            yield return new Goal
            {
                OwnerId = dataset.UserId(Dataset.OwnerOf(g)),
                Id = dataset.GoalId(g),
                Title = FormattableString.Invariant($"Scale goal {g}"),
                Purpose = "Measure how reads scale",
                StartDate = dataset.StartOf(g),
                TargetDate = dataset.TargetDateOf(g),
                Status = GoalStatus.Active,
                MeasureUnit = "hours",
                MeasureStart = 0,
                MeasureTarget = dataset.TargetOf(g),
                MeasureAggregation = Aggregation.Sum,
                CreatedAt = dataset.GoalCreatedAt(g),
                Sequence = g % Dataset.GoalsPerUser + 1,
                Version = 1 + Dataset.MilestonesPerGoal + dataset.LengthOf(g),
            };
        }
    }

    /// <summary>Three milestones a goal, each a third of the way, each after the one before; the first is done.</summary>
    public static IEnumerable<Milestone> Milestones(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        for (var g = 0; g < dataset.Goals; g++)
        {
            for (var m = 0; m < Dataset.MilestonesPerGoal; m++)
            {
                var share = (m + 1.0) / Dataset.MilestonesPerGoal;
                var due = dataset.StartOf(g).AddDays((int)(dataset.SpanOf(g) * share));
                yield return new Milestone
                {
                    OwnerId = dataset.UserId(Dataset.OwnerOf(g)),
                    Id = dataset.MilestoneId(g, m),
                    GoalId = dataset.GoalId(g),
                    Title = FormattableString.Invariant($"Step {m + 1}"),
                    DueDate = due,
                    EstimateHours = 10 * (m + 1),
                    TargetValue = Math.Round(dataset.TargetOf(g) * share),
                    DependsOn = m == 0 ? [] : [dataset.MilestoneId(g, m - 1)],
                    Status = m == 0 ? MilestoneStatus.Done : MilestoneStatus.Todo,
                    CompletedOn = m == 0 ? due : null,
                    Sequence = 2 + m,
                    CreatedAt = dataset.GoalCreatedAt(g).AddMilliseconds(m + 1),
                };
            }
        }
    }

    /// <summary>
    /// Every entry, in the order people would have logged them: day by day across all goals, so that
    /// a goal's entries are spread over the table as in a database that grew for years, not stored
    /// side by side (which would flatter every read of a history).
    /// </summary>
    public static IEnumerable<Entry> Entries(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var byStart = Enumerable.Range(0, dataset.Goals).Where(g => dataset.LengthOf(g) > 0).OrderBy(dataset.StartOf).ToArray();
        var next = new int[dataset.Goals];
        var active = new List<int>();
        var started = 0;
        for (var day = Dataset.FirstStart; started < byStart.Length || active.Count > 0; day = day.AddDays(1))
        {
            while (started < byStart.Length && dataset.StartOf(byStart[started]) == day)
            {
                active.Add(byStart[started++]);
            }
            for (var a = active.Count - 1; a >= 0; a--)
            {
                var g = active[a];
                while (next[g] < dataset.LengthOf(g) && dataset.EntryDate(g, next[g]) == day)
                {
                    var i = next[g]++;
                    yield return new Entry
                    {
                        OwnerId = dataset.UserId(Dataset.OwnerOf(g)),
                        Id = dataset.EntryId(g, i),
                        GoalId = dataset.GoalId(g),
                        Date = day,
                        Value = dataset.EntryValue(g, i),
                        Sequence = 2 + Dataset.MilestonesPerGoal + i,
                        CreatedAt = dataset.EntryCreatedAt(g, i),
                    };
                }
                if (next[g] == dataset.LengthOf(g))
                {
                    active[a] = active[^1];
                    active.RemoveAt(active.Count - 1);
                }
            }
        }
    }
}
