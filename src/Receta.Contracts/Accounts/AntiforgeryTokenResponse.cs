namespace Receta.Contracts;

/// <summary>The token a cookie-authenticated client sends with every change, in <c>headerName</c> or <c>formFieldName</c>.</summary>
public sealed record AntiforgeryTokenResponse(string Token, string HeaderName, string FormFieldName);
