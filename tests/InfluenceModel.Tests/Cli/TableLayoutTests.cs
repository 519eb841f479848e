using System.Text.RegularExpressions;
using InfluenceModel.Cli;

namespace InfluenceModel.Tests.Cli;

/// <summary>
/// Issue 16: tables readable at 80 columns and when redirected — no line over the width, no number split across
/// lines (the harness's console is not a terminal, so the commands take the plain layout, as when redirected).
/// </summary>
public sealed partial class TableLayoutTests
{
    private static string ExamplePlan() => Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "budget-plan.json");

    private static string Channels() => Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "channels.json");

    [GeneratedRegex(@"\d[\d,]*\.?\d*")]
    private static partial Regex Number();

    private static void AssertFits(string output, int width)
    {
        string[] lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: '{line}'"));
        Assert.DoesNotContain('│', output); // plain layout: no box characters when not a terminal
    }

    [Fact]
    public void Budget_At80Columns_FitsAndKeepsEveryNumberWhole()
    {
        var (code, output, _) = CliHarness.Run(80, "budget", "--input", ExamplePlan(), "--simulations", "200");
        Assert.Equal(CliApp.ExitOk, code);
        AssertFits(output, 80);

        // The same numbers as a wide layout: none was cut by wrapping.
        var (_, wide, _) = CliHarness.Run(400, "budget", "--input", ExamplePlan(), "--simulations", "200");
        var numbersWide = Number().Matches(wide).Select(m => m.Value).Where(v => v.Length > 3).ToHashSet();
        var numbers80 = Number().Matches(output).Select(m => m.Value).Where(v => v.Length > 3).ToHashSet();
        Assert.Superset(numbersWide, numbers80);
        Assert.Subset(numbersWide, numbers80);
    }

    [Fact]
    public void Budget_ReserveSweep_DoesNotRepeatTheObjectiveColumn()
    {
        var (_, output, _) = CliHarness.Run(200, "budget", "--input", ExamplePlan(), "--simulations", "100");
        string header = output.Split('\n').Single(l => l.StartsWith("reserve share", StringComparison.Ordinal));
        Assert.Contains("expected value ± 95%", header, StringComparison.Ordinal);
        Assert.DoesNotContain(" mean", header, StringComparison.Ordinal);
        Assert.Contains("CVaR5", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reach")]
    [InlineData("response")]
    public void Channels_At80Columns_Fits_ZeroSpendChannelsNotListedAsChosen(string objective)
    {
        var (code, output, _) = CliHarness.Run(80, "channels", "--input", Channels(), "--budget", "40000", "--objective", objective);
        Assert.Equal(CliApp.ExitOk, code);
        AssertFits(output, 80);
        Assert.Contains("no cap on channels", output, StringComparison.Ordinal);
        Assert.DoesNotContain("1000 channels", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ROI", output, StringComparison.Ordinal);
        // No chosen row with spend 0 (the third column of a data row).
        string[] rows = [.. output.Split('\n').SkipWhile(l => !l.StartsWith("channel", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.Trim().Length > 0 && !l.StartsWith("In the plan", StringComparison.Ordinal) && !l.StartsWith("Expected", StringComparison.Ordinal))];
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.DoesNotMatch(@"\s0\s+0\s+0\.0000", r));
        if (objective == "reach")
        {
            Assert.Contains("for reach only", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Channels_Ratios_HaveOnePrecision()
    {
        var (_, output, _) = CliHarness.Run(200, "channels", "--input", Channels(), "--budget", "40000", "--max-channels", "3");
        Assert.Contains("at most 3 channels", output, StringComparison.Ordinal);
        var ratios = Regex.Matches(output, @"\b0\.\d+\b").Select(m => m.Value.Length - 2).Distinct().ToArray();
        Assert.Equal([4], ratios);
    }

    [Fact]
    public void PlainLayout_SplitsIntoBlocks_RepeatingTheFirstColumn()
    {
        var table = new TextTable("policy", "aaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccc")
            .AddRow("annual fixed", "1,234,567", "2", "3")
            .AddRow("reserve", "4", "5", "6,543,210");
        string[] lines = [.. table.PlainLines(60)];
        Assert.All(lines, l => Assert.True(l.Length <= 60, l));
        Assert.Equal(2, lines.Count(l => l.StartsWith("annual fixed", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("1,234,567", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("6,543,210", StringComparison.Ordinal));
    }
}
