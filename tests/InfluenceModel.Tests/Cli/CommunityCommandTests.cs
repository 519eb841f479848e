using System.Text.Json;
using InfluenceModel.Cli;
using InfluenceModel.Community;
using Spectre.Console;

namespace InfluenceModel.Tests.Cli;

public sealed class CommunityCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Community_JsonInput_OverridesDefaults_AndJsonOutputRoundTrips()
    {
        string input = Write("inputs.json", """
            // comments and trailing commas are fine
            { "horizon": 12, "costPerTicket": 20, "observedMembers": [1000, 2000, 4000], }
            """);

        (int code, string output, string error) = Run("community", "--input", input, "--format", "json");

        Assert.Equal(CliApp.ExitOk, code);
        Assert.Equal("", error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement points = json.RootElement.GetProperty("points");
        Assert.Equal(12, points.GetArrayLength());
        Assert.Equal(4000, points[11].GetProperty("members").GetDouble());
        var expected = CommunityRoiCalculator.Compute(CommunityRoiInputs.Default with { Horizon = 12, CostPerTicket = 20, ObservedMembers = [1000, 2000, 4000] });
        Assert.Equal(expected.NetPresentValue, json.RootElement.GetProperty("netPresentValue").GetDouble(), 1e-9);
        Assert.Equal(16, json.RootElement.GetProperty("sensitivity").GetArrayLength() + 3);
    }

    [Fact]
    public void Community_Csv_HasHeaderAndOneRowPerPeriod_AndWritesSvgChart()
    {
        string chart = Path.Combine(_folder, "roi.svg");
        (int code, string output, _) = Run("community", "--format", "csv", "--chart", chart);

        Assert.Equal(CliApp.ExitOk, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("period,members,demand,community_resolved", lines[0], StringComparison.Ordinal);
        Assert.Equal(37, lines.Length);
        Assert.StartsWith("36,", lines[^1], StringComparison.Ordinal);
        Assert.True(File.Exists(chart));
    }

    [Theory]
    [InlineData("{ \"horizon\": 12, ", "inputs.json")]
    [InlineData("{ \"horizon\": \"twelve\" }", "$.horizon")]
    [InlineData("{ \"costPerTickets\": 12 }", "costPerTickets")]
    [InlineData("{ \"horizon\": 0 }", "$.horizon must be in [1, 1200]; it was 0")]
    [InlineData("{ \"heavyContributorShare\": 1.5 }", "$.heavyContributorShare")]
    [InlineData("null", "null")]
    public void Community_BadJson_OneLineOnStderrNamingTheProblem_ExitCode2(string json, string named)
    {
        string input = Write("inputs.json", json);

        (int code, string output, string error) = Run("community", "--input", input);

        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Equal("", output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("community", "--format", "xml")]
    [InlineData("community", "--chart", "roi.gif")]
    [InlineData("community", "--input", "does-not-exist.json")]
    public void Community_BadOptions_ExitCode2(params string[] args)
    {
        (int code, _, string error) = Run(args);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Community_ChartPathUnderAFile_IsBadInput_ExitCode2()
    {
        string file = Write("not-a-folder.txt", "x");
        (int code, _, string error) = Run("community", "--chart", Path.Combine(file, "roi.png"));
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => CliHarness.Run(120, args);
}
