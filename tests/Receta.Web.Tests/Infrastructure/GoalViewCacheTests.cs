using Microsoft.Extensions.Caching.Memory;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Tests.Infrastructure;

/// <summary>
/// The cache of a goal's computed views: a view is served only at the goal version it was computed at,
/// and a goal written to steadily keeps one copy of each view, its latest, not one per version.
/// </summary>
public sealed class GoalViewCacheTests : IDisposable
{
    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = 5_000_000 });
    private readonly Goal _goal = new() { Id = Guid.NewGuid(), OwnerId = Guid.NewGuid(), Title = "Run a marathon", Version = 1 };

    public void Dispose() => _memory.Dispose();

    [Fact]
    public async Task GetOrCreate_SameVersionTwice_ComputesOnce()
    {
        var cache = new GoalViewCache(_memory);
        var computed = 0;

        var first = await cache.GetOrCreateAsync(_goal, "progress", null, () => Task.FromResult($"v1 #{++computed}"));
        var second = await cache.GetOrCreateAsync(_goal, "progress", null, () => Task.FromResult($"v1 #{++computed}"));

        Assert.Equal("v1 #1", first);
        Assert.Equal("v1 #1", second);
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task GetOrCreate_AfterEveryWrite_KeepsOnlyTheLatestVersion()
    {
        var cache = new GoalViewCache(_memory);

        for (var version = 1; version <= 100; version++)
        {
            _goal.Version = version;
            await cache.GetOrCreateAsync(_goal, "measure-history", null, () => Task.FromResult($"v{version}"), _ => 1_000);
        }

        // One view of one goal: one entry, however many versions it went through.
        Assert.Equal(1, _memory.Count);
        var computed = false;
        var latest = await cache.GetOrCreateAsync(_goal, "measure-history", null, () => { computed = true; return Task.FromResult("again"); });
        Assert.Equal("v100", latest);
        Assert.False(computed);
    }

    [Fact]
    public async Task GetOrCreate_OtherVersion_IsNeverServedTheKeptOne()
    {
        var cache = new GoalViewCache(_memory);
        await cache.GetOrCreateAsync(_goal, "roadmap", null, () => Task.FromResult("v1"));
        _goal.Version = 2;
        await cache.GetOrCreateAsync(_goal, "roadmap", null, () => Task.FromResult("v2"));

        // A reader whose read raced the write still holds version 1: it gets version 1's view, computed for it.
        var older = await cache.GetOrCreateAsync(Version(1), "roadmap", null, () => Task.FromResult("v1 again"));
        // A version this node has not computed yet (a write on another node) is not served version 2's view.
        var newer = await cache.GetOrCreateAsync(Version(3), "roadmap", null, () => Task.FromResult("v3"));

        Assert.Equal("v1 again", older);
        Assert.Equal("v3", newer);
    }

    [Fact]
    public async Task GetOrCreate_OlderVersionComputedLate_DoesNotReplaceTheNewer()
    {
        var cache = new GoalViewCache(_memory);
        await cache.GetOrCreateAsync(Version(2), "progress", null, () => Task.FromResult("v2"));

        await cache.GetOrCreateAsync(Version(1), "progress", null, () => Task.FromResult("v1"));

        var computed = false;
        var current = await cache.GetOrCreateAsync(Version(2), "progress", null, () => { computed = true; return Task.FromResult("v2 again"); });
        Assert.Equal("v2", current);
        Assert.False(computed);
    }

    [Fact]
    public async Task GetOrCreate_OtherViewOrArgument_IsKeptApart()
    {
        var cache = new GoalViewCache(_memory);
        var today = new DateOnly(2026, 3, 1);

        await cache.GetOrCreateAsync(_goal, "progress", today, () => Task.FromResult("progress today"));
        var tomorrow = await cache.GetOrCreateAsync(_goal, "progress", today.AddDays(1), () => Task.FromResult("progress tomorrow"));
        var roadmap = await cache.GetOrCreateAsync(_goal, "roadmap", today, () => Task.FromResult("roadmap today"));
        var again = await cache.GetOrCreateAsync(_goal, "progress", today, () => Task.FromResult("computed again"));

        Assert.Equal("progress tomorrow", tomorrow);
        Assert.Equal("roadmap today", roadmap);
        Assert.Equal("progress today", again);
    }

    [Fact]
    public async Task GetGoal_NewerVersionLoaded_ReplacesTheOlderAndServesCopies()
    {
        var cache = new GoalViewCache(_memory);
        var loads = 0;
        Task<Goal?> Load(long version) { loads++; return Task.FromResult<Goal?>(Version(version)); }

        await cache.GetGoalAsync(_goal.Id, 1, () => Load(1));
        await cache.GetGoalAsync(_goal.Id, 2, () => Load(2));
        var first = await cache.GetGoalAsync(_goal.Id, 2, () => Load(2));
        var second = await cache.GetGoalAsync(_goal.Id, 2, () => Load(2));
        var older = await cache.GetGoalAsync(_goal.Id, 1, () => Load(1));

        Assert.Equal(3, loads);
        Assert.Equal(1, _memory.Count);
        Assert.Equal(2, first!.Version);
        Assert.Equal(1, older!.Version);
        Assert.NotSame(first, second);
        first.Title = "Changed by one request";
        Assert.Equal("Run a marathon", second!.Title);
    }

    [Fact]
    public async Task None_ComputesEveryTime()
    {
        var computed = 0;

        await GoalViewCache.None.GetOrCreateAsync(_goal, "progress", null, () => Task.FromResult(++computed));
        var second = await GoalViewCache.None.GetOrCreateAsync(_goal, "progress", null, () => Task.FromResult(++computed));

        Assert.Equal(2, second);
    }

    private Goal Version(long version)
    {
        var goal = _goal.Copy();
        goal.Version = version;
        return goal;
    }
}
