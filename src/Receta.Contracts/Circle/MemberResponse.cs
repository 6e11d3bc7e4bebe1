using Receta.Core.Circle;

namespace Receta.Contracts;

/// <summary>A person in the circle; <c>displayName</c> is null until they accept.</summary>
public sealed record MemberResponse(Guid Id, string Email, string? DisplayName, CircleRole Role, MemberStatus Status);
