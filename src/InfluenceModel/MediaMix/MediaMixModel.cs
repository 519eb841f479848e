using InfluenceModel.Channels;
using InfluenceModel.Internal;

namespace InfluenceModel.MediaMix;

/// <summary>The carry-over of a media-mix channel (PyMC-Marketing's adstock transformations).</summary>
public enum MediaMixAdstockKind
{
    /// <summary>Geometric: w_l = α^l, l = 0 … L−1 (parameter "alpha" ∈ (0, 1), default prior Beta(1, 3)).</summary>
    Geometric,

    /// <summary>
    /// Delayed (PyMC-Marketing <c>delayed_adstock</c>): w_l = α^{(l−θ)²} with the peak delay θ ∈ (0, L−1) periods
    /// (parameters "alpha" ∈ (0, 1), default prior Beta(1, 3), and "theta", whose prior is on θ/(L−1), default Beta(1.5, 3)).
    /// Needs L ≥ 2.
    /// </summary>
    Delayed,

    /// <summary>
    /// Weibull survival kernel: w_0 = 1, w_l = Π_{i=1}^{l} e^{−(i/λ)^k} (parameters "shape" k, default prior
    /// Gamma(9, 3), and "scale" λ in periods, default prior Gamma(4, 2); PyMC-Marketing's defaults).
    /// </summary>
    WeibullCdf,

    /// <summary>
    /// Weibull density kernel: v_l = f(l + 1), w = (v − min v)/(max v − min v) (same parameters and priors as
    /// <see cref="WeibullCdf"/>); allows a delayed peak.
    /// </summary>
    WeibullPdf,
}

/// <summary>The trend term of a media-mix model.</summary>
public enum TrendKind
{
    /// <summary>No trend.</summary>
    None,

    /// <summary>k·τ_t with τ_t = t/(T−1) the time scaled to [0, 1] over the fitted rows.</summary>
    Linear,

    /// <summary>
    /// Piecewise linear (Prophet-style): k·τ_t + Σ_j δ_j·max(0, τ_t − c_j) with change points c_j = j/(K+1),
    /// j = 1 … K, and a sparse Laplace prior on the slope changes δ_j.
    /// </summary>
    PiecewiseLinear,
}

/// <summary>The observation noise of a media-mix model.</summary>
public enum LikelihoodKind
{
    /// <summary>ε_t ~ Normal(0, σ).</summary>
    Normal,

    /// <summary>ε_t ~ Student-t(ν, 0, σ) with ν = <see cref="MediaMixModel.DegreesOfFreedom"/>: robust to outliers.</summary>
    StudentT,
}

/// <summary>
/// One paid channel of a media-mix model: its adstock and saturation kinds, optional prior overrides and an optional
/// ROAS prior. Immutable; validated when it is put into a <see cref="MediaMixModel"/>.
/// </summary>
public sealed record MediaMixChannel
{
    /// <summary>The channel's name: the spend column of the data.</summary>
    /// <exception cref="ArgumentException">Empty.</exception>
    public required string Name
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Name));
            field = value;
        }
    }

    /// <summary>The carry-over kind; default <see cref="MediaMixAdstockKind.Geometric"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Undefined value.</exception>
    public MediaMixAdstockKind Adstock { get; init => field = Guard.Defined(value, nameof(Adstock)); } = MediaMixAdstockKind.Geometric;

    /// <summary>
    /// The saturation (the library's one response-curve kind), applied to the adstocked, scaled spend a; default
    /// <see cref="ResponseCurveKind.Logistic"/>. Logistic (1 − e^{−λa})/(1 + e^{−λa}): parameter "lambda", default
    /// prior Gamma(3, 1). Hill a^s/(a^s + κ^s): "kappa" (half-saturation point, default prior Gamma(2, 3)) and "slope"
    /// (default prior Gamma(3, 2); s &gt; 1 is S-shaped). Michaelis–Menten a/(λ + a): "lambda" (half-saturation
    /// point, default prior Gamma(2, 3)). The channel's coefficient β multiplies each.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Undefined value.</exception>
    public ResponseCurveKind Saturation { get; init => field = Guard.Defined(value, nameof(Saturation)); } = ResponseCurveKind.Logistic;

    /// <summary>
    /// Prior overrides by parameter name: "beta" (the effect ceiling on the scaled KPI, positive, default
    /// HalfNormal(2)), the saturation's ("lambda", or "kappa" and "slope") and the adstock's ("alpha", "theta",
    /// "shape", "scale") — see <see cref="ResponseCurveKind"/> and <see cref="MediaMixAdstockKind"/> for names and defaults.
    /// Null or missing keys keep the defaults. A key the channel does not have, or a prior whose support does not
    /// match the parameter's, is rejected by <see cref="MediaMixModel.Channels"/>.
    /// </summary>
    public IReadOnlyDictionary<string, Prior>? Priors { get; init; }

    /// <summary>
    /// Optional prior on the channel's return on ad spend ROAS = Σ_t contribution_t / Σ_t spend_t (KPI units per
    /// unit of money, over the fitted rows), Meridian's calibration: added to the log density as a term on this
    /// derived quantity. Must be a positive-support prior (HalfNormal, Gamma, LogNormal). Null (default) for none.
    /// </summary>
    public Prior? RoasPrior { get; init; }

    /// <summary>The parameter names of this channel in order: beta, the saturation's, the adstock's.</summary>
    internal string[] ParameterNames => [Beta, .. SaturationParameters(Saturation), .. AdstockParameters(Adstock)];

    internal const string Beta = "beta";

    internal static string[] SaturationParameters(ResponseCurveKind kind) => kind switch
    {
        ResponseCurveKind.Hill => ["kappa", "slope"],
        _ => ["lambda"],
    };

    internal static string[] AdstockParameters(MediaMixAdstockKind kind) => kind switch
    {
        MediaMixAdstockKind.Geometric => ["alpha"],
        MediaMixAdstockKind.Delayed => ["alpha", "theta"],
        _ => ["shape", "scale"],
    };

    /// <summary>The default prior and the support of a parameter of this channel.</summary>
    internal (Prior Prior, ParameterSupport Support) Default(string parameter) => (parameter, Saturation) switch
    {
        (Beta, _) => (Prior.HalfNormal(2), ParameterSupport.Positive),
        ("lambda", ResponseCurveKind.Logistic) => (Prior.Gamma(3, 1), ParameterSupport.Positive),
        ("lambda", _) => (Prior.Gamma(2, 3), ParameterSupport.Positive),
        ("kappa", _) => (Prior.Gamma(2, 3), ParameterSupport.Positive),
        ("slope", _) => (Prior.Gamma(3, 2), ParameterSupport.Positive),
        ("alpha", _) => (Prior.Beta(1, 3), ParameterSupport.Unit),
        ("theta", _) => (Prior.Beta(1.5, 3), ParameterSupport.Unit),
        ("shape", _) => (Prior.Gamma(9, 3), ParameterSupport.Positive),
        _ => (Prior.Gamma(4, 2), ParameterSupport.Positive),
    };

    /// <summary>The prior of a parameter: the override or the default.</summary>
    internal Prior PriorOf(string parameter) =>
        Priors is { } p && p.TryGetValue(parameter, out Prior? prior) ? prior : Default(parameter).Prior;

    internal void Validate(string paramName)
    {
        string[] names = ParameterNames;
        if (Priors is { } priors)
        {
            foreach (var (key, prior) in priors)
            {
                if (Array.IndexOf(names, key) < 0)
                {
                    throw new ArgumentException(
                        $"Channel '{Name}': Priors has '{key}', which a {Saturation}/{Adstock} channel does not have; its parameters are [{string.Join(", ", names)}].",
                        paramName);
                }

                if (prior is null)
                {
                    throw new ArgumentNullException(paramName, $"Channel '{Name}': the prior of '{key}' is null.");
                }

                ParameterSupport support = Default(key).Support;
                if (prior.Support != support)
                {
                    throw new ArgumentException(
                        $"Channel '{Name}': parameter '{key}' lives on {Describe(support)} but its prior {prior} does not.",
                        paramName);
                }
            }
        }

        if (RoasPrior is { } roas && roas.Support != ParameterSupport.Positive)
        {
            throw new ArgumentException($"Channel '{Name}': RoasPrior {roas} must have positive support (HalfNormal, Gamma or LogNormal).", paramName);
        }
    }

    internal static string Describe(ParameterSupport support) => support switch
    {
        ParameterSupport.Real => "the real line (Normal or Laplace)",
        ParameterSupport.Positive => "(0, ∞) (HalfNormal, Gamma or LogNormal)",
        _ => "(0, 1) (Beta)",
    };
}

/// <summary>
/// A lift test (geo or conversion-lift experiment) that calibrates a channel: spending <see cref="SpendChange"/>
/// more (or less) per period in the rows from <see cref="FirstPeriod"/> to <see cref="LastPeriod"/> changed the KPI
/// over those rows by <see cref="Lift"/> ± <see cref="StandardError"/>. Enters the likelihood as
/// Lift ~ Normal(Σ_{t∈W}[β s(a(x+Δx))_t − β s(a(x))_t], StandardError), in data units (PyMC-Marketing's
/// <c>add_lift_test_measurements</c>).
/// </summary>
public sealed record LiftTest
{
    /// <summary>The channel tested (a name in <see cref="MediaMixModel.Channels"/>).</summary>
    /// <exception cref="ArgumentException">Empty.</exception>
    public required string Channel
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Channel));
            field = value;
        }
    }

    /// <summary>The first row of the test window (a date of the data).</summary>
    public required DateOnly FirstPeriod { get; init; }

    /// <summary>The last row of the test window, ≥ <see cref="FirstPeriod"/> (a date of the data).</summary>
    public required DateOnly LastPeriod { get; init; }

    /// <summary>The spend change Δx added to each period of the window (money per period, finite, ≠ 0; the changed spend must stay ≥ 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, NaN or infinite.</exception>
    public required double SpendChange
    {
        get;
        init => field = value != 0 ? Guard.Finite(value, nameof(SpendChange)) : throw new ArgumentOutOfRangeException(nameof(SpendChange), value, "SpendChange must be a finite non-zero number; it was 0.");
    }

    /// <summary>The measured total KPI change over the window (KPI units, finite).</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinite.</exception>
    public required double Lift { get; init => field = Guard.Finite(value, nameof(Lift)); }

    /// <summary>The standard error of <see cref="Lift"/> (KPI units, &gt; 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">≤ 0, NaN or infinite.</exception>
    public required double StandardError { get; init => field = Guard.Positive(value, nameof(StandardError)); }
}

/// <summary>
/// A Bayesian media-mix model specification (Jin et al. 2017; PyMC-Marketing; Meridian):
/// y_t = intercept + trend_t + Σ_k (a_k sin 2πkt/P + b_k cos 2πkt/P) + Σ_c β_c·s_c(adstock_c(x_c)_t) + Σ_j γ_j z_{j,t} + ε_t
/// on the scaled data (y by max|y|, each x_c by its max, each z_j by max|z_j|); results are reported in data units.
/// Immutable and validated on construction; <see cref="Fit"/> learns it from a <see cref="MediaMixData"/> table.
/// See <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/media-mix.md">docs/models/media-mix.md</see> for the equations, priors and parameterisation.
/// </summary>
public sealed record MediaMixModel
{
    private readonly ValueList<MediaMixChannel> _channels = ValueList<MediaMixChannel>.Empty;

    /// <summary>The paid channels, at least one, with unique names that are spend columns of the data.</summary>
    /// <exception cref="ArgumentNullException">Null list or entry.</exception>
    /// <exception cref="ArgumentException">Empty, duplicated names, or a channel's prior overrides are invalid.</exception>
    public required IReadOnlyList<MediaMixChannel> Channels
    {
        get => _channels;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Channels));
            if (value.Count == 0)
            {
                throw new ArgumentException("Channels must hold at least one channel.", nameof(Channels));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (MediaMixChannel? c in value)
            {
                if (c is null)
                {
                    throw new ArgumentNullException(nameof(Channels), "Channels holds a null channel.");
                }

                if (!seen.Add(c.Name))
                {
                    throw new ArgumentException($"Channels: '{c.Name}' appears twice.", nameof(Channels));
                }

                c.Validate(nameof(Channels));
            }

            _channels = ValueList<MediaMixChannel>.From(value)!;
        }
    }

    /// <summary>Control columns of the data to include (unique names); default none.</summary>
    /// <exception cref="ArgumentException">Null, empty or duplicated name.</exception>
    public IReadOnlyList<string> Controls
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Controls));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string? name in value)
            {
                if (string.IsNullOrWhiteSpace(name) || !seen.Add(name))
                {
                    throw new ArgumentException($"Controls: '{name}' is empty or appears twice.", nameof(Controls));
                }
            }

            field = ValueList<string>.From(value)!;
        }
    } = ValueList<string>.Empty;

    /// <summary>The largest <see cref="MaxLag"/>: 104 lag weights (two years of weekly data).</summary>
    public const int MaxLagLimit = 104;

    /// <summary>The smallest <see cref="MaxLag"/> a <see cref="MediaMixAdstockKind.Delayed"/> channel accepts: 2 (its peak θ
    /// lies in [0, L − 1]).</summary>
    public const int MinDelayedMaxLag = 2;

    /// <summary>The largest <see cref="SeasonalityPairs"/>: 20 Fourier pairs.</summary>
    public const int MaxSeasonalityPairs = 20;

    /// <summary>Number of adstock lag weights L (lags 0 … L−1, PyMC-Marketing's l_max), 1 to <see cref="MaxLagLimit"/> (104);
    /// default 8. Delayed adstock needs ≥ <see cref="MinDelayedMaxLag"/> (2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 104.</exception>
    public int MaxLag { get; init => field = Guard.InRange(value, 1, MaxLagLimit, nameof(MaxLag)); } = 8;

    /// <summary>Divide each channel's adstock weights by their sum (so β is the steady-state ceiling); default true.</summary>
    public bool NormalizeAdstock { get; init; } = true;

    /// <summary>Number of Fourier pairs of the yearly season (period 52.1775 rows for weekly data, 365.25 for daily), 0 to
    /// <see cref="MaxSeasonalityPairs"/> (20); default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0 to 20.</exception>
    public int SeasonalityPairs { get; init => field = Guard.InRange(value, 0, MaxSeasonalityPairs, nameof(SeasonalityPairs)); } = 2;

    /// <summary>The trend term; default <see cref="TrendKind.None"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Undefined value.</exception>
    public TrendKind Trend { get; init => field = Guard.Defined(value, nameof(Trend)); } = TrendKind.None;

    /// <summary>Number of change points K of a <see cref="TrendKind.PiecewiseLinear"/> trend, 1 to 50; default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 50.</exception>
    public int ChangePoints { get; init => field = Guard.InRange(value, 1, 50, nameof(ChangePoints)); } = 5;

    /// <summary>The noise distribution; default <see cref="LikelihoodKind.Normal"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Undefined value.</exception>
    public LikelihoodKind Likelihood { get; init => field = Guard.Defined(value, nameof(Likelihood)); } = LikelihoodKind.Normal;

    /// <summary>Degrees of freedom ν of the Student-t likelihood, 1 to 1,000; default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 1,000.</exception>
    public double DegreesOfFreedom { get; init => field = Guard.InRange(value, 1.0, 1000.0, nameof(DegreesOfFreedom)); } = 5;

    /// <summary>Prior of the intercept (scaled KPI); default Normal(0, 2). Real support.</summary>
    /// <exception cref="ArgumentException">Not a real-support prior.</exception>
    public Prior InterceptPrior { get; init => field = Check(value, ParameterSupport.Real, nameof(InterceptPrior)); } = Prior.Normal(0, 2);

    /// <summary>Prior of the trend slope k (scaled KPI change over the fitted rows); default Normal(0, 1). Real support.</summary>
    /// <exception cref="ArgumentException">Not a real-support prior.</exception>
    public Prior TrendPrior { get; init => field = Check(value, ParameterSupport.Real, nameof(TrendPrior)); } = Prior.Normal(0, 1);

    /// <summary>Prior of each slope change δ_j of a piecewise trend; default Laplace(0, 0.25). Real support.</summary>
    /// <exception cref="ArgumentException">Not a real-support prior.</exception>
    public Prior ChangePointPrior { get; init => field = Check(value, ParameterSupport.Real, nameof(ChangePointPrior)); } = Prior.Laplace(0, 0.25);

    /// <summary>Prior of each Fourier coefficient (scaled KPI); default Laplace(0, 1). Real support.</summary>
    /// <exception cref="ArgumentException">Not a real-support prior.</exception>
    public Prior SeasonalityPrior { get; init => field = Check(value, ParameterSupport.Real, nameof(SeasonalityPrior)); } = Prior.Laplace(0, 1);

    /// <summary>Prior of each control coefficient γ_j (scaled KPI per scaled control); default Normal(0, 2). Real support.</summary>
    /// <exception cref="ArgumentException">Not a real-support prior.</exception>
    public Prior ControlPrior { get; init => field = Check(value, ParameterSupport.Real, nameof(ControlPrior)); } = Prior.Normal(0, 2);

    /// <summary>Prior of the noise scale σ (scaled KPI); default HalfNormal(2). Positive support.</summary>
    /// <exception cref="ArgumentException">Not a positive-support prior.</exception>
    public Prior SigmaPrior { get; init => field = Check(value, ParameterSupport.Positive, nameof(SigmaPrior)); } = Prior.HalfNormal(2);

    /// <summary>Lift tests that calibrate channels; default none. Checked against the data by <see cref="Fit"/>.</summary>
    /// <exception cref="ArgumentNullException">Null list or entry.</exception>
    public IReadOnlyList<LiftTest> LiftTests
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(LiftTests));
            foreach (LiftTest? test in value)
            {
                if (test is null)
                {
                    throw new ArgumentNullException(nameof(LiftTests), "LiftTests holds a null test.");
                }
            }

            field = ValueList<LiftTest>.From(value)!;
        }
    } = ValueList<LiftTest>.Empty;

    /// <summary>
    /// Fits the model to <paramref name="data"/>: the posterior by NUTS (default) or its mode (MAP), then the
    /// contributions, ROAS, decomposition, fit quality and fitted curves.
    /// </summary>
    /// <param name="data">The table; must hold every channel's spend column and every control column of the model.</param>
    /// <param name="options">How to fit; null for <see cref="MediaMixFitOptions.Default"/>.</param>
    /// <param name="progress">Progress of the sampler (or optimiser).</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The data lack a channel or control column (named), a channel or control is zero in every fitted row, a lift
    /// test names an unknown channel or dates outside the data, delayed adstock with MaxLag &lt; 2, or the data have
    /// fewer rows than the model has linear terms + 2.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public MediaMixFit Fit(MediaMixData data, MediaMixFitOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        MediaMixEngine.Fit(this, data, options ?? MediaMixFitOptions.Default, progress, cancellationToken);

    private static Prior Check(Prior value, ParameterSupport support, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value.Support == support
            ? value
            : throw new ArgumentException($"{name} must be a prior on {MediaMixChannel.Describe(support)}; it was {value}.", name);
    }
}
