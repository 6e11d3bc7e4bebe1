using Receta.Core.Circle;

namespace Receta.Core.Tests.Circle;

public sealed class CirclePolicyTests
{
    // The table of recipe.md, row by row: read, cheer/comment, suggest, edit, manage/delete.
    public static TheoryData<CircleRole, bool, bool, bool, bool, bool> Table => new()
    {
        { CircleRole.Viewer, true, false, false, false, false },
        { CircleRole.Cheerleader, true, true, false, false, false },
        { CircleRole.Mentor, true, true, true, false, false },
        { CircleRole.Partner, true, true, true, true, false },
        { CircleRole.Owner, true, true, true, true, true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Allows_EachRole_MatchesTheTable(CircleRole role, bool read, bool cheer, bool suggest, bool edit, bool manage)
    {
        Assert.Equal(read, CirclePolicy.Allows(role, GoalAction.Read));
        Assert.Equal(cheer, CirclePolicy.Allows(role, GoalAction.Cheer));
        Assert.Equal(suggest, CirclePolicy.Allows(role, GoalAction.Suggest));
        Assert.Equal(edit, CirclePolicy.Allows(role, GoalAction.Edit));
        Assert.Equal(manage, CirclePolicy.Allows(role, GoalAction.Manage));
    }

    [Theory]
    [InlineData(GoalAction.Read, CircleRole.Viewer)]
    [InlineData(GoalAction.Cheer, CircleRole.Cheerleader)]
    [InlineData(GoalAction.Suggest, CircleRole.Mentor)]
    [InlineData(GoalAction.Edit, CircleRole.Partner)]
    [InlineData(GoalAction.Manage, CircleRole.Owner)]
    public void LeastRoleFor_EachAction_FirstRoleWithAYes(GoalAction action, CircleRole role) =>
        Assert.Equal(role, CirclePolicy.LeastRoleFor(action));

    [Fact]
    public void Allows_UnknownRole_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CirclePolicy.Allows((CircleRole)9, GoalAction.Read));
}
