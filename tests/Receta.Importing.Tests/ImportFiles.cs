using System.Text;

namespace Receta.Importing.Tests;

/// <summary>The files a reader is given: the checked-in fixtures, and scratch files a test writes.</summary>
internal static class ImportFiles
{
    public static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    /// <summary>An import by a user in Madrid, after every fixture was made.</summary>
    public static ImportContext InMadrid { get; } = new(Madrid, new DateTimeOffset(2025, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public static string Fixture(string format, string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", format, name);

    public static ScratchFile Write(string text) => Write(Encoding.UTF8.GetBytes(text));

    public static ScratchFile Write(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"receta-import-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bytes);
        return new ScratchFile(path);
    }
}

/// <summary>A file deleted when the test is done with it.</summary>
internal sealed class ScratchFile(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose() => File.Delete(Path);
}
