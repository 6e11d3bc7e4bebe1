using Receta.Core.Circle;

namespace Receta.Contracts;

/// <summary>The writable field of a circle member: the role.</summary>
public sealed record MemberFields(CircleRole? Role);
