namespace Receta.Core.Scorecard;

/// <summary>Whether one ingredient is in place.</summary>
/// <param name="Key">The ingredient.</param>
/// <param name="Satisfied">True when it is in place.</param>
public sealed record IngredientCheck(Ingredient Key, bool Satisfied);
