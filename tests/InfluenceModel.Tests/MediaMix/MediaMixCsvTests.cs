using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.MediaMix;

namespace InfluenceModel.Tests.MediaMix;

public sealed class MediaMixCsvTests
{
    private const string Header = "week,sales,tv,radio,price";

    /// <summary>Three weekly rows in the shape of the header above.</summary>
    private static string Body(string newline = "\n") => string.Join(newline,
        Header,
        "2024-01-01,100.5,10,0,1.5",
        "2024-01-08,120,0,5,1.25",
        "2024-01-15,-3e2,7.5,2.5,-1");

    private static MediaMixCsv.Table Parse(string text, string[]? channels = null, string[]? controls = null) =>
        MediaMixCsv.Parse(new StringReader(text), "week", "sales", channels ?? ["tv", "radio"], controls ?? ["price"]);

    private static string Rejected(string text, string[]? channels = null, string[]? controls = null) =>
        Assert.Throws<FormatException>(() => Parse(text, channels, controls)).Message;

    [Fact]
    public void Parse_WeeklyTable_GivesColumnsInFileOrder()
    {
        var table = Parse(Body());
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 15)], table.Dates);
        Assert.Equal(7, table.StepDays);
        Assert.Equal([100.5, 120, -300], table.Kpi);
        Assert.Equal(["tv", "radio"], table.ChannelNames);
        Assert.Equal([10, 0, 7.5], table.Spend[0]);
        Assert.Equal([0, 5, 2.5], table.Spend[1]);
        Assert.Equal(["price"], table.ControlNames);
        Assert.Equal([1.5, 1.25, -1], table.Controls[0]);
    }

    [Fact]
    public void Parse_DailyTable_HasStepOne_AndControlsAreOptional()
    {
        var table = MediaMixCsv.Parse(new StringReader("d,y,x\n2024-02-28,1,1\n2024-02-29,2,0\n2024-03-01,3,2\n"), "d", "y", ["x"], null);
        Assert.Equal(1, table.StepDays);
        Assert.Empty(table.ControlNames);
        Assert.Empty(table.Controls);
    }

    [Fact]
    public void Parse_ByteOrderMark_CrLf_AndTrailingNewlines_AreIgnored()
    {
        var plain = Parse(Body());
        var dressed = Parse("\uFEFF" + Body("\r\n") + "\r\n\r\n");
        Assert.Equal(plain.Dates, dressed.Dates);
        Assert.Equal(plain.Spend, dressed.Spend);
        Assert.Equal(plain.Controls, dressed.Controls);
    }

    [Fact]
    public void Parse_ByteOrderMarkThroughAStream_IsIgnored()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Body())];
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        Assert.Equal(["tv", "radio"], MediaMixCsv.Parse(reader, "week", "sales", ["tv", "radio"], null).ChannelNames);
    }

    [Fact]
    public void Parse_QuotedFields_WithCommasQuotesAndLineBreaks_InOtherColumns()
    {
        string text = "week,note,sales,tv\n2024-01-01,\"launch, \"\"big\"\" one\",1,2\n2024-01-08,\"two\r\nlines\",3,4\n2024-01-15,,5,6\n";
        var table = MediaMixCsv.Parse(new StringReader(text), "week", "sales", ["tv"], null);
        Assert.Equal([1.0, 3, 5], table.Kpi);
        Assert.Equal([2.0, 4, 6], table.Spend[0]);
    }

    [Fact]
    public void Parse_QuotedNumbersAndHeaderNames_AndWhitespaceAroundNumbers_AreAccepted()
    {
        string text = "\"week\", sales ,\"tv\"\n2024-01-01,  1.5 ,\" 2 \"\n 2024-01-08 ,\t3\t,4\n";
        var table = MediaMixCsv.Parse(new StringReader(text), "week", "sales", ["tv"], null);
        Assert.Equal([1.5, 3], table.Kpi);
        Assert.Equal([2.0, 4], table.Spend[0]);
    }

    [Fact]
    public void Parse_QuotedFieldSpanningLines_ReportsRowAndLine()
    {
        string text = "week,note,sales,tv\n2024-01-01,\"a\nb\",1,x\n";
        string message = Assert.Throws<FormatException>(() => MediaMixCsv.Parse(new StringReader(text), "week", "sales", ["tv"], null)).Message;
        Assert.Contains("Row 2, column 'tv'", message);
        text = "week,note,sales,tv\n2024-01-01,\"a\nb\",1,2\n2024-01-08,c,1,x\n";
        message = Assert.Throws<FormatException>(() => MediaMixCsv.Parse(new StringReader(text), "week", "sales", ["tv"], null)).Message;
        Assert.Contains("Row 3 (line 4), column 'tv'", message);
    }

    [Theory]
    [InlineData("2024-01-08,,0,5,1.25", "Row 3, column 'sales'", "empty")]
    [InlineData("2024-01-08,120,0,5,", "Row 3, column 'price'", "empty")]
    [InlineData("2024-01-08,120,abc,5,1", "Row 3, column 'tv'", "'abc' is not a number")]
    [InlineData("2024-01-08,\"1,200\",0,5,1", "Row 3, column 'sales'", "'1,200' is not a number")]
    [InlineData("2024-01-08,120,0,5,\"1,5\"", "Row 3, column 'price'", "not a number")]
    [InlineData("2024-01-08,120,-1,5,1", "Row 3, column 'tv'", "spend must be ≥ 0")]
    [InlineData("2024-01-08,NaN,0,5,1", "Row 3, column 'sales'", "'NaN' is not a finite number")]
    [InlineData("2024-01-08,120,Infinity,5,1", "Row 3, column 'tv'", "not a finite number")]
    [InlineData("2024-01-08,120,0,5,-Infinity", "Row 3, column 'price'", "not a finite number")]
    [InlineData("2024-01-08,120,0,1e309,1", "Row 3, column 'radio'", "not a finite number")]
    [InlineData("2024-01-08,1e308,0,5,1", "Row 3, column 'sales'", "larger in magnitude than 1E+015")]
    [InlineData("2024-01-08,120,0,5", "Row 3", "has 4 field(s); the header has 5")]
    [InlineData("2024-01-08,120,0,5,1,9", "Row 3", "has 6 field(s); the header has 5")]
    [InlineData(",120,0,5,1", "Row 3, column 'week'", "date is missing")]
    [InlineData("08/01/2024,120,0,5,1", "Row 3, column 'week'", "not a date in ISO format yyyy-MM-dd")]
    [InlineData("2024-01-01,120,0,5,1", "Row 3, column 'week'", "2024-01-01 is duplicated")]
    public void Parse_BadCell_NamesRowAndColumn(string row2, string where, string what)
    {
        string text = string.Join("\n", Header, "2024-01-01,100.5,10,0,1.5", row2, "2024-01-15,1,1,1,1");
        string message = Rejected(text);
        Assert.Contains(where, message);
        Assert.Contains(what, message);
    }

    [Theory]
    [InlineData("2024-01-01,2024-01-08,2024-01-22", "Row 4, column 'week'", "1 date(s) missing from a weekly series")]
    [InlineData("2024-01-01,2024-01-08,2024-01-12", "Row 4, column 'week'", "4 days apart; the series is weekly")]
    [InlineData("2024-01-01,2024-01-03,2024-01-05", "Row 3, column 'week'", "daily (1 day apart) or weekly (7 days apart)")]
    [InlineData("2024-01-15,2024-01-08,2024-01-01", "Row 3, column 'week'", "dates must ascend")]
    [InlineData("2024-01-01,2024-01-02,2024-01-04", "Row 4, column 'week'", "1 date(s) missing from a daily series")]
    public void Parse_IrregularDates_AreRejected(string dates, string where, string what)
    {
        string[] d = dates.Split(',');
        string text = $"{Header}\n{d[0]},1,1,1,1\n{d[1]},1,1,1,1\n{d[2]},1,1,1,1\n";
        string message = Rejected(text);
        Assert.Contains(where, message);
        Assert.Contains(what, message);
    }

    [Fact]
    public void Parse_ChannelThatNeverSpends_IsNamed()
    {
        string text = $"{Header}\n2024-01-01,1,1,0,1\n2024-01-08,1,2,0.0,1\n";
        Assert.Contains("'radio' never spends", Rejected(text));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\n\n", "empty")]
    [InlineData("\uFEFF", "empty")]
    [InlineData(Header + "\n", "no data rows")]
    [InlineData(Header, "no data rows")]
    [InlineData(Header + "\n2024-01-01,1,1,1,1\n", "one data row")]
    public void Parse_EmptyOrHeaderOnlyInput_IsRejected(string text, string what) =>
        Assert.Contains(what, Rejected(text));

    [Fact]
    public void Parse_BlankLineInTheMiddle_IsRejectedWithItsRow()
    {
        string text = $"{Header}\n2024-01-01,1,1,1,1\n\n2024-01-08,1,1,1,1\n";
        Assert.Contains("Row 3 is blank", Rejected(text));
    }

    [Fact]
    public void Parse_DuplicatedHeaderName_IsRejected_EvenForAnUnusedColumn()
    {
        string message = Rejected("week,sales,tv,radio,price,tv\n2024-01-01,1,1,1,1,1\n2024-01-08,1,1,1,1,1\n");
        Assert.Contains("names column 'tv' twice (columns 3 and 6)", message);
    }

    [Theory]
    [InlineData("\"abc\"x", "text after a closing quote")]
    [InlineData("a\"b", "a quote inside an unquoted field")]
    [InlineData("\"never closed", "never closed")]
    public void Parse_BadQuoting_IsRejected(string cell, string what)
    {
        string text = $"week,note,sales,tv\n2024-01-01,{cell},1,1\n2024-01-08,x,1,1\n";
        string message = Assert.Throws<FormatException>(() => MediaMixCsv.Parse(new StringReader(text), "week", "sales", ["tv"], null)).Message;
        Assert.Contains("Row 2 (line 2), field 2", message);
        Assert.Contains(what, message);
    }

    [Fact]
    public void Parse_InputOverTheSizeLimit_IsRejectedWithoutReadingItAll()
    {
        var endless = new EndlessReader();
        string message = Assert.Throws<FormatException>(() => MediaMixCsv.Parse(endless, "week", "sales", ["tv"], null)).Message;
        Assert.Contains("longer than 16,777,216 characters", message);
        Assert.Equal(MediaMixCsv.MaxCharacters + 1, endless.Served);
    }

    [Theory]
    [InlineData("nope", null, "kpiColumn")]
    [InlineData("sales", "nope", "channelColumns")]
    public void Parse_UnknownColumn_ListsTheHeader(string kpi, string? channel, string parameter)
    {
        var ex = Assert.Throws<ArgumentException>(() => MediaMixCsv.Parse(new StringReader(Body()), "week", kpi, [channel ?? "tv"], null));
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("'nope'", ex.Message);
        Assert.Contains("the columns are: week, sales, tv, radio, price", ex.Message);
    }

    [Fact]
    public void Parse_BadColumnArguments_NameTheParameter()
    {
        Assert.Equal("controlColumns", Assert.Throws<ArgumentException>(() => Parse(Body(), controls: ["nope"])).ParamName);
        Assert.Equal("channelColumns", Assert.Throws<ArgumentException>(() => Parse(Body(), channels: [])).ParamName);
        Assert.Equal("channelColumns", Assert.Throws<ArgumentException>(() => Parse(Body(), channels: ["tv", " "])).ParamName);
        Assert.Equal("channelColumns", Assert.Throws<ArgumentException>(() => Parse(Body(), channels: ["tv", "sales"])).ParamName);
        Assert.Equal("controlColumns", Assert.Throws<ArgumentException>(() => Parse(Body(), controls: ["tv"])).ParamName);
        Assert.Equal("dateColumn", Assert.Throws<ArgumentException>(() => MediaMixCsv.Parse(new StringReader(Body()), "", "sales", ["tv"], null)).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => MediaMixCsv.Parse(null!, "week", "sales", ["tv"], null)).ParamName);
    }

    /// <summary>Ten weekly rows with a BOM and CRLF, as a spreadsheet exports them.</summary>
    private static string TenWeeks(Func<int, string>? kpi = null) => "\uFEFF" + Header + "\r\n" + string.Concat(Enumerable.Range(0, 10).Select(t =>
        $"{new DateOnly(2024, 1, 1).AddDays(7 * t):yyyy-MM-dd},{kpi?.Invoke(t) ?? (100 + t).ToString(CultureInfo.InvariantCulture)},{t % 3},{(t + 1) % 2},1.{t}\r\n"));

    [Fact]
    public void Read_File_GivesTheModelsTable_InTheOrderAsked()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, TenWeeks()[1..], new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            MediaMixData data = MediaMixCsv.Read(path, "week", "sales", ["radio", "tv"], ["price"]);
            Assert.Equal(10, data.Periods);
            Assert.Equal(DataFrequency.Weekly, data.Frequency);
            Assert.Equal(["radio", "tv"], data.ChannelNames);
            Assert.Equal([0.0, 1, 2, 0, 1, 2, 0, 1, 2, 0], data.Spend("tv"));
            Assert.Equal(1.9, data.Control("price")[9]);
            Assert.Equal(109, data.Kpi[9]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => MediaMixCsv.Read(Path.Combine(Path.GetTempPath(), $"no-{Guid.NewGuid():N}.csv"), "week", "sales", ["tv"], null));

    [Fact]
    public void Read_FewerRowsThanTheModelNeeds_IsRejected()
    {
        string text = string.Join("\n", TenWeeks().Split("\r\n").Take(MediaMixData.MinimumPeriods));
        Assert.Contains($"at least {MediaMixData.MinimumPeriods}", Assert.Throws<FormatException>(() => MediaMixCsv.Read(new StringReader(text), "week", "sales", ["tv"], null)).Message);
    }

    [Fact]
    public void Read_KpiZeroEverywhere_IsRejected() =>
        Assert.Contains("'sales' is 0 in every row", Assert.Throws<FormatException>(() => MediaMixCsv.Read(new StringReader(TenWeeks(_ => "0")), "week", "sales", ["tv"], null)).Message);

    /// <summary>
    /// Whatever the formatting (quotes, padding, CRLF or LF, BOM, trailing blank lines, an extra text column), a table
    /// written out is read back exactly: "R" round-trips every double, and the reader never depends on the culture.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property Parse_RoundTripsAnyWellFormedTable() => Prop.ForAll(
        Arb.From(Gen.Choose(0, int.MaxValue)),
        seed =>
        {
            var rng = new Random(seed);
            int rows = rng.Next(2, 40), channels = rng.Next(1, 4), controls = rng.Next(0, 3);
            int step = rng.Next(2) == 0 ? 1 : 7;
            var start = new DateOnly(2000, 1, 1).AddDays(rng.Next(9000));
            double Number(bool nonNegative) => Math.Round((nonNegative ? rng.NextDouble() : rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 12)), rng.Next(0, 6));
            double[] kpi = [.. Enumerable.Range(0, rows).Select(_ => Number(false))];
            double[][] spend = [.. Enumerable.Range(0, channels).Select(_ => Enumerable.Range(0, rows).Select(_ => Number(true)).ToArray())];
            foreach (double[] s in spend)
            {
                s[rng.Next(rows)] = 1 + rng.Next(100);
            }

            double[][] ctrl = [.. Enumerable.Range(0, controls).Select(_ => Enumerable.Range(0, rows).Select(_ => Number(false)).ToArray())];
            string newline = rng.Next(2) == 0 ? "\n" : "\r\n";
            string Cell(string s) => rng.Next(4) switch { 0 => $"\"{s}\"", 1 => $" {s}\t", _ => s };
            var text = new StringBuilder(rng.Next(2) == 0 ? "\uFEFF" : "");
            string[] names = ["date", "kpi", .. Enumerable.Range(0, channels).Select(c => $"ch {c}"), .. Enumerable.Range(0, controls).Select(c => $"z{c}"), "note"];
            text.Append(string.Join(',', names.Select(Cell))).Append(newline);
            for (int t = 0; t < rows; t++)
            {
                string[] cells =
                [
                    start.AddDays(step * t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    kpi[t].ToString("R", CultureInfo.InvariantCulture),
                    .. spend.Select(s => s[t].ToString("R", CultureInfo.InvariantCulture)),
                    .. ctrl.Select(z => z[t].ToString("R", CultureInfo.InvariantCulture)),
                ];
                text.Append(string.Join(',', cells.Select(Cell))).Append(",\"a, \"\"b\"\"").Append(newline).Append("c\"").Append(newline);
            }

            text.Append(string.Concat(Enumerable.Repeat(newline, rng.Next(3))));
            var table = MediaMixCsv.Parse(new StringReader(text.ToString()), "date", "kpi", names[2..(2 + channels)], names[(2 + channels)..^1]);
            return table.StepDays == step && table.Dates[0] == start && table.Dates.Length == rows
                && table.Kpi.SequenceEqual(kpi) && table.Spend.Zip(spend).All(p => p.First.SequenceEqual(p.Second))
                && table.Controls.Zip(ctrl).All(p => p.First.SequenceEqual(p.Second));
        });

    /// <summary>A reader that never ends (a CSV header that goes on forever); counts what it served.</summary>
    private sealed class EndlessReader : TextReader
    {
        public long Served { get; private set; }

        public override int Read()
        {
            Served++;
            return 'x';
        }
    }
}
