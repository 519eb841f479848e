using InfluenceModel.Charts;
using ScottPlot;
using ScottPlot.Plottables;

namespace InfluenceModel.Tests.Charts;

public sealed class MediaMixChartTests
{
    private static readonly DateTime[] Weeks = [.. Enumerable.Range(0, 4).Select(t => new DateTime(2024, 1, 1).AddDays(7 * t))];

    private static string[] Legend(Plot plot) =>
        [.. plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t))];

    [Fact]
    public void Stack_PutsPositivePartsAboveAndNegativePartsBelowZero()
    {
        DecompositionLayer[] layers = [new("Baseline", [10, 10, 10, 10]), new("Controls", [-2, 1, -3, 0]), new("tv", [5, 0, 2, 1])];
        var stacked = MediaMixChartParts.Stack(layers, 4);
        Assert.Equal([0.0, 10, 0, 10], stacked[1].From);
        Assert.Equal([-2.0, 11, -3, 10], stacked[1].To);
        Assert.Equal([10.0, 11, 10, 10], stacked[2].From);
        Assert.Equal([15.0, 11, 12, 11], stacked[2].To);
    }

    [Fact]
    public void Decomposition_OneShadedLayerPerComponent_AndTheActualKpiOnTop()
    {
        DecompositionLayer[] layers = [new("Baseline", [10, 10, 10, 10]), new("Controls", [-2, 1, -3, 0]), new("tv", [5, 0, 2, 1])];
        Plot plot = MediaMixChartParts.Decomposition(Weeks, layers, [13, 11, 9, 11], "sales");
        Assert.Equal(3, plot.GetPlottables().OfType<FillY>().Count());
        Assert.Equal(["Baseline", "Controls", "tv", "Actual sales"], Legend(plot));
        Assert.Contains("sales", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void FittedVsActual_DrawsTheBandAsAShadedArea()
    {
        double[] fitted = [1, 2, 3, 4];
        Plot plot = MediaMixChartParts.FittedVsActual(Weeks, [1.1, 2.2, 2.9, 4.1], fitted, [.. fitted.Select(f => f - 0.5)], [.. fitted.Select(f => f + 0.5)], "sales");
        FillY band = Assert.Single(plot.GetPlottables().OfType<FillY>());
        Assert.Equal(0.5, band.GetAxisLimits().Bottom, 12);
        Assert.Equal(4.5, band.GetAxisLimits().Top, 12);
        Assert.Equal(["94% predictive band", "Fitted (posterior mean)", "Actual sales"], Legend(plot));
    }

    [Fact]
    public void ResponseCurves_OneBandAndOneLinePerChannel_WithTheAverageSpendMarked()
    {
        double[] x = [0, 1, 2, 3];
        ResponseBand[] bands = [new("tv", x, [0, 1, 1.5, 1.7], [0, 0.8, 1.2, 1.4], [0, 1.2, 1.8, 2.0], 1.5), new("search", x, [0, 2, 3, 3.5], [0, 1.5, 2.5, 3], [0, 2.5, 3.5, 4], 1)];
        Plot plot = MediaMixChartParts.ResponseCurves(bands, "sales", "EUR");
        Assert.Equal(2, plot.GetPlottables().OfType<FillY>().Count());
        Assert.Equal(["tv", "search"], Legend(plot));
        Marker[] markers = [.. plot.GetPlottables().OfType<Marker>()];
        Assert.Equal([1.25, 2.0], markers.Select(m => m.Location.Y));
        Assert.Contains("EUR", plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void Forest_LabelsEachRowWithItsChannel_AndMarksBreakEven()
    {
        Plot plot = MediaMixChartParts.Forest([new("tv", 1.8, 1.2, 2.5), new("search", 3.1, 2.0, 4.4)], "ROAS", "ROAS", 1, "Break-even");
        using (plot.GetImage(600, 400))
        {
            // Rendering generates the ticks.
        }

        var ticks = Assert.IsType<ScottPlot.TickGenerators.NumericManual>(plot.Axes.Left.TickGenerator).Ticks;
        Assert.Equal(["tv", "search"], ticks.OrderByDescending(t => t.Position).Select(t => t.Label));
        Assert.Equal(2, plot.GetPlottables().OfType<LinePlot>().Count());
        Assert.Contains("Break-even", Legend(plot));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0.5, 5)]
    [InlineData(2.5, 25)]
    [InlineData(9, 30)]
    public void Interpolate_IsLinearBetweenPointsAndClampsOutside(double x, double expected) =>
        Assert.Equal(expected, MediaMixChartParts.Interpolate([0, 1, 2, 3], [0, 10, 20, 30], x), 12);
}
