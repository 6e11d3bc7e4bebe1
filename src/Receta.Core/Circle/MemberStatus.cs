namespace Receta.Core.Circle;

/// <summary>Where a person stands in a goal's circle: invited (not yet accepted) or an active member.</summary>
public enum MemberStatus
{
    Invited,
    Active,
}
