using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>One layer of a stacked decomposition: a label and a value per period (KPI units).</summary>
internal sealed record DecompositionLayer(string Label, double[] Values);

/// <summary>A channel's response curve: spend grid, posterior mean and 94% band of the response, and the current spend.</summary>
internal sealed record ResponseBand(string Channel, double[] Spend, double[] Mean, double[] Low, double[] High, double CurrentSpend);

/// <summary>A figure with its 94% highest-density interval, for the forest plot.</summary>
internal sealed record ForestRow(string Label, double Mean, double Low, double High);

/// <summary>
/// The media-mix charts drawn from plain arrays, so that the drawing is independent of how the fit stores its
/// posterior: a stacked decomposition, response curves with bands, fitted against actual with the predictive band, and a
/// forest plot. <see cref="MediaMixCharts"/> maps a fit onto these.
/// </summary>
internal static class MediaMixChartParts
{
    /// <summary>Band opacity: light enough that overlapping bands and the lines on them stay readable.</summary>
    private const double BandAlpha = 0.22;

    public static Plot Decomposition(DateTime[] dates, IReadOnlyList<DecompositionLayer> layers, double[] actual, string kpi)
    {
        double[] x = [.. dates.Select(d => d.ToOADate())];
        var plot = new Plot();
        plot.Title("Contributions to the KPI, stacked (negative parts below 0)");
        plot.YLabel($"{kpi} per period");
        (double[] From, double[] To)[] stacked = Stack(layers, x.Length);
        double low = 0, high = 0;
        for (int k = 0; k < layers.Count; k++)
        {
            var fill = plot.Add.FillY(x, stacked[k].From, stacked[k].To);
            fill.FillStyle.Color = plot.Add.Palette.GetColor(k).WithAlpha(0.75);
            fill.LineStyle.Width = 0;
            fill.LegendText = layers[k].Label;
            low = Math.Min(low, Math.Min(stacked[k].From.Min(), stacked[k].To.Min()));
            high = Math.Max(high, Math.Max(stacked[k].From.Max(), stacked[k].To.Max()));
        }

        var line = plot.Add.Scatter(x, actual);
        line.LegendText = $"Actual {kpi}";
        line.Color = Colors.Black;
        line.LineWidth = 1.5f;
        line.MarkerSize = 0;
        high = Math.Max(high, actual.Max());
        low = Math.Min(low, actual.Min());
        DateAxis(plot);
        plot.XLabel("Period start date");
        plot.Axes.SetLimitsY(low - (0.02 * (high - low)), high + (0.08 * (high - low)));
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>
    /// The band of each layer when stacked: positive values stack upwards from 0 and negative values downwards, so a
    /// negative contribution (a price control, a falling trend) never hides another layer.
    /// </summary>
    internal static (double[] From, double[] To)[] Stack(IReadOnlyList<DecompositionLayer> layers, int periods)
    {
        double[] above = new double[periods], below = new double[periods];
        var result = new (double[] From, double[] To)[layers.Count];
        for (int k = 0; k < layers.Count; k++)
        {
            double[] from = new double[periods], to = new double[periods];
            for (int t = 0; t < periods; t++)
            {
                double v = layers[k].Values[t];
                ref double edge = ref v >= 0 ? ref above[t] : ref below[t];
                from[t] = edge;
                edge += v;
                to[t] = edge;
            }

            result[k] = (from, to);
        }

        return result;
    }

    public static Plot ResponseCurves(IReadOnlyList<ResponseBand> curves, string kpi, string spendUnit)
    {
        var plot = new Plot();
        plot.Title("Response curves: KPI from a steady spend (shaded: 94% band; ● = average spend)");
        plot.XLabel($"Spend per period ({spendUnit})");
        plot.YLabel($"Incremental {kpi} per period");
        for (int c = 0; c < curves.Count; c++)
        {
            ResponseBand curve = curves[c];
            Color color = plot.Add.Palette.GetColor(c);
            var band = plot.Add.FillY(curve.Spend, curve.Low, curve.High);
            band.FillStyle.Color = color.WithAlpha(BandAlpha);
            band.LineStyle.Width = 0;
            var line = plot.Add.Scatter(curve.Spend, curve.Mean);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = curve.Channel;
            double y = Interpolate(curve.Spend, curve.Mean, curve.CurrentSpend);
            var marker = plot.Add.Marker(curve.CurrentSpend, y, MarkerShape.FilledCircle, 9);
            marker.Color = color;
        }

        plot.Axes.SetLimitsX(0, curves.Max(c => c.Spend[^1]));
        plot.Axes.SetLimitsY(0, curves.Max(c => c.High.Max()) * 1.05);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    public static Plot FittedVsActual(DateTime[] dates, double[] actual, double[] fitted, double[] low, double[] high, string kpi)
    {
        double[] x = [.. dates.Select(d => d.ToOADate())];
        var plot = new Plot();
        plot.Title("Fitted against actual, with the 94% posterior predictive band");
        plot.XLabel("Period start date");
        plot.YLabel($"{kpi} per period");
        var band = plot.Add.FillY(x, low, high);
        band.FillStyle.Color = Colors.SteelBlue.WithAlpha(BandAlpha + 0.08);
        band.LineStyle.Width = 0;
        band.LegendText = "94% predictive band";
        var mean = plot.Add.Scatter(x, fitted);
        mean.Color = Colors.SteelBlue;
        mean.LineWidth = 2;
        mean.MarkerSize = 0;
        mean.LegendText = "Fitted (posterior mean)";
        var points = plot.Add.Markers(x, actual);
        points.Color = Colors.Black;
        points.MarkerSize = 4;
        points.LegendText = $"Actual {kpi}";
        DateAxis(plot);
        double top = Math.Max(high.Max(), actual.Max()), bottom = Math.Min(low.Min(), actual.Min());
        plot.Axes.SetLimitsY(bottom - (0.05 * (top - bottom)), top + (0.2 * (top - bottom)));
        plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
        return plot;
    }

    public static Plot Forest(IReadOnlyList<ForestRow> rows, string title, string axisLabel, double? reference, string? referenceLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(axisLabel);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double left = reference ?? double.PositiveInfinity, right = reference ?? double.NegativeInfinity;
        for (int i = 0; i < rows.Count; i++)
        {
            ForestRow row = rows[i];
            double y = rows.Count - 1 - i;
            Color color = plot.Add.Palette.GetColor(i);
            var interval = plot.Add.Line(row.Low, y, row.High, y);
            interval.Color = color;
            interval.LineWidth = 4;
            var mean = plot.Add.Marker(row.Mean, y, MarkerShape.FilledCircle, 12);
            mean.Color = color;
            var label = plot.Add.Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{row.Mean:G3} [{row.Low:G3}, {row.High:G3}]"), row.Mean, y + 0.18);
            label.LabelFontSize = 12;
            label.LabelAlignment = Alignment.LowerCenter;
            ticks.AddMajor(y, row.Label);
            left = Math.Min(left, row.Low);
            right = Math.Max(right, row.High);
        }

        if (reference is { } r)
        {
            var line = plot.Add.VerticalLine(r);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
            line.LegendText = referenceLabel ?? "";
        }

        plot.Axes.Left.TickGenerator = ticks;
        double pad = Math.Max(1e-9, 0.08 * (right - left));
        plot.Axes.SetLimitsX(Math.Min(0, left - pad), right + pad);
        plot.Axes.SetLimitsY(-0.6, rows.Count - 0.3);
        plot.HideGrid();
        if (referenceLabel is not null)
        {
            plot.ShowLegend(Alignment.LowerRight);
        }

        return plot;
    }

    /// <summary>A date x-axis with unambiguous ISO labels (2024-07, not 07/01/2024).</summary>
    private static void DateAxis(Plot plot)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
        {
            automatic.LabelFormatter = date => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Linear interpolation of (xs, ys) at x (xs ascending); clamps to the ends.</summary>
    internal static double Interpolate(double[] xs, double[] ys, double x)
    {
        if (x <= xs[0])
        {
            return ys[0];
        }

        for (int i = 1; i < xs.Length; i++)
        {
            if (x <= xs[i])
            {
                double w = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + (w * (ys[i] - ys[i - 1]));
            }
        }

        return ys[^1];
    }
}
