using InfluenceModel.Budgeting;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>
/// The reserve chart: the objective (expected annual value or CVaR₅) against the reserve share, with its 95%
/// confidence band and the best share marked — "how much of the budget should stay uncommitted".
/// </summary>
public static class ReserveChart
{
    /// <summary>Builds the chart for <paramref name="curve"/>.</summary>
    /// <param name="curve">A reserve curve from <see cref="ReserveOptimizer.Optimize"/>.</param>
    /// <param name="kpi">The KPI unit for the y-axis label, e.g. "gross margin (EUR)".</param>
    /// <returns>A ScottPlot plot, ready for <see cref="ChartFile.Save"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    public static Plot Create(ReserveCurve curve, string kpi = "value")
    {
        ArgumentNullException.ThrowIfNull(curve);
        int n = curve.Points.Count;
        double[] share = new double[n], value = new double[n], lower = new double[n], upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            var point = curve.Points[i];
            share[i] = 100 * point.ReserveShare;
            value[i] = point.Objective.Mean;
            lower[i] = point.Objective.Interval95.Lower;
            upper[i] = point.Objective.Interval95.Upper;
        }

        string objective = curve.Objective == ReserveObjective.Mean ? "Expected annual value" : "CVaR 5% (mean of the worst 5% of years)";
        var plot = new Plot();
        plot.Title($"{objective} against the reserve share ({curve.Simulations:N0} simulated years per point)");
        plot.XLabel("Reserve share (% of the annual budget kept uncommitted)");
        plot.YLabel($"{objective}, {kpi}");

        var band = plot.Add.FillY(share, lower, upper);
        band.LegendText = "95% confidence band";
        band.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.25);
        band.LineStyle.Width = 0;

        var line = plot.Add.Scatter(share, value);
        line.LegendText = objective;
        line.LineWidth = 2;
        line.MarkerSize = 5;

        var best = plot.Add.VerticalLine(100 * curve.BestShare);
        best.LegendText = FormattableString.Invariant($"Best share {curve.BestShare:P0}");
        best.LinePattern = LinePattern.Dashed;
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    /// <summary>Builds the chart and saves it to <paramref name="path"/> (.png or .svg).</summary>
    /// <param name="curve">A reserve curve.</param>
    /// <param name="path">Target file; its extension picks the format.</param>
    /// <param name="kpi">The KPI unit for the y-axis label.</param>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void Save(ReserveCurve curve, string path, string kpi = "value") => ChartFile.Save(Create(curve, kpi), path);
}
