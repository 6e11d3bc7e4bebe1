namespace Receta.Importing;

/// <summary>
/// Loop's files are containers (a zip, an SQLite database) that a hostile upload can abuse: a zip
/// bomb, tens of thousands of entries, a database that is no Loop backup. They are read once when
/// they arrive, bounded as every read is, so that such a file is refused at the upload (400) and
/// never queued. Loop's files are small (a habit tracker's history), so reading one twice costs little.
/// </summary>
public static class ImportScreening
{
    /// <summary>The errors that refuse the file at once; none for the formats read only in the background.</summary>
    public static IReadOnlyList<ImportError> Errors(string format, string path, ImportContext context) =>
        format is ImportFormats.LoopCsv or ImportFormats.LoopDb
            ? ImportFormats.Read(format, path, context).Problems.Errors
            : [];
}
