using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>
/// The reserve chart: the objective (expected annual value or CVaR₅) against the reserve share, with its 95%
/// confidence band shaded, the all-committed point (0 % reserve) and the best share marked — "how much of the budget
/// should stay uncommitted". One drawing for the <c>budget</c> command (<see cref="ReserveCurve"/>) and the campaign
/// report (<see cref="ReserveValue"/>). The y axis starts at 0 (a value cannot be negative, and a truncated axis would
/// exaggerate the differences); the x axis runs from 0 % (everything committed).
/// </summary>
public static class ReserveChart
{
    /// <summary>Builds the chart for <paramref name="curve"/>.</summary>
    /// <param name="curve">A reserve curve from <see cref="ReserveOptimizer.Optimize"/>.</param>
    /// <param name="kpi">The KPI unit for the y-axis label, e.g. "gross margin (EUR)".</param>
    /// <returns>A ScottPlot plot, ready for <see cref="ChartFile.Save"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> or <paramref name="kpi"/> is null.</exception>
    public static Plot Create(ReserveCurve curve, string kpi = "value")
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(kpi);
        string objective = curve.Objective == ReserveObjective.Mean ? "Expected annual value" : "CVaR 5% (mean of the worst 5% of years)";
        ReservePoint? allCommitted = curve.Points.FirstOrDefault(p => p.ReserveShare == 0);
        return Draw(new Series(
            $"{objective} against the reserve share ({curve.Simulations:N0} simulated years per point)",
            objective,
            kpi,
            [.. curve.Points.Select(p => p.ReserveShare)],
            [.. curve.Points.Select(p => p.Objective)],
            curve.BestShare,
            allCommitted?.Objective.Mean,
            null));
    }

    /// <summary>Builds the chart of a simulated campaign's reserve (<see cref="CampaignResult.Reserve"/>), with the scenario's share marked.</summary>
    /// <param name="reserve">The campaign's reserve value.</param>
    /// <param name="currency">The currency for the y-axis label, e.g. "EUR"; default "currency units".</param>
    /// <returns>A ScottPlot plot, ready for <see cref="ChartFile.Save"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reserve"/> or <paramref name="currency"/> is null.</exception>
    public static Plot Create(ReserveValue reserve, string currency = ChartStyle.DefaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(reserve);
        ArgumentNullException.ThrowIfNull(currency);
        return Draw(new Series(
            "What the reserve is worth: expected annual value against the reserve share",
            "Expected annual value",
            $"Expected annual value ({currency})",
            [.. reserve.Curve.Select(p => p.ReserveShare)],
            [.. reserve.Curve.Select(p => p.Value)],
            reserve.BestShare,
            reserve.AnnualFixed.Mean,
            (reserve.ReserveShare, reserve.WithReserve.Mean)));
    }

    /// <summary>Builds the chart and saves it to <paramref name="path"/> (.png or .svg).</summary>
    /// <param name="curve">A reserve curve.</param>
    /// <param name="path">Target file; its extension picks the format.</param>
    /// <param name="kpi">The KPI unit for the y-axis label.</param>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void Save(ReserveCurve curve, string path, string kpi = "value") => ChartFile.Save(Create(curve, kpi), path);

    private static Plot Draw(Series s)
    {
        double[] share = [.. s.Shares.Select(x => 100 * x)];
        double[] mean = [.. s.Values.Select(e => e.Mean)];
        double[] lower = [.. s.Values.Select(e => e.Interval95.Lower)];
        double[] upper = [.. s.Values.Select(e => e.Interval95.Upper)];
        Plot plot = ChartStyle.Create(s.Title, "Reserve share (% of the annual budget kept uncommitted)", s.YLabel);
        Color color = plot.Add.Palette.GetColor(0);
        ChartStyle.Band(plot, share, lower, upper, color, "95% confidence band");
        var line = ChartStyle.Line(plot, share, mean, s.Objective, 2, color: color);
        line.MarkerSize = 5;

        if (s.AllCommitted is { } fixedValue)
        {
            var point = plot.Add.Marker(0, fixedValue, MarkerShape.FilledSquare, 12);
            point.Color = Colors.Black;
            point.LegendText = $"All committed (0 % reserve): {ChartStyle.Money(fixedValue)}";
        }

        if (s.Scenario is { } scenario)
        {
            var point = plot.Add.Marker(100 * scenario.Share, scenario.Value, MarkerShape.FilledDiamond, 14);
            point.Color = Colors.OrangeRed;
            point.LegendText = FormattableString.Invariant($"Scenario's reserve ({100 * scenario.Share:0.#} %): {ChartStyle.Money(scenario.Value)}");
        }

        var best = plot.Add.VerticalLine(100 * s.BestShare);
        best.LegendText = FormattableString.Invariant($"Best share on the grid: {100 * s.BestShare:0.#} %");
        best.LinePattern = LinePattern.Dashed;
        best.Color = Colors.Gray;

        ChartStyle.PercentTicks(plot.Axes.Bottom, nonNegative: true);
        ChartStyle.MoneyTicks(plot.Axes.Left);
        // Room left of 0 % only for the all-committed marker; no tick below 0 % is labelled.
        ChartStyle.XWithEndMarkers(plot, 0, share.Length > 0 ? share.Max() : 100);
        ChartStyle.YFromZero(plot, [.. upper, .. mean]);
        ChartStyle.LegendBelow(plot);
        return plot;
    }

    private sealed record Series(
        string Title, string Objective, string YLabel, double[] Shares, Estimate[] Values, double BestShare, double? AllCommitted, (double Share, double Value)? Scenario);
}
