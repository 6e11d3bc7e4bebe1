using Receta.Importing.HabitBull;
using Receta.Importing.Timewarrior;
using Receta.Importing.Tests.Support;

namespace Receta.Importing.Tests;

/// <summary>
/// The readers write their errors and warnings in the current UI culture, numbers in the current
/// culture; every other test reads them in the invariant culture, in English.
/// </summary>
public sealed class ImportTextsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_TheTestsCulture_ErrorAndItsPlaceAreInEnglish()
    {
        var error = Assert.Single(ReadDayFirstDate().Problems.Errors);

        Assert.Equal(("line 2, CalendarDate", "\"13/03/2025\" is not a date (yyyy-MM-dd or M/d/yyyy)."), (error.Where, error.Message));
    }

    [CulturedFact(["es"])]
    public void Read_Spanish_ErrorAndItsPlaceAreInSpanish()
    {
        var error = Assert.Single(ReadDayFirstDate().Problems.Errors);

        Assert.Equal(("línea 2, CalendarDate", "\"13/03/2025\" no es una fecha (yyyy-MM-dd o M/d/yyyy)."), (error.Where, error.Message));
    }

    [CulturedFact(["es"])]
    public void Read_Spanish_RecordPlaceAndWhatWasFoundAreInSpanish()
    {
        using var file = ImportFiles.Write("""[{"start": 5, "end": "20250313T100000Z"}]""");

        var bundle = TimewarriorJsonReader.Read(file.Path, ImportFiles.InMadrid);

        var error = Assert.Single(bundle.Problems.Errors);
        Assert.Equal(("línea 1, intervalo 1, start", "Aquí se esperaba una cadena y se encontró un número."), (error.Where, error.Message));
    }

    [CulturedFact(["es"])]
    public void Read_Spanish_WarningsAndTheirCountsAreInSpanishWithSpanishNumbers()
    {
        var note = new string('n', ImportRules.MaxTextLength + 1);
        using var file = ImportFiles.Write($$"""
            [
              {"start": "20250313T090000Z", "end": "20250313T100000Z", "tags": ["receta"], "annotation": "{{note}}"},
              {"start": "20250313T110000Z", "tags": ["receta"]},
              {"start": "20250314T110000Z", "tags": ["receta"]}
            ]
            """);

        var bundle = TimewarriorJsonReader.Read(file.Path, ImportFiles.InMadrid);

        Assert.False(bundle.Problems.HasErrors);
        Assert.Equal(
            [
                "Intervalos de Timewarrior en curso (aún sin detener) (2 veces)",
                "Las notas de más de 10.000 caracteres se cortaron a 10.000.",
            ],
            bundle.Problems.Warnings);
    }

    [CulturedFact(["es"])]
    public void Warnings_PastTheMost_SayInSpanishHowManyMore()
    {
        var problems = new ImportProblems();
        for (var kind = 0; kind <= ImportProblems.MaxWarnings; kind++)
        {
            problems.Warn($"Aviso {kind}");
        }

        Assert.Equal("… y 2 avisos más.", problems.Warnings[^1]);
    }

    private ImportBundle ReadDayFirstDate()
    {
        var path = temp.File("habitbull.csv");
        File.WriteAllText(path, "HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\nRun,,,13/03/2025,1,\n");
        return HabitBullCsvReader.Read(path, ImportTestFiles.Context());
    }
}
