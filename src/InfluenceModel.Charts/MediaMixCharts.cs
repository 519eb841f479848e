using InfluenceModel.Channels;
using InfluenceModel.Inference;
using InfluenceModel.MediaMix;
using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>
/// Charts of a media-mix fit (<see cref="MediaMixFit"/>): the decomposition of the KPI over time, each channel's
/// response curve with its 94% band, fitted against actual with the posterior predictive band, and a ROAS forest plot.
/// </summary>
public static class MediaMixCharts
{
    /// <summary>Points on each response curve.</summary>
    private const int CurvePoints = 80;

    /// <summary>The response bands use at most this many posterior draws, evenly thinned.</summary>
    private const int MaxCurveDraws = 1000;

    /// <summary>The response curves run from 0 to this multiple of the channel's average spend per period.</summary>
    private const double CurveRange = 3;

    /// <summary>
    /// The KPI per period split into baseline, trend and seasonality, controls and each channel (posterior means),
    /// stacked (negative parts below 0), with the actual KPI drawn over it. The controls' average over the rows is
    /// shown inside the baseline and the controls as their deviation from it (the sum per row is the fit's).
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="kpi">The KPI's name and unit for the axis, e.g. "sales (units)".</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> or <paramref name="kpi"/> is null.</exception>
    public static Plot Decomposition(MediaMixFit fit, string kpi = "KPI")
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(kpi);
        MediaMixDecomposition d = fit.Decomposition;
        int n = d.Dates.Count;
        // The control term γ·z uses each control's level, not its deviation, so it carries a large constant that the
        // intercept offsets; the chart moves its average into the baseline, which leaves each row's sum unchanged.
        double controlMean = fit.Model.Controls.Count > 0 ? d.Controls.Average() : 0;
        double[] baseline = new double[n], controls = new double[n], trendSeason = new double[n];
        for (int t = 0; t < n; t++)
        {
            baseline[t] = d.Baseline[t] + controlMean;
            controls[t] = d.Controls[t] - controlMean;
            trendSeason[t] = d.Trend[t] + d.Seasonality[t];
        }

        var layers = new List<DecompositionLayer>
        {
            new(fit.Model.Controls.Count > 0 ? "Baseline (+ controls' average)" : "Baseline", baseline),
            new("Trend and seasonality", trendSeason),
        };
        if (fit.Model.Controls.Count > 0)
        {
            layers.Add(new("Controls (vs. their average)", controls));
        }

        for (int c = 0; c < fit.Channels.Count; c++)
        {
            layers.Add(new(fit.Channels[c].Channel, [.. d.Channels[c]]));
        }

        return MediaMixChartParts.Decomposition(Dates(d.Dates), layers, [.. d.Observed], kpi);
    }

    /// <summary>
    /// Each channel's steady-state response curve — the KPI per period that a constant spend per period earns once the
    /// carry-over has built up — as the posterior mean with its pointwise 94% HDI over the fit's curve draws, from 0 to
    /// three times the channel's average spend, which is marked (at most 1,000 draws, evenly thinned).
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="kpi">The KPI's name and unit for the axis.</param>
    /// <param name="spendUnit">The spend unit for the axis, e.g. "EUR".</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Plot ResponseCurves(MediaMixFit fit, string kpi = "KPI", string spendUnit = "money")
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(spendUnit);
        int channels = fit.Channels.Count, periods = fit.Decomposition.Dates.Count, draws = Math.Min(fit.Draws, MaxCurveDraws);
        var curves = new IReadOnlyList<IResponseCurve>[draws];
        for (int s = 0; s < draws; s++)
        {
            curves[s] = fit.SteadyStateCurves((int)((long)s * fit.Draws / draws));
        }

        var bands = new List<ResponseBand>();
        var values = new double[draws];
        for (int c = 0; c < channels; c++)
        {
            double average = fit.Channels[c].Spend / periods;
            double[] x = new double[CurvePoints], mean = new double[CurvePoints], low = new double[CurvePoints], high = new double[CurvePoints];
            for (int i = 0; i < CurvePoints; i++)
            {
                x[i] = CurveRange * average * i / (CurvePoints - 1);
                for (int s = 0; s < draws; s++)
                {
                    values[s] = curves[s][c].Value(x[i]);
                }

                mean[i] = values.Average();
                (low[i], high[i]) = PosteriorDiagnostics.Hdi(values);
            }

            bands.Add(new ResponseBand(fit.Channels[c].Channel, x, mean, low, high, average));
        }

        return MediaMixChartParts.ResponseCurves(bands, kpi, spendUnit);
    }

    /// <summary>The actual KPI against the posterior mean fit, with the 94% posterior predictive band as a shaded area.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="kpi">The KPI's name and unit for the axis.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Plot FittedVsActual(MediaMixFit fit, string kpi = "KPI")
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(kpi);
        MediaMixDecomposition d = fit.Decomposition;
        return MediaMixChartParts.FittedVsActual(Dates(d.Dates), [.. d.Observed], [.. d.Fitted], [.. d.PredictiveLow], [.. d.PredictiveHigh], kpi);
    }

    /// <summary>Each channel's ROAS (KPI per unit of spend): posterior mean and 94% HDI, with break-even (ROAS = 1) marked.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> is null.</exception>
    public static Plot RoasForest(MediaMixFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ForestRow[] rows = [.. fit.Channels.Select(c => new ForestRow(c.Channel, c.Roas.Mean, c.Roas.Low, c.Roas.High))];
        return MediaMixChartParts.Forest(rows, "Return on ad spend by channel: posterior mean and 94% HDI", "ROAS (KPI units per unit of spend)", 1, "Break-even (ROAS = 1, when KPI is money)");
    }

    /// <summary>
    /// Writes the four charts into <paramref name="folder"/> (created if needed) as decomposition.png,
    /// response-curves.png, fit.png and roas.png.
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="folder">The target folder.</param>
    /// <param name="kpi">The KPI's name and unit for the axes.</param>
    /// <returns>The full paths written, in the order above.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<string> SaveAll(MediaMixFit fit, string folder, string kpi = "KPI")
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        (string Name, Plot Plot)[] charts =
        [
            ("decomposition.png", Decomposition(fit, kpi)),
            ("response-curves.png", ResponseCurves(fit, kpi)),
            ("fit.png", FittedVsActual(fit, kpi)),
            ("roas.png", RoasForest(fit)),
        ];
        var paths = new List<string>();
        foreach (var (name, plot) in charts)
        {
            string path = Path.GetFullPath(Path.Combine(folder, name));
            ChartFile.Save(plot, path);
            paths.Add(path);
        }

        return paths;
    }

    private static DateTime[] Dates(IReadOnlyList<DateOnly> dates) => [.. dates.Select(d => d.ToDateTime(TimeOnly.MinValue))];
}
