using System.Text;
using System.Text.Json;
using Receta.Importing.Json;

namespace Receta.Importing.Tests.Json;

public sealed class JsonRecordsTests
{
    private static (JsonLayout Layout, List<(int Number, long Line, string Text)> Records, ImportProblems Problems) Read(string text) =>
        Read(Encoding.UTF8.GetBytes(text));

    private static (JsonLayout Layout, List<(int Number, long Line, string Text)> Records, ImportProblems Problems) Read(byte[] bytes)
    {
        using var file = ImportFiles.Write(bytes);
        var problems = new ImportProblems();
        var records = new List<(int, long, string)>();
        var layout = JsonRecords.Read(file.Path, "record", problems, record => records.Add((record.Number, record.Line, record.Value.GetRawText())), CancellationToken.None);
        return (layout, records, problems);
    }

    [Fact]
    public void Read_ManyLinesPastTheBuffer_NamesEachRecordsLine()
    {
        var text = new StringBuilder("[\n");
        for (var i = 1; i <= 5000; i++)
        {
            text.Append(i == 1 ? "" : ",\n").Append($"{{\"n\":{i},\"pad\":\"{new string('x', i % 50)}\"}}");
        }
        text.Append("\n]\n");

        var (layout, records, problems) = Read(text.ToString());

        Assert.False(problems.HasErrors);
        Assert.Equal(JsonLayout.Array, layout);
        Assert.Equal(5000, records.Count);
        Assert.All(records, record => Assert.Equal(record.Number + 1, record.Line));
        Assert.All(records, record => Assert.StartsWith($"{{\"n\":{record.Number},", record.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_JsonLinesWithAnErrorPastTheBuffer_NamesItsLine()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 4000; i++)
        {
            text.Append(i == 3000 ? "{\"n\":3000,}" : $"{{\"n\":{i}}}").Append('\n');
        }

        var (layout, records, problems) = Read(text.ToString());

        Assert.Equal(JsonLayout.Values, layout);
        Assert.Equal(2999, records.Count);
        Assert.StartsWith("line 3000, byte ", Assert.Single(problems.Errors).Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RecordLargerThanTheBuffer_IsReadWhole()
    {
        var big = new string('é', 300_000);

        var (_, records, problems) = Read($"[{{\"a\":1}},\n{{\"big\":\"{big}\"}},\n{{\"b\":2}}]");

        Assert.False(problems.HasErrors);
        Assert.Equal([1L, 2, 3], records.Select(record => record.Line));
        Assert.Equal(big, JsonDocument.Parse(records[1].Text).RootElement.GetProperty("big").GetString());
    }

    [Fact]
    public void Read_PrettyPrintedArray_NamesTheLineWhereEachRecordStarts()
    {
        var (_, records, _) = Read("[\n  {\n    \"a\": 1\n  },\n  {\n    \"b\": [\n      2\n    ]\n  }\n]\n");

        Assert.Equal([2L, 5], records.Select(record => record.Line));
    }

    [Fact]
    public void Read_ByteOrderMark_IsSkipped()
    {
        var (layout, records, problems) = Read([0xEF, 0xBB, 0xBF, .. "[{\"a\":1}]"u8]);

        Assert.False(problems.HasErrors);
        Assert.Equal(JsonLayout.Array, layout);
        Assert.Single(records);
    }

    [Fact]
    public void Read_SomethingAfterTheArray_IsAnError()
    {
        var (_, records, problems) = Read("[{\"a\":1}]\n{\"b\":2}\n");

        Assert.Single(records);
        Assert.Equal(new ImportError("line 2", "Nothing may follow the array of records."), Assert.Single(problems.Errors));
    }

    [Fact]
    public void Read_FileEndingInsideARecord_IsAnErrorNamingItsLine()
    {
        var (_, records, problems) = Read("[{\"a\":1},\n{\"b\":");

        Assert.Single(records);
        Assert.StartsWith("line 2", Assert.Single(problems.Errors).Where, StringComparison.Ordinal);
    }
}
