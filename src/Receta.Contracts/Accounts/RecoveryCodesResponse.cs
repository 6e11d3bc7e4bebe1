namespace Receta.Contracts;

/// <summary>One-time recovery codes, shown this once.</summary>
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);
