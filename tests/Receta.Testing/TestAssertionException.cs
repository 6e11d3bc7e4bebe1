namespace Receta.Testing;

/// <summary>A failed expectation in a test helper; xunit reports it as an assertion failure.</summary>
public sealed class TestAssertionException(string message) : Exception(message), IAssertionException;

#pragma warning disable CA1040, CA1711 // xunit recognises assertion failures by an interface of exactly this name, from any namespace.
public interface IAssertionException;
#pragma warning restore CA1040, CA1711
