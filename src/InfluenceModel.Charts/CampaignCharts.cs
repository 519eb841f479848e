using InfluenceModel.Campaigns;
using InfluenceModel.Channels;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>Charts of a simulated campaign (<see cref="CampaignResult"/>): adoption by mechanism, spend against
/// adoptions, the channel response curves at the chosen spend and the reserve value curve.</summary>
public static class CampaignCharts
{
    /// <summary>Adopters per period by mechanism, with the total and the no-campaign baseline.</summary>
    /// <param name="result">The simulated campaign.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static Plot AdoptionByMechanism(CampaignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] x = [.. result.Periods.Select(p => (double)p.Period)];
        var plot = new Plot();
        plot.Title("Adopters over time by mechanism (mean of the runs)");
        plot.XLabel("Period");
        plot.YLabel("Consumers");
        Line(plot, x, [.. result.Periods.Select(p => p.Adopters.Mean)], "All adopters", 3);
        Line(plot, x, [.. result.Periods.Select(p => p.BaselineAdopters.Mean)], "Baseline (no campaign)", 2, LinePattern.Dashed);
        Line(plot, x, [.. result.Periods.Select(p => p.Direct.Mean)], "Direct (acted on a channel)", 1.5);
        Line(plot, x, [.. result.Periods.Select(p => p.Ambassadors.Mean)], "Ambassadors", 1.5);
        Line(plot, x, [.. result.Periods.Select(p => p.Organic.Mean)], "Organic", 1.5);
        Line(plot, x, [.. result.Periods.Select(p => p.Compliance.Mean)], "Word of mouth: compliance", 1.5);
        Line(plot, x, [.. result.Periods.Select(p => p.Identification.Mean)], "Word of mouth: identification", 1.5);
        Line(plot, x, [.. result.Periods.Select(p => p.Internalization.Mean)], "Word of mouth: internalization", 1.5);
        plot.Axes.SetLimitsY(0, Math.Max(1, result.Periods.Max(p => p.Adopters.Interval95.Upper)) * 1.05);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Cumulative spend against incremental adopters, period by period, with the 95% interval.</summary>
    /// <param name="result">The simulated campaign.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static Plot SpendAgainstAdoptions(CampaignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] spend = [.. result.Periods.Select(p => p.CumulativeSpend)];
        var plot = new Plot();
        plot.Title("Cumulative spend against incremental adopters");
        plot.XLabel("Cumulative spend (money)");
        plot.YLabel("Incremental adopters");
        Line(plot, spend, [.. result.Periods.Select(p => p.IncrementalAdopters.Mean)], "Incremental adopters (mean)", 2);
        Line(plot, spend, [.. result.Periods.Select(p => p.IncrementalAdopters.Interval95.Lower)], "95% interval", 1, LinePattern.Dotted);
        Line(plot, spend, [.. result.Periods.Select(p => p.IncrementalAdopters.Interval95.Upper)], null, 1, LinePattern.Dotted);
        double value = result.ValuePerAdoption;
        if (value > 0)
        {
            double maxSpend = Math.Max(1, spend.Max());
            Line(plot, [0, maxSpend], [0, maxSpend / value], "Break-even (spend / value per adoption)", 1.5, LinePattern.Dashed);
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Each selected channel's response curve with its chosen spend (the launch-period and the typical spend) marked.</summary>
    /// <param name="campaign">The campaign (for the curves).</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> is null.</exception>
    public static Plot ChannelResponseCurves(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var plot = new Plot();
        plot.Title("Channel response curves at the chosen spend");
        plot.XLabel("Spend per period (money)");
        plot.YLabel("Share of the channel's audience reached per period");
        double top = 1;
        foreach (ChannelSpend channel in campaign.ChannelPlan)
        {
            top = Math.Max(top, channel.SpendByPeriod.Max());
        }

        top *= 2;
        const int points = 120;
        for (int c = 0; c < campaign.ChannelPlan.Count; c++)
        {
            double[] x = new double[points], y = new double[points];
            for (int i = 0; i < points; i++)
            {
                x[i] = top * i / (points - 1);
                y[i] = campaign.ChannelResponse(c, x[i]);
            }

            var line = plot.Add.Scatter(x, y);
            line.LegendText = campaign.ChannelPlan[c].Name;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            double[] chosen = [.. campaign.ChannelPlan[c].SpendByPeriod.Where(s => s > 0).Distinct()];
            var markers = plot.Add.Markers(chosen, [.. chosen.Select(s => campaign.ChannelResponse(c, s))]);
            markers.Color = line.Color;
            markers.MarkerSize = 10;
        }

        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>Expected annual value against the reserve share, with its 95% band and the scenario's share marked.</summary>
    /// <param name="result">The simulated campaign.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static Plot ReserveValueCurve(CampaignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReserveValuePoint[] points = [.. result.Reserve.Curve];
        double[] share = [.. points.Select(p => 100 * p.ReserveShare)];
        var plot = new Plot();
        plot.Title("What the reserve is worth: expected annual value against the reserve share");
        plot.XLabel("Reserve share of the budget (%)");
        plot.YLabel("Expected annual value (money)");
        Line(plot, share, [.. points.Select(p => p.Value.Mean)], "Expected value", 2);
        Line(plot, share, [.. points.Select(p => p.Value.Interval95.Lower)], "95% interval", 1, LinePattern.Dotted);
        Line(plot, share, [.. points.Select(p => p.Value.Interval95.Upper)], null, 1, LinePattern.Dotted);
        var chosen = plot.Add.VerticalLine(100 * result.Reserve.ReserveShare);
        chosen.LegendText = "Scenario's reserve share";
        chosen.LinePattern = LinePattern.Dashed;
        var best = plot.Add.VerticalLine(100 * result.Reserve.BestShare);
        best.LegendText = "Best share on the grid";
        best.LinePattern = LinePattern.Dotted;
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    private static void Line(Plot plot, double[] x, double[] y, string? legend, double width, LinePattern? pattern = null)
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
    }
}
