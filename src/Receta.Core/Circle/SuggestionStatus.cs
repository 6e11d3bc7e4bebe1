namespace Receta.Core.Circle;

/// <summary>A mentor's suggested milestone: open, or accepted into the roadmap.</summary>
public enum SuggestionStatus
{
    Open,
    Accepted,
}
