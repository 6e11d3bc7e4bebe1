namespace Receta.Importing.Tests.Support;

/// <summary>The fixtures copied next to the tests, and the importing account every test reads as.</summary>
internal static class ImportTestFiles
{
    /// <summary>Evening of 2025-03-14 in UTC: the day the Loop fixtures were exported.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 20, 0, 0, TimeSpan.Zero);

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static ImportContext Context(TimeZoneInfo? zone = null) =>
        new(zone ?? TimeZoneInfo.Utc, Now, TestContext.Current.CancellationToken);

    public static TimeZoneInfo FixedZone(int hours) =>
        TimeZoneInfo.CreateCustomTimeZone($"UTC{hours:+0;-0}", TimeSpan.FromHours(hours), $"UTC{hours:+0;-0}", $"UTC{hours:+0;-0}");
}

/// <summary>A folder of its own for one test's files, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("receta-import-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
