using System.Globalization;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>
/// The one chart style of the library: a title with the unit in every axis label, money ticks with thousands
/// separators, percent axes in percent (not fractions), integer period ticks, axes that start where the data can
/// (0 for amounts that cannot be negative), 95% bands as shaded areas with a legend entry, and the legend outside the
/// data area so that it hides nothing.
/// </summary>
internal static class ChartStyle
{
    /// <summary>Axis label used for money when the caller names no currency.</summary>
    public const string DefaultCurrency = "currency units";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A new plot with the title and both axis labels.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Money ticks ("120,000") on <paramref name="axis"/>.</summary>
    public static void MoneyTicks(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Money };

    /// <summary>Percent ticks ("25 %") on <paramref name="axis"/>, whose values are already in percent.</summary>
    public static void PercentTicks(IAxis axis, bool nonNegative = false) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => nonNegative && v < 0 ? "" : v.ToString("0.#", Inv) + " %" };

    /// <summary>Whole-number ticks only (periods: 1, 2, 3 — never 2.5).</summary>
    public static void IntegerTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = v => v.ToString("0", Inv) };

    /// <summary>Count ticks ("2,400") on <paramref name="axis"/>.</summary>
    public static void CountTicks(IAxis axis) => MoneyTicks(axis);

    /// <summary>"120,000", "-1,913", "0.5".</summary>
    public static string Money(double value) => Math.Abs(value) >= 10 || value == 0 ? value.ToString("N0", Inv) : value.ToString("0.##", Inv);

    /// <summary>A line without markers.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] x, double[] y, string? legend, double width, LinePattern? pattern = null, Color? color = null)
    {
        var line = plot.Add.Scatter(x, y);
        line.LineWidth = (float)width;
        line.MarkerSize = 0;
        if (legend is not null)
        {
            line.LegendText = legend;
        }

        if (pattern is { } p)
        {
            line.LinePattern = p;
        }

        if (color is { } c)
        {
            line.Color = c;
        }

        return line;
    }

    /// <summary>A 95% band as a shaded area (no outline) in <paramref name="color"/>, with its own legend entry when <paramref name="legend"/> is given.</summary>
    public static ScottPlot.Plottables.FillY Band(Plot plot, double[] x, double[] low, double[] high, Color color, string? legend)
    {
        var band = plot.Add.FillY(x, low, high);
        band.FillStyle.Color = color.WithAlpha(0.25);
        band.LineStyle.Width = 0;
        band.LegendText = legend ?? "";
        return band;
    }

    /// <summary>
    /// Sets the y range to the data's with 5 % headroom, from 0 when nothing is negative (and never cutting 0 off), so
    /// that bars and lines are not exaggerated by a truncated axis.
    /// </summary>
    public static void YFromZero(Plot plot, IEnumerable<double> values, IYAxis? axis = null)
    {
        double low = 0, high = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        }

        double span = Math.Max(high - low, 1);
        plot.Axes.SetLimitsY(low < 0 ? low - (0.05 * span) : 0, high + (0.05 * span), axis ?? plot.Axes.Left);
    }

    /// <summary>Sets the x range from <paramref name="low"/> to <paramref name="high"/> with a little room on the right only.</summary>
    public static void XFrom(Plot plot, double low, double high) => plot.Axes.SetLimitsX(low, high + (0.02 * Math.Max(high - low, 1)));

    /// <summary>
    /// Sets the x range to [low, high] with room on both sides for a marker at either end; pair it with tick labels
    /// that print nothing below <paramref name="low"/> (the axis still reads from <paramref name="low"/>).
    /// </summary>
    public static void XWithEndMarkers(Plot plot, double low, double high)
    {
        double pad = 0.03 * Math.Max(high - low, 1);
        plot.Axes.SetLimitsX(low - pad, high + pad);
    }

    /// <summary>Periods 1..n on x: integer ticks, half a period of room on each side.</summary>
    public static void PeriodAxis(Plot plot, int periods)
    {
        IntegerTicks(plot.Axes.Bottom);
        plot.Axes.SetLimitsX(0.5, Math.Max(1, periods) + 0.5);
    }

    /// <summary>The legend in a panel below the data area (outside it, so it hides no data).</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }

    /// <summary>The legend in a panel right of the data area (outside it, so it hides no data).</summary>
    public static void LegendRight(Plot plot) => plot.ShowLegend(Edge.Right);

    /// <summary>A note in the lower-right corner of the figure (for what the chart leaves out, and why).</summary>
    public static void Note(Plot plot, string text)
    {
        var note = plot.Add.Annotation(text, Alignment.UpperLeft);
        note.LabelFontSize = 11;
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        note.LabelBorderColor = Colors.Gray;
    }
}
