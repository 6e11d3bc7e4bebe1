using Receta.Core.Preparation;

namespace Receta.Core.Tests.Preparation;

public sealed class ReadinessTests
{
    [Fact]
    public void Compute_MixedSkills_ReachedOverNeededRounded()
    {
        // Σ min(level, target) = 2 + 4 + 0 = 6 over Σ target = 3 + 4 + 2 = 9: 66.67%.
        var readiness = Readiness.Compute([new SkillLevel(2, 3), new SkillLevel(5, 4), new SkillLevel(0, 2)]);

        Assert.Equal(66.7, readiness);
    }

    [Fact]
    public void Compute_NoSkills_Hundred() => Assert.Equal(100, Readiness.Compute([]));

    [Fact]
    public void Compute_NoTargetAboveZero_Hundred() => Assert.Equal(100, Readiness.Compute([new SkillLevel(3, 0), new SkillLevel(0, 0)]));

    [Fact]
    public void Compute_NothingLearnedYet_Zero() => Assert.Equal(0, Readiness.Compute([new SkillLevel(0, 5), new SkillLevel(0, 1)]));

    [Fact]
    public void Compute_OverqualifiedInOneSkill_DoesNotMakeUpForAnother() =>
        // min(5, 1) + min(0, 4) = 1 over 5.
        Assert.Equal(20, Readiness.Compute([new SkillLevel(5, 1), new SkillLevel(0, 4)]));
}
