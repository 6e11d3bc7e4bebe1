using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>A code from the authenticator, which turns two-factor sign-in on.</summary>
public sealed record ConfirmTwoFactorRequest([property: StringLength(20)] string? Code);
