using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;
using InfluenceModel.Charts;
using InfluenceModel.Tests.Cli;
using ScottPlot;

namespace InfluenceModel.Tests.Charts;

/// <summary>The campaign report's charts follow the one chart style: units on the axes, axes from where the data can
/// start, bands shaded with a legend entry, integer period ticks, no flat-zero series.</summary>
public sealed class CampaignChartsTests(SmallCampaignReport report) : IClassFixture<SmallCampaignReport>
{
    [Fact]
    public void ReserveValueCurve_StartsAtZero_ShowsTheAllCommittedPoint_AndIsTheBudgetCommandsChart()
    {
        Plot plot = CampaignCharts.ReserveValueCurve(report.Result, "EUR");

        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom);
        Assert.InRange(limits.Left, -3, 0);
        Assert.Equal("", Tick(plot.Axes.Bottom, -2));
        Assert.Equal("0 %", Tick(plot.Axes.Bottom, 0));
        string[] legend = Legend(plot);
        Assert.Contains(legend, l => l.StartsWith("All committed (0 % reserve)", StringComparison.Ordinal));
        Assert.Contains("95% confidence band", legend);
        Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>());
        Assert.Equal("Expected annual value (EUR)", plot.Axes.Left.Label.Text);
        // The budget command draws the same chart from its own curve type.
        ReserveCurve curve = new()
        {
            Objective = ReserveObjective.Mean,
            Points = [.. report.Result.Reserve.Curve.Select(p => new ReservePoint { ReserveShare = p.ReserveShare, Mean = p.Value, ConditionalValueAtRisk5 = p.Value, Objective = p.Value })],
            BestShare = report.Result.Reserve.BestShare,
            BestValue = report.Result.Reserve.Curve[0].Value,
            Simulations = 4000,
        };
        Plot budget = ReserveChart.Create(curve, "gross margin (EUR)");
        Assert.Equal(limits.Bottom, budget.Axes.GetLimits().Bottom);
        Assert.Contains(Legend(budget), l => l.StartsWith("All committed (0 % reserve)", StringComparison.Ordinal));
        Assert.Equal(plot.GetPlottables().Count() - 1, budget.GetPlottables().Count()); // all but the scenario's marker
    }

    [Fact]
    public void AdoptionByMechanism_IsLabelledCumulative_HasBands_IntegerTicks_AndOmitsZeroMechanisms()
    {
        CampaignResult withZero = report.Result with
        {
            Periods = [.. report.Result.Periods.Select(p => p with { Internalization = new Estimate(0, 0, 4) })],
        };

        Plot plot = CampaignCharts.AdoptionByMechanism(withZero);

        Assert.Contains("cumulative", plot.Axes.Left.Label.Text, StringComparison.Ordinal);
        string[] legend = Legend(plot);
        Assert.DoesNotContain(legend, l => l.Contains("internalization", StringComparison.Ordinal));
        Assert.Contains(plot.GetPlottables().OfType<ScottPlot.Plottables.Annotation>(), a => a.Text.Contains("internalization", StringComparison.Ordinal));
        Assert.Equal(legend.Length, plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>().Count());
        Assert.Equal(0, plot.Axes.GetLimits().Bottom);
        var ticks = Assert.IsType<ScottPlot.TickGenerators.NumericAutomatic>(plot.Axes.Bottom.TickGenerator);
        Assert.True(ticks.IntegerTicksOnly);
    }

    [Fact]
    public void SpendAgainstAdoptions_HasCurrency_AShadedLabelledBand_AndAxesFromZero()
    {
        Plot plot = CampaignCharts.SpendAgainstAdoptions(report.Result, "EUR");

        Assert.Contains("EUR", plot.Axes.Bottom.Label.Text, StringComparison.Ordinal);
        ScottPlot.Plottables.FillY band = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>());
        Assert.Equal("95% confidence band", band.LegendText);
        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Left);
        Assert.True(limits.Bottom >= Math.Min(0, report.Result.Periods.Min(p => p.IncrementalAdopters.Interval95.Lower)) - 1e-9 - (0.06 * limits.Top));
        Assert.Equal("120,000", Tick(plot.Axes.Bottom, 120_000));
    }

    [Fact]
    public void ChannelResponseCurves_ArePercentFromZero_AndTheDotsAreExplained()
    {
        Plot plot = CampaignCharts.ChannelResponseCurves(report.Campaign, "EUR");

        Assert.Equal("25 %", Tick(plot.Axes.Left, 25));
        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom);
        Assert.InRange(limits.Top, 1, 105);
        Assert.Equal(0, limits.Left);
        Assert.Contains(Legend(plot), l => l.StartsWith("Dots: the plan's spend per period", StringComparison.Ordinal));
    }

    private static string[] Legend(Plot plot) =>
        [.. plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t))];

    private static string Tick(IAxis axis, double value) =>
        Assert.IsType<ScottPlot.TickGenerators.NumericAutomatic>(axis.TickGenerator).LabelFormatter(value);
}
