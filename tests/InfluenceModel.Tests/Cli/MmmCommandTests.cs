using System.Text.Json;
using InfluenceModel.Cli;

namespace InfluenceModel.Tests.Cli;

public sealed class MmmCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-mmm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The shipped example (docs/examples/media-mix.csv, written by docs/experiments/media-mix.cs).</summary>
    private static string Example() => Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "media-mix.csv");

    /// <summary>
    /// The example's columns and a very short run (2 × 60 iterations, a few seconds): enough for the shape, the
    /// finiteness and the charts, not for inference — the model's own tests check recovery.
    /// </summary>
    private static string[] Args(params string[] extra) =>
    [
        "mmm", "--input", Example(), "--date", "week", "--kpi", "sales", "--channels", "tv,search,social", "--controls", "price",
        "--chains", "2", "--warmup", "40", "--draws", "20", "--seed", "3", .. extra,
    ];

    private static (int Code, string Output, string Error) Run(params string[] args) => CliHarness.Run(80, args);

    [Fact]
    public void Json_OnTheExample_IsOneObjectWithTheDocumentedShape_AndWritesTheCharts()
    {
        string charts = Path.Combine(_folder, "charts");
        var (code, output, error) = Run(Args("--format", "json", "--out", charts, "--trend", "linear"));
        Assert.True(code == CliApp.ExitOk, error);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(["channels", "diagnostics", "fit"], Names(root));

        JsonElement[] channels = [.. root.GetProperty("channels").EnumerateArray()];
        Assert.Equal(["tv", "search", "social"], channels.Select(c => c.GetProperty("name").GetString()));
        foreach (JsonElement channel in channels)
        {
            Assert.Equal(["name", "contributionShare", "roas", "marginalRoas", "parameters"], Names(channel));
            Figure(channel.GetProperty("contributionShare"));
            Figure(channel.GetProperty("roas"));
            Figure(channel.GetProperty("marginalRoas"));
            JsonElement parameters = channel.GetProperty("parameters");
            Assert.Equal(["adstockAlpha", "beta", "saturationLambda"], Names(parameters).Order());
            foreach (JsonProperty p in parameters.EnumerateObject())
            {
                Figure(p.Value);
            }
        }

        JsonElement diagnostics = root.GetProperty("diagnostics");
        Assert.Equal(["maxRhat", "minEssBulk", "divergences"], Names(diagnostics));
        Assert.True(diagnostics.GetProperty("maxRhat").GetDouble() >= 0.9);
        Assert.True(diagnostics.GetProperty("minEssBulk").GetDouble() > 0);
        Assert.True(diagnostics.GetProperty("divergences").GetInt32() >= 0);
        JsonElement fit = root.GetProperty("fit");
        Assert.Equal(["r2", "mape"], Names(fit));
        Assert.InRange(fit.GetProperty("r2").GetDouble(), 0.5, 1); // the trend and season alone explain most of the example
        Assert.InRange(fit.GetProperty("mape").GetDouble(), 0, 0.5);

        foreach (string name in new[] { "decomposition.png", "response-curves.png", "fit.png", "roas.png" })
        {
            Assert.True(new FileInfo(Path.Combine(charts, name)).Length > 10_000, name);
        }
    }

    [Fact]
    public void Table_FitsEightyColumns_AndNamesEveryChannel()
    {
        var (code, output, error) = Run(Args("--adstock", "weibull-cdf", "--saturation", "hill", "--seasonality", "1"));
        Assert.True(code == CliApp.ExitOk, error);
        foreach (string name in new[] { "tv", "search", "social", "adstockShape", "adstockScale", "saturationKappa", "saturationSlope", "max R-hat", "MAPE" })
        {
            Assert.Contains(name, output);
        }

        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, $"{line.Length} columns: {line}"));
    }

    [Theory]
    [InlineData(4361.2, "4,361")]
    [InlineData(-42.123, "-42.12")]
    [InlineData(0.19149, "0.191")]
    [InlineData(0.0287, "0.029")]
    [InlineData(0.000115, "1.2E-04")]
    [InlineData(0, "0")]
    public void TableNumbers_AreShortAndCultureFree(double value, string expected) =>
        Assert.Equal(expected, MmmReport.Number(value));

    [Fact]
    public void Help_ShowsTheOptionsAndTheExample()
    {
        var (code, output, _) = Run("mmm", "--help");
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("docs/examples/media-mix.csv", output);
        Assert.Contains("--saturation", output);
    }

    [Theory]
    [InlineData("--format", "xml", "--format must be table or json; it was 'xml'")]
    [InlineData("--trend", "cubic", "--trend must be none or linear")]
    [InlineData("--adstock", "hyperbolic", "--adstock must be geometric, delayed, weibull-cdf or weibull-pdf")]
    [InlineData("--saturation", "tanh", "--saturation must be logistic, hill or michaelis-menten")]
    [InlineData("--chains", "0", "--chains must be in [1, 1024]")]
    [InlineData("--warmup", "-1", "--warmup must be in [0, 1000000]")]
    [InlineData("--draws", "3", "--draws must be in [4, 1000000]")]
    [InlineData("--seasonality", "21", "--seasonality must be in [0, 20]")]
    [InlineData("--max-lag", "0", "--max-lag must be in [1, 104]")]
    [InlineData("--kpi", "revenue", "--kpi: Column 'revenue'")]
    [InlineData("--channels", "tv,radio", "--channels: Column 'radio'")]
    [InlineData("--controls", "holiday", "--controls: Column 'holiday'")]
    [InlineData("--date", "day", "--date: Column 'day'")]
    [InlineData("--channels", " , ", "--channels must name at least one column")]
    [InlineData("--seed", "-1", "-1")]
    [InlineData("--colour", "blue", "colour")]
    public void BadOption_ExitsTwo_WithOneLineNamingIt(string option, string value, string expected)
    {
        var (code, output, error) = Run(Args(option, value));
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void UnknownColumn_ListsTheColumnsOfTheFile()
    {
        var (_, _, error) = Run(Args("--kpi", "revenue"));
        Assert.Contains("the columns are: week, sales, tv, search, social, price", error);
    }

    [Fact]
    public void DelayedAdstock_NeedsTwoLags()
    {
        var (code, _, error) = Run(Args("--adstock", "delayed", "--max-lag", "1"));
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("--max-lag must be in [2, 104]", error);
    }

    [Theory]
    [InlineData("--input")]
    [InlineData("--date")]
    [InlineData("--kpi")]
    [InlineData("--channels")]
    public void MissingRequiredOption_ExitsTwo(string option)
    {
        string[] args = Args();
        int at = Array.IndexOf(args, option);
        var (code, _, error) = Run([.. args[..at], .. args[(at + 2)..]]);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains($"{option} <", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void MissingDataFile_ExitsTwo()
    {
        string[] args = Args();
        args[Array.IndexOf(args, "--input") + 1] = Path.Combine(_folder, "nope.csv");
        var (code, _, error) = Run(args);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("--input: file", error);
        Assert.Contains("nope.csv", error);
    }

    [Theory]
    [InlineData(5, 2, "abc", "Row 6, column 'tv': 'abc' is not a number")]
    [InlineData(7, 3, "-10", "Row 8, column 'search': spend must be ≥ 0")]
    [InlineData(9, 5, "NaN", "Row 10, column 'price': 'NaN' is not a finite number")]
    [InlineData(4, 0, "2023-02-01", "Row 5, column 'week'")]
    [InlineData(3, 1, "", "Row 4, column 'sales': the cell is empty")]
    public void BadCell_ExitsTwo_NamingRowAndColumn(int line, int column, string value, string expected)
    {
        string[] lines = File.ReadAllLines(Example());
        string[] cells = lines[line].Split(',');
        cells[column] = value;
        lines[line] = string.Join(',', cells);
        string path = Path.Combine(_folder, "bad.csv");
        File.WriteAllLines(path, lines);
        string[] args = Args();
        args[Array.IndexOf(args, "--input") + 1] = path;
        var (code, _, error) = Run(args);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void UnwritableOut_IsReportedBeforeTheDataIsEvenRead()
    {
        string file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "not a folder");
        string[] args = Args("--out", Path.Combine(file, "charts"));
        args[Array.IndexOf(args, "--input") + 1] = Path.Combine(_folder, "nope.csv");
        var (code, _, error) = Run(args);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("--out", error);
        Assert.Contains("is not a writable folder", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>A posterior figure: exactly mean, sd, hdi94Low, hdi94High, all finite, ordered low ≤ high, sd ≥ 0.</summary>
    private static void Figure(JsonElement figure)
    {
        Assert.Equal(["mean", "sd", "hdi94Low", "hdi94High"], Names(figure));
        double[] v = [.. figure.EnumerateObject().Select(p => p.Value.GetDouble())];
        Assert.All(v, x => Assert.True(double.IsFinite(x)));
        Assert.True(v[1] >= 0);
        Assert.True(v[2] <= v[3]);
    }
}
