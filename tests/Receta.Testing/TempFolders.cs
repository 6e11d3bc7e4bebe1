using System.Diagnostics;
using System.Globalization;

namespace Receta.Testing;

/// <summary>
/// Temporary folders named after the test process that made them (<c>prefix-pid-random</c>), so that a
/// later run can recognise and remove what a killed run left behind.
/// </summary>
internal static class TempFolders
{
    public static string Create(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Folders with this prefix whose process is gone.</summary>
    public static IEnumerable<string> Abandoned(string prefix) =>
        Directory.GetDirectories(Path.GetTempPath(), prefix + "*")
            .Where(folder => int.TryParse(Path.GetFileName(folder)[prefix.Length..].Split('-')[0], CultureInfo.InvariantCulture, out var pid)
                && !ProcessIsAlive(pid));

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
