// The ceiling that bench/hot-reads compares Receta's reads with: the least an ASP.NET Core app does
// to answer a small JSON object (minimal API, default host, no middleware), on the same machine and
// runtime. Nothing else belongs here, or the ratio would flatter Receta.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/", () => new Answer("Hello, World!"));
await app.RunAsync();

/// <summary>The answer: one small record, serialized by System.Text.Json like Receta's.</summary>
internal sealed record Answer(string Message);
