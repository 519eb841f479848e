using System.Text.Json;
using InfluenceModel.Campaigns;
using InfluenceModel.Cli;
using Spectre.Console;

namespace InfluenceModel.Tests.Cli;

public sealed class CampaignCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-campaign-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Demo_RunsEndToEnd_OnASmallNetwork_AndWritesTheReport()
    {
        string outFolder = Path.Combine(_folder, "out");
        (int code, string output, string error) = Run("demo", "--consumers", "300", "--simulations", "3", "--out", outFolder);

        Assert.Equal(CliApp.ExitOk, code);
        Assert.Equal("", error);
        Assert.Contains("incremental adopters at the end", output, StringComparison.Ordinal);
        string md = File.ReadAllText(Path.Combine(outFolder, "report.md"));
        Assert.Contains("## Community", md, StringComparison.Ordinal);
        Assert.Contains("## Reserve", md, StringComparison.Ordinal);
        Assert.Contains("Adoption per period by mechanism", md, StringComparison.Ordinal);
        Assert.Contains("<img src=\"adoption-by-mechanism.png\"", File.ReadAllText(Path.Combine(outFolder, "report.html")), StringComparison.Ordinal);
        foreach (string chart in (string[])["adoption-by-mechanism", "spend-vs-adoptions", "channel-response-curves", "reserve-value-curve", "community-roi"])
        {
            Assert.True(new FileInfo(Path.Combine(outFolder, chart + ".png")).Length > 1000, chart);
        }
    }

    [Fact]
    public void Demo_SameSeed_GivesIdenticalReportNumbers()
    {
        string a = Path.Combine(_folder, "a"), b = Path.Combine(_folder, "b");
        Assert.Equal(CliApp.ExitOk, Run("demo", "--consumers", "200", "--simulations", "3", "--seed", "4", "--out", a, "--parallelism", "1").Code);
        Assert.Equal(CliApp.ExitOk, Run("demo", "--consumers", "200", "--simulations", "3", "--seed", "4", "--out", b, "--parallelism", "2").Code);
        Assert.Equal(File.ReadAllText(Path.Combine(a, "report.md")), File.ReadAllText(Path.Combine(b, "report.md")));
    }

    [Fact]
    public void Run_FormatJson_PrintsTheResult()
    {
        string scenario = Write("s.json", (CampaignSimulatorTestsSmall() with { Simulation = new SimulationOptions { Simulations = 2 } }).ToJson());
        (int code, string output, string error) = Run("run", scenario, "--format", "json", "--out", Path.Combine(_folder, "o"));

        Assert.Equal(CliApp.ExitOk, code);
        Assert.Equal("", error);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetProperty("simulations").GetInt32());
        Assert.Equal(12, doc.RootElement.GetProperty("periods").GetArrayLength());
        Assert.True(doc.RootElement.GetProperty("periods")[0].GetProperty("adopters").TryGetProperty("interval95", out _));
    }

    [Fact]
    public void Run_PrintDefault_PrintsTheBuiltInScenario_WhichValidates()
    {
        (int code, string output, string error) = Run("run", "--print-default");
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Equal("", error);
        Assert.Empty(CampaignScenario.Validate(output));
        Assert.Equal(CampaignScenario.Default.ToJson(), CampaignScenario.Parse(output).ToJson());
    }

    [Fact]
    public void ShippedExampleScenario_Validates()
    {
        string example = Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "campaign.json");
        (int code, string output, _) = Run("validate", example);
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithoutAScenario_SaysHowToGetOne_ExitsTwo()
    {
        (int code, _, string error) = Run("run");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("--print-default", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Valid_ExitsZero()
    {
        string scenario = Write("ok.json", CampaignScenario.Default.ToJson());
        (int code, string output, _) = Run("validate", scenario);
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Invalid_ListsEveryProblem_ExitsTwo()
    {
        string scenario = Write("bad.json", """{ "schemaVersion": 2, "budget": { "reserveShare": 1.5 }, "influence": { "stubbornness": -1 } }""");
        (int code, string output, _) = Run("validate", scenario);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("$.budget.reserveShare must be a finite number in [0, 1]; it was 1.5", output, StringComparison.Ordinal);
        Assert.Contains("$.influence.stubbornness", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidScenario_RunsNothing_ExitsTwo()
    {
        string scenario = Write("bad.json", """{ "budget": { "reserveShare": 1.5 } }""");
        string outFolder = Path.Combine(_folder, "never");
        (int code, _, string error) = Run("run", scenario, "--out", outFolder);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("$.budget.reserveShare", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outFolder));
    }

    [Theory]
    [InlineData("validate", "missing.json")]
    [InlineData("run", "missing.json")]
    [InlineData("demo", "--simulations", "0")]
    [InlineData("demo", "--no-such-option")]
    [InlineData("run", "s.json", "--format", "xml")]
    public void BadArguments_OneLine_ExitTwo(params string[] args)
    {
        if (args.Contains("s.json"))
        {
            args = [.. args.Select(a => a == "s.json" ? Write("s.json", "{}") : a)];
        }

        (int code, _, string error) = Run(args);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void MalformedJson_OneLine_NamesTheFile_ExitTwo()
    {
        string scenario = Write("broken.json", """{ "budget": { "annualTotal": 5 """);
        (int code, _, string error) = Run("validate", scenario);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("broken.json", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void WrongType_IsListedWithItsPath_ExitTwo()
    {
        string scenario = Write("typed.json", """{ "budget": { "annualTotal": "lots" } }""");
        (int code, string output, _) = Run("validate", scenario);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("$.budget.annualTotal", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("run")]
    [InlineData("validate")]
    public void Help_ShowsExamples(string command)
    {
        (int code, string output, _) = Run(command, "--help");
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("EXAMPLES", output, StringComparison.Ordinal);
    }

    private static CampaignScenario CampaignSimulatorTestsSmall() => InfluenceModel.Tests.Campaigns.CampaignSimulatorTests.Small(300);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => CliHarness.Run(200, args);
}
