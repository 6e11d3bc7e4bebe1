namespace Receta.Core.Scorecard;

/// <summary>The recipe scorecard of a goal as of a day.</summary>
/// <param name="Score">How many ingredients are in place, 0–6.</param>
/// <param name="Ingredients">All six, in recipe order.</param>
public sealed record RecipeScore(int Score, IReadOnlyList<IngredientCheck> Ingredients);
