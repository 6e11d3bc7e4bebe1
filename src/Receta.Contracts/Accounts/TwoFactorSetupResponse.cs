namespace Receta.Contracts;

/// <summary>The authenticator key, as text and as an <c>otpauth://</c> address.</summary>
public sealed record TwoFactorSetupResponse(string Key, string AuthenticatorUri);
