using System.Text.Json;
using InfluenceModel.Channels;
using InfluenceModel.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.Cli;

public class ChannelsCommandTests
{
    private static string Example => Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "channels.json");

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(200, args);

    [Fact]
    public void Channels_OnShippedExample_WritesPlanAndChart()
    {
        string chart = Path.Combine(Path.GetTempPath(), $"channels-{Guid.NewGuid():N}.png");
        (int code, string output, _) = Run("channels", "--input", Example, "--budget", "40000", "--max-channels", "3", "--chart", chart);
        Assert.Equal(0, code);
        Assert.Contains("proven optimal", output, StringComparison.Ordinal);
        Assert.Contains("left out", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(chart).Length > 1000);
        File.Delete(chart);
    }

    [Fact]
    public void Channels_Json_RespectsCapAndBudget()
    {
        (int code, string output, _) = Run("channels", "--input", Example, "--budget", "20000", "--max-channels", "2", "--objective", "reach", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("selected").GetArrayLength() <= 2);
        Assert.True(doc.RootElement.GetProperty("totalCost").GetDouble() <= 20000 + 1e-6);
    }

    [Theory]
    [InlineData("{\"segments\":[{\"name\":\"a\",\"size\":1}],\"channels\":[],\"colour\":1}", "colour")]
    [InlineData("{\"segments\":[{\"name\":\"a\",\"size\":1}],\"channels\":[{\"name\":\"x\",\"fixedCost\":1,\"audience\":[0.5],\"curve\":{\"kind\":\"hill\",\"beta\":1,\"kappa\":0}}]}", "kappa")]
    [InlineData("{\"segments\":[{\"name\":\"a\",\"size\":1}],\"channels\":[{\"name\":\"x\",\"fixedCost\":100,\"audience\":[0.5],\"curve\":{\"kind\":\"logistic\",\"beta\":1,\"lambda\":1}}],\"required\":[\"x\"]}", "Infeasible")]
    [InlineData("{\"segments\": [", "$.segments")]
    public void Channels_BadInput_ExitsTwoWithOneLine(string json, string expected)
    {
        string path = Path.Combine(Path.GetTempPath(), $"channels-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        (int code, _, string error) = Run("channels", "--input", path, "--budget", "10");
        File.Delete(path);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Channels_MissingBudgetOrFile_ExitsTwo()
    {
        Assert.Equal(2, Run("channels", "--input", Example).Code);
        Assert.Equal(2, Run("channels", "--input", "/nonexistent/channels.json", "--budget", "5").Code);
        Assert.Equal(2, Run("channels", "--input", Example, "--budget", "5", "--format", "xml").Code);
    }
}
