namespace InfluenceModel.MediaMix;

/// <summary>How a media-mix model is fitted.</summary>
public enum FitMethod
{
    /// <summary>Full posterior by the No-U-Turn sampler (Hoffman and Gelman 2014).</summary>
    Nuts,

    /// <summary>The posterior mode (maximum a posteriori) by L-BFGS: fast, no uncertainty (intervals collapse to the point).</summary>
    Map,
}

/// <summary>A posterior mean with its standard deviation and 94 % highest-density interval (ArviZ's default), in data units.</summary>
/// <param name="Mean">Posterior mean (the point itself for a MAP fit).</param>
/// <param name="StandardDeviation">Posterior standard deviation (0 for a MAP fit).</param>
/// <param name="Low">Lower end of the 94 % HDI (= Mean for a MAP fit).</param>
/// <param name="High">Upper end of the 94 % HDI (= Mean for a MAP fit).</param>
public readonly record struct PosteriorInterval(double Mean, double StandardDeviation, double Low, double High)
{
    /// <summary>Whether <paramref name="value"/> lies in [Low, High].</summary>
    /// <param name="value">A value.</param>
    /// <returns>True when inside the interval.</returns>
    public bool Contains(double value) => value >= Low && value <= High;
}

/// <summary>The posterior of one model parameter in data units (see <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/media-mix.md">docs/models/media-mix.md</see> for each unit).</summary>
public sealed record MediaMixParameter
{
    /// <summary>Name: "intercept", "trend", "changepoint[j]", "sin[k]"/"cos[k]", "control[name]", "channel.beta", "channel.lambda" …, "sigma".</summary>
    public required string Name { get; init; }

    /// <summary>Posterior mean (or the MAP point).</summary>
    public required double Mean { get; init; }

    /// <summary>Posterior standard deviation (0 for MAP).</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>Lower end of the 94 % HDI.</summary>
    public required double Hdi94Low { get; init; }

    /// <summary>Upper end of the 94 % HDI.</summary>
    public required double Hdi94High { get; init; }

    /// <summary>Rank-normalised split R-hat (Vehtari et al. 2021); null for MAP.</summary>
    public double? Rhat { get; init; }

    /// <summary>Bulk effective sample size; null for MAP.</summary>
    public double? EssBulk { get; init; }
}

/// <summary>What one channel contributed over the fitted rows, in data units.</summary>
public sealed record ChannelContribution
{
    /// <summary>The channel's name.</summary>
    public required string Channel { get; init; }

    /// <summary>Total spend over the fitted rows (money).</summary>
    public required double Spend { get; init; }

    /// <summary>Posterior mean contribution β·s(adstock(x))_t per fitted row (KPI units).</summary>
    public required IReadOnlyList<double> Contribution { get; init; }

    /// <summary>Lower end of the 94 % HDI of the contribution per fitted row.</summary>
    public required IReadOnlyList<double> ContributionLow { get; init; }

    /// <summary>Upper end of the 94 % HDI of the contribution per fitted row.</summary>
    public required IReadOnlyList<double> ContributionHigh { get; init; }

    /// <summary>Σ_t contribution_t (KPI units).</summary>
    public required PosteriorInterval TotalContribution { get; init; }

    /// <summary>Σ_t contribution_t / Σ_t KPI_t (fraction of the KPI).</summary>
    public required PosteriorInterval Share { get; init; }

    /// <summary>Return on ad spend Σ_t contribution_t / Σ_t spend_t (KPI units per unit of money).</summary>
    public required PosteriorInterval Roas { get; init; }

    /// <summary>
    /// Marginal ROAS at current spend: the derivative of the total contribution with respect to a proportional
    /// increase of every period's spend, per unit of extra money: β·Σ_t s'(a_t)·a_t / Σ_t x_t (KPI units per money).
    /// </summary>
    public required PosteriorInterval MarginalRoas { get; init; }
}

/// <summary>
/// The additive decomposition of the posterior mean fit per fitted row (KPI units): Baseline + Trend + Seasonality +
/// Controls + Σ channels = Fitted.
/// </summary>
public sealed record MediaMixDecomposition
{
    /// <summary>The dates of the fitted rows.</summary>
    public required IReadOnlyList<DateOnly> Dates { get; init; }

    /// <summary>The observed KPI.</summary>
    public required IReadOnlyList<double> Observed { get; init; }

    /// <summary>The posterior mean of the expected KPI.</summary>
    public required IReadOnlyList<double> Fitted { get; init; }

    /// <summary>The intercept.</summary>
    public required IReadOnlyList<double> Baseline { get; init; }

    /// <summary>The trend (zero without one).</summary>
    public required IReadOnlyList<double> Trend { get; init; }

    /// <summary>The Fourier seasonality (zero without one).</summary>
    public required IReadOnlyList<double> Seasonality { get; init; }

    /// <summary>The sum of the control terms (zero without controls).</summary>
    public required IReadOnlyList<double> Controls { get; init; }

    /// <summary>
    /// Lower end of the central 94 % posterior predictive interval of the KPI per row (3 % quantile of
    /// y_rep = μ + ε over the thinned draws, simulated with the fit's seed; analytic at the mode for MAP).
    /// </summary>
    public required IReadOnlyList<double> PredictiveLow { get; init; }

    /// <summary>Upper end (97 % quantile) of the central 94 % posterior predictive interval per row.</summary>
    public required IReadOnlyList<double> PredictiveHigh { get; init; }

    /// <summary>Each channel's contribution, in model channel order (same order as <see cref="MediaMixFit.Channels"/>).</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Channels { get; init; }
}

/// <summary>In-sample fit quality of the posterior mean and a posterior predictive check.</summary>
public sealed record MediaMixFitQuality
{
    /// <summary>1 − Σ(y − ŷ)²/Σ(y − ȳ)².</summary>
    public required double RSquared { get; init; }

    /// <summary>Mean absolute percentage error Σ|y − ŷ|/|y| / n over rows with y ≠ 0 (a fraction, not percent).</summary>
    public required double Mape { get; init; }

    /// <summary>RMSE / (max y − min y) (Robyn's NRMSE).</summary>
    public required double Nrmse { get; init; }

    /// <summary>
    /// Fraction of fitted rows whose KPI lies in the central 94 % posterior predictive interval
    /// (<see cref="MediaMixDecomposition.PredictiveLow"/> … <see cref="MediaMixDecomposition.PredictiveHigh"/>; well
    /// calibrated ≈ 0.94; for MAP the plug-in predictive Normal/Student-t at the mode).
    /// </summary>
    public required double PredictiveCoverage94 { get; init; }
}

/// <summary>Sampler diagnostics of a NUTS fit.</summary>
public sealed record MediaMixDiagnostics
{
    /// <summary>Largest split R-hat over the parameters (want &lt; 1.01).</summary>
    public required double MaxRhat { get; init; }

    /// <summary>Smallest bulk ESS over the parameters (want ≥ 100 per chain).</summary>
    public required double MinEssBulk { get; init; }

    /// <summary>Divergent transitions after warm-up (want 0).</summary>
    public required int Divergences { get; init; }

    /// <summary>Transitions that hit the maximum tree depth.</summary>
    public required int MaxTreeDepthHits { get; init; }

    /// <summary>Gradient evaluations of the whole run (cost measure).</summary>
    public required long GradientEvaluations { get; init; }
}

/// <summary>One fold of a rolling-origin cross-validation.</summary>
public sealed record MediaMixFold
{
    /// <summary>Rows fitted (the first ones).</summary>
    public required int TrainingPeriods { get; init; }

    /// <summary>Rows predicted (the next ones).</summary>
    public required int TestPeriods { get; init; }

    /// <summary>Out-of-sample R² of the posterior mean prediction.</summary>
    public required double RSquared { get; init; }

    /// <summary>Out-of-sample MAPE (fraction) over test rows with y ≠ 0.</summary>
    public required double Mape { get; init; }
}

/// <summary>Rolling-origin time-series cross-validation results.</summary>
public sealed record MediaMixCrossValidation
{
    /// <summary>The folds, oldest origin first.</summary>
    public required IReadOnlyList<MediaMixFold> Folds { get; init; }

    /// <summary>Mean out-of-sample R² over the folds.</summary>
    public required double MeanRSquared { get; init; }

    /// <summary>Mean out-of-sample MAPE over the folds.</summary>
    public required double MeanMape { get; init; }
}
