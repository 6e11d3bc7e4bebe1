using Receta.Core.Circle;

namespace Receta.Contracts;

/// <summary>An invitation as its sender sees it: where the invited person accepts it.</summary>
public sealed record InvitationResponse(Guid Id, Guid GoalId, string Email, CircleRole Role, MemberStatus Status, Uri AcceptUrl);
