using System.Globalization;
using InfluenceModel.Community;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>
/// The community ROI chart, in money: the net value per period (bars) and the cumulative net value (line) against the
/// period, with the zero line, the break-even period (first period with net value ≥ 0) and the payback period (first
/// period with cumulative net value ≥ 0) marked — or a note that they are not reached within the horizon. The title
/// carries the NPV, so a community that does not pay cannot look as if it did.
/// </summary>
public static class CommunityRoiChart
{
    /// <summary>Builds the chart for <paramref name="curve"/>.</summary>
    /// <param name="curve">A computed community ROI curve.</param>
    /// <param name="currency">The money unit for the y-axis label, e.g. "EUR"; default "currency units".</param>
    /// <returns>A ScottPlot plot, ready for <see cref="ChartFile.Save"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> or <paramref name="currency"/> is null.</exception>
    public static Plot Create(CommunityRoiCurve curve, string currency = ChartStyle.DefaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(currency);
        int n = curve.Points.Count;
        double[] periods = new double[n], net = new double[n], cumulative = new double[n];
        for (int i = 0; i < n; i++)
        {
            CommunityRoiPoint point = curve.Points[i];
            periods[i] = point.Period;
            net[i] = point.NetValue;
            cumulative[i] = point.CumulativeNetValue;
        }

        string verdict = curve.PaybackPeriod is { } pay ? $"pays back in period {pay}" : $"does not pay back within {n} periods";
        Plot plot = ChartStyle.Create(
            $"Community value: cumulative net value (NPV {ChartStyle.Money(curve.NetPresentValue)}; {verdict})",
            "Period",
            $"Net value ({currency})");

        var bars = plot.Add.Bars(periods, net);
        bars.LegendText = "Net value in the period";
        foreach (Bar bar in bars.Bars)
        {
            bar.FillColor = (bar.Value < 0 ? Colors.IndianRed : Colors.SeaGreen).WithAlpha(0.45);
            bar.LineWidth = 0;
            bar.Size = 0.7;
        }

        ChartStyle.Line(plot, periods, cumulative, "Cumulative net value", 3, color: Colors.Navy).MarkerSize = 5;
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1;
        

        Mark(plot, curve.BreakEvenPeriod, "Break-even (net value ≥ 0)", LinePattern.Dashed, Colors.DarkOrange);
        Mark(plot, curve.PaybackPeriod, "Payback (cumulative ≥ 0)", LinePattern.Dotted, Colors.DarkGreen);

        ChartStyle.PeriodAxis(plot, n);
        ChartStyle.MoneyTicks(plot.Axes.Left);
        ChartStyle.YFromZero(plot, [.. net, .. cumulative]);
        ChartStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>Builds the chart and saves it to <paramref name="path"/> (.png or .svg).</summary>
    /// <param name="curve">A computed community ROI curve.</param>
    /// <param name="path">Target file; its extension picks the format.</param>
    /// <param name="currency">The money unit for the y-axis label.</param>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void Save(CommunityRoiCurve curve, string path, string currency = ChartStyle.DefaultCurrency) => ChartFile.Save(Create(curve, currency), path);

    private static void Mark(Plot plot, int? period, string label, LinePattern pattern, Color color)
    {
        if (period is { } x)
        {
            var line = plot.Add.VerticalLine(x);
            line.LegendText = $"{label}: period {x.ToString(CultureInfo.InvariantCulture)}";
            line.LinePattern = pattern;
            line.Color = color;
            line.LineWidth = 2;
        }
    }
}
