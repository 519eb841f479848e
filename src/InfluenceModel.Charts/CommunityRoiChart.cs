using InfluenceModel.Community;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>
/// The community ROI chart: company effort hours (left axis) and the share of questions the community resolves (right
/// axis) per period — "the more successful your community, the less you have to do" (Sierra 2007) — with the
/// break-even and payback periods marked.
/// </summary>
public static class CommunityRoiChart
{
    /// <summary>Builds the chart for <paramref name="curve"/>.</summary>
    /// <param name="curve">A computed community ROI curve.</param>
    /// <returns>A ScottPlot plot, ready for <see cref="ChartFile.Save"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    public static Plot Create(CommunityRoiCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        int n = curve.Points.Count;
        double[] periods = new double[n], effort = new double[n], share = new double[n];
        for (int i = 0; i < n; i++)
        {
            CommunityRoiPoint point = curve.Points[i];
            periods[i] = point.Period;
            effort[i] = point.CompanyEffortHours;
            share[i] = point.Demand > 0 ? 100 * point.CommunityResolved / point.Demand : 0;
        }

        var plot = new Plot();
        plot.Title("Community ROI: the stronger the community, the less the company has to do");
        plot.XLabel("Period");
        plot.YLabel("Company effort (hours per period)");

        var effortLine = plot.Add.Scatter(periods, effort);
        effortLine.LegendText = "Company effort (hours)";
        effortLine.LineWidth = 2;
        effortLine.MarkerSize = 0;

        var shareLine = plot.Add.Scatter(periods, share);
        shareLine.LegendText = "Community-resolved share of questions (%)";
        shareLine.LineWidth = 2;
        shareLine.MarkerSize = 0;
        shareLine.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "Community-resolved share (%)";

        Mark(plot, curve.BreakEvenPeriod, "Break-even period", LinePattern.Dashed);
        Mark(plot, curve.PaybackPeriod, "Payback period", LinePattern.Dotted);

        plot.Axes.SetLimitsY(0, Math.Max(1, Max(effort)) * 1.05, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 100, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperCenter);
        return plot;
    }

    /// <summary>Builds the chart and saves it to <paramref name="path"/> (.png or .svg).</summary>
    /// <param name="curve">A computed community ROI curve.</param>
    /// <param name="path">Target file; its extension picks the format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void Save(CommunityRoiCurve curve, string path) => ChartFile.Save(Create(curve), path);

    private static void Mark(Plot plot, int? period, string label, LinePattern pattern)
    {
        if (period is { } x)
        {
            var line = plot.Add.VerticalLine(x);
            line.LegendText = $"{label} ({x})";
            line.LinePattern = pattern;
        }
    }

    private static double Max(double[] values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
