using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Campaigns;
using InfluenceModel.Cli;

namespace InfluenceModel.Tests.Cli;

/// <summary>One small simulated campaign and its written report, shared by the report tests.</summary>
public sealed class SmallCampaignReport : IDisposable
{
    public SmallCampaignReport()
    {
        Scenario = Campaigns.CampaignSimulatorTests.Small(300);
        Campaign = Scenario.Build();
        Result = CampaignSimulator.Simulate(Campaign, new SimulationOptions { Simulations = 4, Seed = 5 });
        Folder = Directory.CreateTempSubdirectory("influence-report-").FullName;
        using (var outputs = new OutputFiles())
        {
            (MarkdownPath, HtmlPath) = CampaignReport.Write(Campaign, Result, Folder, outputs, CancellationToken.None);
            outputs.Commit(CancellationToken.None);
        }

        Markdown = File.ReadAllText(MarkdownPath);
    }

    public CampaignScenario Scenario { get; }

    public Campaign Campaign { get; }

    public CampaignResult Result { get; }

    public string Folder { get; }

    public string MarkdownPath { get; }

    public string HtmlPath { get; }

    public string Markdown { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>The rows (cells, trimmed) of the Markdown table under "## <paramref name="title"/>".</summary>
    public static List<string[]> Table(string markdown, string title)
    {
        string[] lines = markdown.Split('\n');
        int i = Array.IndexOf(lines, "## " + title);
        Assert.True(i >= 0, $"section '{title}' not found");
        while (!lines[i].StartsWith('|'))
        {
            i++;
        }

        var rows = new List<string[]>();
        for (i += 2; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            rows.Add([.. lines[i].Trim('|', ' ').Split(" | ").Select(c => c.Trim())]);
        }

        return rows;
    }

    public static double Number(string cell) => double.Parse(cell, NumberStyles.Number, CultureInfo.InvariantCulture);
}

public sealed class CampaignReportTests(SmallCampaignReport report) : IClassFixture<SmallCampaignReport>
{
    [Fact]
    public void MoneyTable_EveryLineAddsUpToTheBudget()
    {
        List<string[]> rows = SmallCampaignReport.Table(report.Markdown, CampaignReport.MoneySectionTitle);
        string[] total = rows[^1];
        Assert.StartsWith("Total", total[0], StringComparison.Ordinal);
        double budget = report.Scenario.Budget.AnnualTotal;
        Assert.Equal(budget, SmallCampaignReport.Number(total[1]));

        // Each amount is rounded to a whole unit: the lines may differ from the total by half a unit each at most.
        double sum = rows.Take(rows.Count - 1).Sum(r => SmallCampaignReport.Number(r[1]));
        Assert.InRange(sum, budget - (0.5 * rows.Count), budget + (0.5 * rows.Count));
    }

    [Fact]
    public void MoneyTable_ShowsTheAmbassadorProgrammeAndTheReserve()
    {
        List<string[]> rows = SmallCampaignReport.Table(report.Markdown, CampaignReport.MoneySectionTitle);
        AmbassadorProgram program = report.Campaign.AmbassadorProgram;
        Assert.True(program.CostPerPeriod > 0);
        string[] programme = Assert.Single(rows, r => r[0] == "Ambassador programme");
        Assert.Equal(Math.Round(program.CostPerPeriod * report.Campaign.Periods), SmallCampaignReport.Number(programme[1]));

        double reserve = report.Scenario.Budget.AnnualTotal * report.Scenario.Budget.ReserveShare;
        double reserveLines = rows.Where(r => r[0].StartsWith("Reserve", StringComparison.Ordinal)).Sum(r => SmallCampaignReport.Number(r[1]));
        Assert.InRange(reserveLines, reserve - 1, reserve + 1);
        foreach (ChannelResult channel in report.Result.Channels)
        {
            Assert.Equal(Math.Round(channel.Spend), SmallCampaignReport.Number(Assert.Single(rows, r => r[0] == "Channel: " + channel.Name)[1]));
        }
    }

    [Fact]
    public void Roi_IsDefinedWhereItIsShown_AndTheReserveIsInTheSameUnit()
    {
        Assert.Contains("ROI here is (value per adoption × incremental adopters − committed money) / committed money", report.Markdown, StringComparison.Ordinal);
        List<string[]> summary = SmallCampaignReport.Table(report.Markdown, "Summary");
        Assert.Contains(summary, r => r[0].StartsWith("ROI on the committed money", StringComparison.Ordinal));
        Assert.Contains(summary, r => r[0].StartsWith("Return on the whole budget with the", StringComparison.Ordinal) && r[1].EndsWith('%'));
    }

    [Fact]
    public void PerPeriodTable_AddsUpToTheCumulativeAdopters()
    {
        List<string[]> rows = SmallCampaignReport.Table(report.Markdown, "Adoption per period");
        Assert.Equal(report.Result.Periods.Count, rows.Count);
        double added = rows.Sum(r => SmallCampaignReport.Number(r[4]));
        double end = report.Result.Periods[^1].Adopters.Mean;
        Assert.InRange(added, end - (0.5 * rows.Count), end + (0.5 * rows.Count));
        // The spend column is per period too: it adds up to the spend to date.
        Assert.Equal(report.Result.Periods[^1].CumulativeSpend, rows.Sum(r => SmallCampaignReport.Number(r[2])), 0.5 * rows.Count);
        Assert.Contains("## Adoption to date (cumulative)", report.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(41.3, 0.2, "41.30 ± 0.39")]
    [InlineData(2327, 10.2, "2,327 ± 20")]
    [InlineData(524614, 845, "524,614 ± 1,656")]
    [InlineData(436270, 0, "436,270 ± 0")]
    public void Ci_ShowsTwoSignificantFiguresOfTheError(double mean, double standardError, string expected) =>
        Assert.Equal(expected, CampaignReport.Ci(new Estimate(mean, standardError, 40)));

    [Property(MaxTest = 300)]
    public Property Ci_NonZeroError_NeverPrintsAsZero() =>
        Prop.ForAll(
            Gen.Choose(-300, 300).Select(e => Math.Pow(10, e / 50.0)).ToArbitrary(),
            Gen.Choose(-1_000_000, 1_000_000).ToArbitrary(),
            (se, mean) =>
            {
                string text = CampaignReport.Ci(new Estimate(mean, se, 10));
                string half = text[(text.IndexOf('±', StringComparison.Ordinal) + 1)..].Trim();
                return SmallCampaignReport.Number(half) > 0;
            });

    [Fact]
    public void CiPercent_ShowsTwoSignificantFiguresOfTheError() =>
        Assert.Equal("-12.72 % ± 0.78 %", CampaignReport.CiPercent(new Estimate(-0.1272, 0.004, 40)));
}
