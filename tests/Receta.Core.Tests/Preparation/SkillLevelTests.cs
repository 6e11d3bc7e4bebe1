using Receta.Core.Preparation;

namespace Receta.Core.Tests.Preparation;

public sealed class SkillLevelTests
{
    [Theory]
    [InlineData(1, 4, 3)]
    [InlineData(4, 4, 0)]
    [InlineData(5, 2, 0)]
    public void Gap_Levels_TargetMinusLevelNotBelowZero(int level, int target, int gap) =>
        Assert.Equal(gap, new SkillLevel(level, target).Gap);

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(6, 3)]
    [InlineData(3, -1)]
    [InlineData(3, 6)]
    public void Constructor_LevelOutsideZeroToFive_Throws(int level, int target) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SkillLevel(level, target));
}
