using InfluenceModel.Campaigns;
using InfluenceModel.Channels;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>Charts of a simulated campaign (<see cref="CampaignResult"/>): adoption by mechanism, spend against
/// adoptions, the channel response curves at the chosen spend and the reserve value curve. All in
/// <see cref="ChartStyle"/>: units on the axes, 95% intervals as shaded bands, legends outside the data.</summary>
public static class CampaignCharts
{
    /// <summary>
    /// Adopters to date (cumulative: the state at the end of each period) by mechanism, with the total, the
    /// no-campaign baseline and each series' 95% interval as a shaded band. Mechanisms that are zero in every period
    /// are left out and named in a note (a flat line at 0 would only hide the others).
    /// </summary>
    /// <param name="result">The simulated campaign.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static Plot AdoptionByMechanism(CampaignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] x = [.. result.Periods.Select(p => (double)p.Period)];
        Plot plot = ChartStyle.Create("Adopters to date by mechanism (cumulative, mean of the runs, 95% bands)", "Period", "Adopters to date (consumers, cumulative)");
        (string Name, Func<CampaignPeriodResult, Estimate> Value, double Width, LinePattern Pattern)[] series =
        [
            ("All adopters", p => p.Adopters, 3, LinePattern.Solid),
            ("Baseline (no campaign)", p => p.BaselineAdopters, 2, LinePattern.Dashed),
            ("Direct (acted on a channel)", p => p.Direct, 1.5, LinePattern.Solid),
            ("Active ambassadors (seeds)", p => p.Ambassadors, 1.5, LinePattern.Solid),
            ("Organic", p => p.Organic, 1.5, LinePattern.Solid),
            ("Word of mouth: compliance", p => p.Compliance, 1.5, LinePattern.Solid),
            ("Word of mouth: identification", p => p.Identification, 1.5, LinePattern.Solid),
            ("Word of mouth: internalization", p => p.Internalization, 1.5, LinePattern.Solid),
        ];
        var omitted = new List<string>();
        double top = 0;
        for (int s = 0; s < series.Length; s++)
        {
            Estimate[] values = [.. result.Periods.Select(series[s].Value)];
            if (values.All(e => e.Mean == 0 && e.StandardError == 0))
            {
                omitted.Add(series[s].Name);
                continue;
            }

            Color color = plot.Add.Palette.GetColor(s);
            double[] upper = [.. values.Select(e => e.Interval95.Upper)];
            ChartStyle.Band(plot, x, [.. values.Select(e => Math.Max(0, e.Interval95.Lower))], upper, color, null);
            // The end value in the legend keeps a small series readable next to the large ones.
            string legend = $"{series[s].Name}: {ChartStyle.Money(values[^1].Mean)} by period {result.Periods[^1].Period}";
            ChartStyle.Line(plot, x, [.. values.Select(e => e.Mean)], legend, series[s].Width, series[s].Pattern, color);
            top = Math.Max(top, upper.Max());
        }

        if (omitted.Count > 0)
        {
            ChartStyle.Note(plot, "Zero in every period, not drawn: " + string.Join(", ", omitted));
        }

        ChartStyle.PeriodAxis(plot, x.Length);
        ChartStyle.CountTicks(plot.Axes.Left);
        ChartStyle.YFromZero(plot, [top]);
        ChartStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>
    /// Incremental adopters to date against the money spent to date, one point per period, with the 95% interval as a
    /// shaded band and the break-even line (the adopters that pay for the spend at the value per adoption).
    /// </summary>
    /// <param name="result">The simulated campaign.</param>
    /// <param name="currency">The currency for the x-axis label, e.g. "EUR"; default "currency units".</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="currency"/> is null.</exception>
    public static Plot SpendAgainstAdoptions(CampaignResult result, string currency = ChartStyle.DefaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(currency);
        double[] spend = [.. result.Periods.Select(p => p.CumulativeSpend)];
        Estimate[] incremental = [.. result.Periods.Select(p => p.IncrementalAdopters)];
        Plot plot = ChartStyle.Create("Incremental adopters against the money spent (both to date, one point per period)", $"Spend to date ({currency}, channels and ambassador programme)", "Incremental adopters to date (consumers)");
        Color color = plot.Add.Palette.GetColor(0);
        double[] lower = [.. incremental.Select(e => e.Interval95.Lower)], upper = [.. incremental.Select(e => e.Interval95.Upper)];
        ChartStyle.Band(plot, spend, lower, upper, color, "95% confidence band");
        ChartStyle.Line(plot, spend, [.. incremental.Select(e => e.Mean)], "Incremental adopters (mean of the runs)", 2, color: color).MarkerSize = 6;
        double maxSpend = Math.Max(1, spend.Length > 0 ? spend.Max() : 1);
        double top = upper.Length > 0 ? upper.Max() : 1;
        double value = result.ValuePerAdoption;
        if (value > 0)
        {
            double[] breakEvenY = [0, maxSpend / value];
            ChartStyle.Line(plot, [0, maxSpend], breakEvenY, $"Break-even: spend / value per adoption ({ChartStyle.Money(value)})", 1.5, LinePattern.Dashed, Colors.Gray);
            top = Math.Max(top, breakEvenY[1]);
        }

        ChartStyle.MoneyTicks(plot.Axes.Bottom);
        ChartStyle.CountTicks(plot.Axes.Left);
        ChartStyle.XFrom(plot, 0, maxSpend);
        ChartStyle.YFromZero(plot, [top, .. lower]);
        ChartStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>
    /// Each selected channel's response curve — the share of its audience reached per period (in %) at a steady spend
    /// per period — with the plan's spend per period marked by dots (one per distinct level: launch, sustain…).
    /// </summary>
    /// <param name="campaign">The campaign (for the curves).</param>
    /// <param name="currency">The currency for the x-axis label, e.g. "EUR"; default "currency units".</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> or <paramref name="currency"/> is null.</exception>
    public static Plot ChannelResponseCurves(Campaign campaign, string currency = ChartStyle.DefaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(currency);
        Plot plot = ChartStyle.Create(
            "Channel response curves (dots: the plan's spend per period, one per phase level)",
            $"Variable spend per period ({currency})",
            "Reached per period (% of audience)");
        double right = 1;
        foreach (ChannelSpend channel in campaign.ChannelPlan)
        {
            right = Math.Max(right, channel.SpendByPeriod.Max());
        }

        right *= 2;
        const int points = 120;
        double top = 0;
        for (int c = 0; c < campaign.ChannelPlan.Count; c++)
        {
            double[] x = new double[points], y = new double[points];
            for (int i = 0; i < points; i++)
            {
                x[i] = right * i / (points - 1);
                y[i] = 100 * campaign.ChannelResponse(c, x[i]);
            }

            Color color = plot.Add.Palette.GetColor(c);
            ChartStyle.Line(plot, x, y, campaign.ChannelPlan[c].Name, 2, color: color);
            double[] chosen = [.. campaign.ChannelPlan[c].SpendByPeriod.Where(s => s > 0).Distinct()];
            var markers = plot.Add.Markers(chosen, [.. chosen.Select(s => 100 * campaign.ChannelResponse(c, s))]);
            markers.Color = color;
            markers.MarkerSize = 10;
            markers.LegendText = c == 0 ? "Dots: the plan's spend per period (in the channel's colour)" : "";
            top = Math.Max(top, y.Max());
        }

        ChartStyle.MoneyTicks(plot.Axes.Bottom);
        ChartStyle.PercentTicks(plot.Axes.Left);
        ChartStyle.XFrom(plot, 0, right);
        ChartStyle.YFromZero(plot, [top]);
        ChartStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>
    /// Expected annual value against the reserve share, with its 95% band, the all-committed point, the scenario's
    /// share and the best share marked: the same chart as the <c>budget</c> command's (<see cref="ReserveChart"/>).
    /// </summary>
    /// <param name="result">The simulated campaign.</param>
    /// <param name="currency">The currency for the y-axis label, e.g. "EUR"; default "currency units".</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="currency"/> is null.</exception>
    public static Plot ReserveValueCurve(CampaignResult result, string currency = ChartStyle.DefaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ReserveChart.Create(result.Reserve, currency);
    }
}
