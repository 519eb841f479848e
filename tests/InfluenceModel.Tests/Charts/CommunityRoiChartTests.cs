using InfluenceModel.Charts;
using InfluenceModel.Community;

namespace InfluenceModel.Tests.Charts;

public class CommunityRoiChartTests
{
    [Fact]
    public void Create_PlotsEffortAndShare_AndMarksBreakEvenAndPayback()
    {
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(CommunityRoiInputs.Default);

        ScottPlot.Plot plot = CommunityRoiChart.Create(curve);

        string[] legend = [.. plot.GetPlottables().Select(p => p.LegendItems.FirstOrDefault()?.LabelText ?? "")];
        Assert.Contains("Company effort (hours)", legend);
        Assert.Contains("Community-resolved share of questions (%)", legend);
        Assert.Contains("Break-even period (9)", legend);
        Assert.Contains("Payback period (20)", legend);
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
