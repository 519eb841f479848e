using System.Globalization;
using InfluenceModel.Opinions;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>
/// The opinion-dynamics chart: for continuous opinions (DeGroot, Friedkin–Johnsen, Hegselmann–Krause, Deffuant–Weisbuch)
/// the mean opinion over the periods with the band between the lowest and the highest opinion, so consensus shows as
/// the band closing and polarisation as it staying open; for binary opinions (voter, majority rule) and word of mouth
/// (SIR, SIS) the share of the population in each state over the periods. Averaged over the runs, as
/// <see cref="OpinionOutcome.Trajectory"/> is.
/// </summary>
public static class OpinionChart
{
    /// <summary>Builds the chart for <paramref name="outcome"/>.</summary>
    /// <param name="outcome">A simulated opinion outcome.</param>
    /// <returns>A ScottPlot plot, ready for <see cref="ChartFile.Save"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> is null.</exception>
    public static Plot Create(OpinionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        int n = outcome.Trajectory.Count;
        double[] periods = new double[n];
        for (int i = 0; i < n; i++)
        {
            periods[i] = outcome.Trajectory[i].Period;
        }

        string runs = outcome.Simulations == 1 ? "one run" : $"mean of {outcome.Simulations.ToString("N0", CultureInfo.InvariantCulture)} runs";
        Plot plot;
        if (outcome.Kind == OpinionKind.Continuous)
        {
            plot = ChartStyle.Create($"{outcome.Model}: opinions over time ({runs})", "Period", "Opinion");
            double[] mean = [.. outcome.Trajectory.Select(p => p.Mean)];
            double[] low = [.. outcome.Trajectory.Select(p => p.Minimum)];
            double[] high = [.. outcome.Trajectory.Select(p => p.Maximum)];
            ChartStyle.Band(plot, periods, low, high, Colors.SteelBlue, "Lowest to highest opinion");
            ChartStyle.Line(plot, periods, low, null, 1, LinePattern.Dotted, Colors.SteelBlue);
            ChartStyle.Line(plot, periods, high, null, 1, LinePattern.Dotted, Colors.SteelBlue);
            ChartStyle.Line(plot, periods, mean, "Mean opinion", 3, color: Colors.Navy);
        }
        else
        {
            string what = outcome.Kind == OpinionKind.Binary ? "share holding each opinion" : "share in each state";
            plot = ChartStyle.Create($"{outcome.Model}: {what} over time ({runs})", "Period", "Share of the population");
            Color[] palette = [Colors.SteelBlue, Colors.IndianRed, Colors.SeaGreen, Colors.DarkOrange, Colors.Purple];
            for (int s = 0; s < outcome.ShareLabels.Count; s++)
            {
                double[] share = [.. outcome.Trajectory.Select(p => p.Shares[s])];
                string label = outcome.Kind == OpinionKind.Binary ? $"Opinion {outcome.ShareLabels[s]}" : outcome.ShareLabels[s];
                ChartStyle.Line(plot, periods, share, label, 3, color: palette[s % palette.Length]);
            }

            ChartStyle.PercentTicks(plot.Axes.Left, nonNegative: true);
        }

        plot.Axes.SetLimitsY(-0.02, 1.02);
        if (n > 1)
        {
            ChartStyle.XFrom(plot, periods[0], periods[^1]);
        }

        ChartStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>Builds the chart and saves it to <paramref name="path"/> (.png or .svg).</summary>
    /// <param name="outcome">A simulated opinion outcome.</param>
    /// <param name="path">Target file; its extension picks the format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void Save(OpinionOutcome outcome, string path) => ChartFile.Save(Create(outcome), path);
}
