using InfluenceModel.Charts;
using InfluenceModel.Community;

namespace InfluenceModel.Tests.Charts;

public class CommunityRoiChartTests
{
    [Fact]
    public void Create_ShowsMoney_CumulativeNetValue_AndMarksBreakEvenAndPayback()
    {
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(CommunityRoiInputs.Default);

        ScottPlot.Plot plot = CommunityRoiChart.Create(curve, "EUR");

        string[] legend = [.. plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText)];
        Assert.Contains("Cumulative net value", legend);
        Assert.Contains("Net value in the period", legend);
        Assert.Contains("Break-even (net value ≥ 0): period 9", legend);
        Assert.Contains("Payback (cumulative ≥ 0): period 20", legend);
        Assert.Equal("Net value (EUR)", plot.Axes.Left.Label.Text);
        Assert.Contains("pays back in period 20", plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        // One money axis, and it shows both the deepest cumulative loss and the final gain.
        Assert.False(plot.Axes.Right.IsVisible && plot.GetPlottables().Any(p => p.Axes.YAxis == plot.Axes.Right));
        ScottPlot.AxisLimits limits = plot.Axes.GetLimits();
        Assert.True(limits.Bottom <= curve.Points.Min(p => p.CumulativeNetValue));
        Assert.True(limits.Top >= curve.Points.Max(p => p.CumulativeNetValue));
    }

    [Fact]
    public void Create_WhenItNeverPays_SaysSoInTheTitle_AndMarksNoPayback()
    {
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(CommunityRoiInputs.Default with { LaunchCost = 1e9, QuestionsPerCustomer = 0 });

        ScottPlot.Plot plot = CommunityRoiChart.Create(curve);

        Assert.Contains("does not pay back", plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(plot.GetPlottables().SelectMany(p => p.LegendItems), i => i.LabelText.StartsWith("Payback", StringComparison.Ordinal));
        Assert.True(plot.Axes.GetLimits().Bottom <= curve.Points.Min(p => p.CumulativeNetValue));
    }

    [Fact]
    public void Save_WritesPngAndSvg_EvenWithoutBreakEven_AndRejectsOtherExtensions()
    {
        CommunityRoiCurve neverPays = CommunityRoiCalculator.Compute(CommunityRoiInputs.Default with { LaunchCost = 1e9, QuestionsPerCustomer = 0 });
        Assert.Null(neverPays.BreakEvenPeriod);
        string folder = Directory.CreateTempSubdirectory("influence-chart-").FullName;
        try
        {
            CommunityRoiChart.Save(neverPays, Path.Combine(folder, "a.png"));
            CommunityRoiChart.Save(neverPays, Path.Combine(folder, "a.svg"));
            Assert.True(new FileInfo(Path.Combine(folder, "a.png")).Length > 1000);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "a.svg")), StringComparison.Ordinal);
            Assert.Equal("path", Assert.Throws<ArgumentException>(() => CommunityRoiChart.Save(neverPays, Path.Combine(folder, "a.gif"))).ParamName);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
