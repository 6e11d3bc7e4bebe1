using Receta.Core.Circle;

namespace Receta.Contracts;

/// <summary>A suggested milestone; <c>milestoneId</c> is set once accepted.</summary>
public sealed record SuggestionResponse(
    Guid Id, string Title, DateOnly? DueDate, SuggestionStatus Status, Guid? MilestoneId, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt);
