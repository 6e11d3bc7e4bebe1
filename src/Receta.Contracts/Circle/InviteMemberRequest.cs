using System.ComponentModel.DataAnnotations;
using Receta.Core.Circle;

namespace Receta.Contracts;

/// <summary>An invitation into the goal's circle, by email; the email need not have an account yet.</summary>
public sealed record InviteMemberRequest([property: StringLength(ApiLimits.MaxEmailLength)] string? Email, CircleRole? Role);
