using System.Text.Json;
using System.Text.Json.Nodes;
using InfluenceModel.Cli;
using Spectre.Console;

namespace InfluenceModel.Tests.Cli;

public sealed class BudgetCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-budget-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The shipped example plan (docs/examples/budget-plan.json).</summary>
    private static string ExamplePlan() => Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "budget-plan.json");

    [Fact]
    public void Budget_ExamplePlan_PrintsPoliciesAndReserveCurve_AndWritesChart()
    {
        string chart = Path.Combine(_folder, "reserve.png");
        var (code, output, error) = Run("budget", "--input", ExamplePlan(), "--simulations", "400", "--chart", chart);
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Equal("", error);
        Assert.Contains("stochastic knapsack", output, StringComparison.Ordinal);
        Assert.Contains("best reserve share", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(chart).Length > 1000);
    }

    [Fact]
    public void Budget_JsonFormat_HasFourPoliciesAndTheSearchGrid()
    {
        var (code, output, _) = Run("budget", "--input", ExamplePlan(), "--simulations", "300", "--format", "json");
        Assert.Equal(CliApp.ExitOk, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("comparison").GetProperty("outcomes").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("comparison").GetProperty("differences").GetArrayLength());
        var curve = json.RootElement.GetProperty("reserveCurve");
        Assert.Equal(21, curve.GetProperty("points").GetArrayLength());
        Assert.Equal(300, curve.GetProperty("simulations").GetInt32());
    }

    [Fact]
    public void Budget_Help_ShowsTheExamplePlan()
    {
        var (code, output, _) = Run("budget", "--help");
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("docs/examples/budget-plan.json", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strategy", null, "budget needs a strategy")]
    [InlineData("colour", "\"blue\"", "colour")]
    [InlineData("annualTotal", "-5", "annualTotal")]
    [InlineData("reserveShare", "1.5", "reserveShare")]
    public void Budget_BadPlan_ExitsTwoWithOneLine(string property, string? value, string expected)
    {
        var plan = JsonNode.Parse(File.ReadAllText(ExamplePlan()))!.AsObject();
        if (value is null)
        {
            plan.Remove(property);
        }
        else
        {
            plan[property] = JsonNode.Parse(value);
        }

        string path = Path.Combine(_folder, "plan.json");
        File.WriteAllText(path, plan.ToJsonString());
        var (code, _, error) = Run("budget", "--input", path, "--simulations", "50");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains(expected, error, StringComparison.OrdinalIgnoreCase);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--simulations", "0")]
    [InlineData("--chart", "reserve.gif")]
    public void Budget_BadOption_ExitsTwo(string option, string value)
    {
        var (code, _, error) = Run("budget", "--input", ExamplePlan(), option, value);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => CliHarness.Run(160, args);
}
