using Receta.Importing.Reading;

namespace Receta.Importing.Tests.Reading;

public sealed class RowLimitedTextReaderTests
{
    [Fact]
    public void Read_RowsWithinTheBound_PassThroughUnchanged()
    {
        const string text = "a,b\n\"quoted\nline\",\"say \"\"hi\"\"\"\r\nc,d\n";
        using var reader = new RowLimitedTextReader(new StringReader(text), 40);

        Assert.Equal(text, reader.ReadToEnd());
    }

    [Fact]
    public void Read_QuotedLineBreaks_DoNotEndTheRow()
    {
        using var reader = new RowLimitedTextReader(new StringReader("ok\n\"12345\n12345\n12345\"\n"), 12);

        var tooLong = Assert.Throws<CsvRowTooLongException>(() => reader.ReadToEnd());

        Assert.Equal(2, tooLong.Line);
    }

    [Fact]
    public void Read_RowPastTheBoundAcrossReads_IsRefused()
    {
        using var reader = new RowLimitedTextReader(new StringReader("a\nb\n" + new string('x', 5000)), 4096);
        var buffer = new char[100];

        Assert.Throws<CsvRowTooLongException>(() =>
        {
            while (reader.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        });
    }
}
