using Receta.Core.Circle;

namespace Receta.Contracts;

/// <summary>An invitation as the invited person sees it.</summary>
public sealed record ReceivedInvitationResponse(Guid Id, Guid GoalId, string GoalTitle, string InvitedBy, CircleRole Role, DateTimeOffset InvitedAt);
