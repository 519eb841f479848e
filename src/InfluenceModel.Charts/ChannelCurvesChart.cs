using InfluenceModel.Channels;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>
/// Response curves of the selected channels (response against spend on top of the fixed cost), each with the chosen
/// spend marked — where on its saturation curve every channel was put.
/// </summary>
public static class ChannelCurvesChart
{
    /// <summary>Builds the chart for <paramref name="plan"/>.</summary>
    /// <param name="plan">A channel selection from <see cref="ChannelSelector"/>.</param>
    /// <param name="currency">The currency for the x-axis label, e.g. "EUR"; default "currency units".</param>
    /// <returns>A ScottPlot plot, ready for <see cref="ChartFile.Save"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="currency"/> is null.</exception>
    public static Plot Create(ChannelSelection plan, string currency = ChartStyle.DefaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(currency);
        Plot plot = ChartStyle.Create("Response curves of the selected channels (dots: the chosen spend)", $"Spend on top of the fixed cost ({currency})", "Expected response (response units)");
        double top = 0;
        double maxSpend = 0;
        foreach (ChannelAllocation o in plan.Allocation.Channels)
        {
            maxSpend = Math.Max(maxSpend, o.Spend);
        }

        double right = Math.Max(1, 2 * maxSpend);
        const int points = 200;
        for (int i = 0; i < plan.Selected.Count; i++)
        {
            Channel channel = plan.Selected[i];
            var xs = new double[points + 1];
            var ys = new double[points + 1];
            for (int j = 0; j <= points; j++)
            {
                xs[j] = right * j / points;
                ys[j] = channel.Curve.Value(xs[j]);
            }

            // Explicit colours: a marker takes a palette colour too, so automatic colours would repeat.
            Color color = plot.Add.Palette.GetColor(i);
            ChartStyle.Line(plot, xs, ys, channel.Name, 2, color: color);
            var marker = plot.Add.Marker(plan.Allocation.Channels[i].Spend, plan.Allocation.Channels[i].Response, MarkerShape.FilledCircle, 10);
            marker.Color = color;
            marker.LegendText = i == 0 ? "Dots: the chosen spend (in the channel's colour)" : "";
            top = Math.Max(top, ys.Max());
        }

        ChartStyle.MoneyTicks(plot.Axes.Bottom);
        ChartStyle.XFrom(plot, 0, right);
        ChartStyle.YFromZero(plot, [top]);
        ChartStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>Builds the chart and saves it to <paramref name="path"/> (.png or .svg).</summary>
    /// <param name="plan">A channel selection.</param>
    /// <param name="path">Target file; its extension picks the format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void Save(ChannelSelection plan, string path) => ChartFile.Save(Create(plan), path);
}
