using Receta.Core.Scorecard;

namespace Receta.Contracts;

/// <summary>The recipe scorecard: how many of the six ingredients are in place, in recipe order.</summary>
public sealed record RecipeResponse(int Score, IReadOnlyList<IngredientResponse> Ingredients);

/// <summary>One ingredient: satisfied, or a hint saying what is missing.</summary>
public sealed record IngredientResponse(Ingredient Key, bool Satisfied, string? Hint);
