using InfluenceModel.Channels;
using InfluenceModel.Inference;
using InfluenceModel.Internal;

namespace InfluenceModel.MediaMix;

/// <summary>
/// A fitted media-mix model: the posterior of every parameter, each channel's contribution, share, ROAS and marginal
/// ROAS, the decomposition of the fit, fit quality, diagnostics, and the fitted response curves and adstocks as the
/// library's own <see cref="IResponseCurve"/>/<see cref="IAdstock"/> (data units) so that
/// <see cref="BudgetAllocator"/> and <see cref="ChannelSelector"/> run on them. Immutable and thread-safe.
/// </summary>
public sealed class MediaMixFit
{
    private const double HdiProbability = 0.94;
    private readonly MediaMixProblem _problem;
    private readonly double[][] _draws;
    private readonly int[] _curveDraws;

    private MediaMixFit(MediaMixProblem problem, FitMethod method, double[][] draws, int chains, int[] curveDraws)
    {
        _problem = problem;
        _draws = draws;
        _curveDraws = curveDraws;
        Method = method;
        Chains = chains;
        DrawsPerChain = draws.Length / chains;
    }

    /// <summary>The model that was fitted.</summary>
    public MediaMixModel Model => _problem.Model;

    /// <summary>NUTS or MAP.</summary>
    public FitMethod Method { get; }

    /// <summary>Chains (1 for MAP).</summary>
    public int Chains { get; }

    /// <summary>Draws per chain after warm-up (1 for MAP).</summary>
    public int DrawsPerChain { get; }

    /// <summary>Every parameter's posterior in data units, in the model's parameter order.</summary>
    public IReadOnlyList<MediaMixParameter> Parameters { get; private set; } = [];

    /// <summary>Per channel (model order): contributions, share, ROAS and marginal ROAS.</summary>
    public IReadOnlyList<ChannelContribution> Channels { get; private set; } = [];

    /// <summary>The additive decomposition of the posterior mean fit.</summary>
    public MediaMixDecomposition Decomposition { get; private set; } = null!;

    /// <summary>In-sample fit quality and the posterior predictive coverage.</summary>
    public MediaMixFitQuality Quality { get; private set; } = null!;

    /// <summary>Sampler diagnostics; null for a MAP fit.</summary>
    public MediaMixDiagnostics? Diagnostics { get; private set; }

    /// <summary>Number of posterior draws (Chains × DrawsPerChain).</summary>
    public int Draws => _draws.Length;

    internal MediaMixProblem Problem => _problem;

    /// <summary>The constrained (scaled-unit) parameter vector of draw <paramref name="draw"/>.</summary>
    internal double[] DrawValues(int draw) => _draws[draw];

    /// <summary>
    /// The channel's fitted response to its adstocked spend per period (money → KPI units) at the posterior mean
    /// of its parameters: a <see cref="LogisticCurve"/>, <see cref="HillCurve"/> or <see cref="MichaelisMentenCurve"/>.
    /// </summary>
    /// <param name="channel">A channel of the model.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentException">Unknown channel.</exception>
    public IResponseCurve ResponseCurve(string channel) => Curve(ChannelIndex(channel), MeanValues(), steadyState: false);

    /// <summary>
    /// The channel's fitted adstock at the posterior mean of its parameters: a <see cref="GeometricAdstock"/>, a
    /// <see cref="WeibullAdstock"/>, or (delayed) an <see cref="IAdstock"/> with weights α^{(l−θ)²}.
    /// </summary>
    /// <param name="channel">A channel of the model.</param>
    /// <returns>The adstock.</returns>
    /// <exception cref="ArgumentException">Unknown channel.</exception>
    public IAdstock Adstock(string channel)
    {
        int c = ChannelIndex(channel);
        ChannelTerm ch = _problem.Channels[c];
        double[] v = MeanValues();
        var (a1, a2) = AdstockParameters(ch, v);
        int lags = _problem.MaxLag;
        bool normalize = _problem.Model.NormalizeAdstock;
        return ch.Adstock switch
        {
            MediaMixAdstockKind.Geometric => new GeometricAdstock(a1, lags, normalize),
            MediaMixAdstockKind.WeibullCdf => new WeibullAdstock(a1, a2, lags, WeibullKind.Cdf, normalize),
            MediaMixAdstockKind.WeibullPdf => new WeibullAdstock(a1, a2, lags, WeibullKind.Pdf, normalize),
            _ => new KernelAdstock(Weights(ch, v)),
        };
    }

    /// <summary>
    /// The steady-state response per period of each channel (model order) at the posterior mean of its parameters:
    /// f_c(x) = β_c·s_c(x·Σ_l w_l), the KPI per period when x money is spent every period (adstock in equilibrium).
    /// This is the curve to hand to <see cref="BudgetAllocator"/> for a per-period budget.
    /// </summary>
    /// <returns>One curve per channel.</returns>
    public IReadOnlyList<IResponseCurve> SteadyStateCurves()
    {
        double[] v = MeanValues();
        return [.. Enumerable.Range(0, _problem.Channels.Length).Select(c => Curve(c, v, steadyState: true))];
    }

    /// <summary>The steady-state curves (see <see cref="SteadyStateCurves()"/>) of one posterior draw.</summary>
    /// <param name="draw">Draw index in [0, <see cref="Draws"/>), chain-major.</param>
    /// <returns>One curve per channel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="draw"/> out of range.</exception>
    public IReadOnlyList<IResponseCurve> SteadyStateCurves(int draw)
    {
        Guard.InRange(draw, 0, Draws - 1, nameof(draw));
        double[] v = _draws[draw];
        return [.. Enumerable.Range(0, _problem.Channels.Length).Select(c => Curve(c, v, steadyState: true))];
    }

    /// <summary>
    /// Splits a per-period budget across the channels to maximise the posterior mean of the total steady-state
    /// response E[Σ_c f_c(x_c)] = Σ_c E[f_c(x_c)]: the allocator runs on each channel's curve averaged over
    /// <see cref="MediaMixFitOptions.CurveDraws"/> evenly thinned draws. Exact for concave curves (logistic,
    /// Michaelis–Menten, Hill with slope ≤ 1, where the average is concave); for S-shaped Hill draws the average
    /// is given the largest draw's inflection point, which the allocator's branch and bound treats as convex below
    /// it — a heuristic there.
    /// </summary>
    /// <param name="budgetPerPeriod">Money to split per period (finite, ≥ 0), in the data's spend unit.</param>
    /// <param name="bounds">Optional per-channel spend bounds, by channel index (model order); null for none.</param>
    /// <param name="locked">Optional locked spends by channel index (model order); null for none.</param>
    /// <param name="cancellationToken">Cancels the allocation.</param>
    /// <returns>The allocation, one <see cref="ChannelAllocation"/> per channel in model order; responses are posterior means (KPI units per period).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budgetPerPeriod"/> is negative or not finite.</exception>
    /// <exception cref="ArgumentException">Bounds or locked spends do not match the channels.</exception>
    public Allocation Allocate(
        double budgetPerPeriod,
        IReadOnlyList<SpendBounds?>? bounds = null,
        IReadOnlyDictionary<int, double>? locked = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Amount(budgetPerPeriod, nameof(budgetPerPeriod));
        var request = new AllocationRequest { Channels = FittedChannels(), Budget = budgetPerPeriod, Bounds = bounds, Locked = locked };
        return BudgetAllocator.Allocate(request, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The fitted channels as the library's own <see cref="Channel"/>s, in model order, for
    /// <see cref="BudgetAllocator"/> and <see cref="ChannelSelector"/>: each channel's curve is its posterior-mean
    /// steady-state response per period (see <see cref="Allocate"/>), with one audience segment of share 1, no fixed
    /// cost and no further adstock (the steady state already includes the carry-over).
    /// </summary>
    /// <returns>One channel per model channel.</returns>
    public IReadOnlyList<Channel> FittedChannels()
    {
        IResponseCurve[] curves = PosteriorMeanCurves();
        var result = new Channel[curves.Length];
        for (int c = 0; c < curves.Length; c++)
        {
            result[c] = new Channel(_problem.Channels[c].Name, [1.0], 0, curves[c]);
        }

        return result;
    }

    /// <summary>
    /// The posterior of the total steady-state response per period (KPI units) to spending
    /// <paramref name="spendPerPeriod"/>[c] on channel c every period, over the thinned draws.
    /// </summary>
    /// <param name="spendPerPeriod">Spend per channel (model order), money per period, each finite and ≥ 0.</param>
    /// <returns>Mean and 94 % HDI of Σ_c f_c(x_c).</returns>
    /// <exception cref="ArgumentException">Not one spend per channel.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A spend is negative or not finite.</exception>
    public PosteriorInterval PlanResponse(IReadOnlyList<double> spendPerPeriod)
    {
        Guard.AllAmounts(spendPerPeriod, nameof(spendPerPeriod));
        if (spendPerPeriod.Count != _problem.Channels.Length)
        {
            throw new ArgumentException($"spendPerPeriod has {spendPerPeriod.Count} values but the model has {_problem.Channels.Length} channels.", nameof(spendPerPeriod));
        }

        var totals = new double[_curveDraws.Length];
        for (int k = 0; k < totals.Length; k++)
        {
            double[] v = _draws[_curveDraws[k]];
            double sum = 0;
            for (int c = 0; c < spendPerPeriod.Count; c++)
            {
                sum += Curve(c, v, steadyState: true).Value(spendPerPeriod[c]);
            }

            totals[k] = sum;
        }

        return Interval(totals);
    }

    /// <summary>
    /// Rolling-origin time-series cross-validation: for i = 1 … <paramref name="folds"/> the model is fitted on the
    /// first T − (folds − i + 1)·<paramref name="horizon"/> rows and predicts the next <paramref name="horizon"/>
    /// rows (spend and controls known, trend extrapolated, scaling from the training rows).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The table.</param>
    /// <param name="folds">Number of folds, 1 to 20.</param>
    /// <param name="horizon">Rows predicted per fold, ≥ 1; the first fold must keep at least half the rows for training.</param>
    /// <param name="options">Fit options (null for the default).</param>
    /// <param name="progress">Reports folds done.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Per-fold and mean out-of-sample R² and MAPE.</returns>
    /// <exception cref="ArgumentNullException">model or data is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">folds outside 1 to 20, horizon &lt; 1, or too little training data.</exception>
    public static MediaMixCrossValidation CrossValidate(MediaMixModel model, MediaMixData data, int folds, int horizon, MediaMixFitOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        Guard.InRange(folds, 1, 20, nameof(folds));
        Guard.Positive(horizon, nameof(horizon));
        if (data.Periods - (folds * horizon) < Math.Max(MediaMixData.MinimumPeriods, data.Periods / 2))
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, $"folds × horizon = {folds * horizon} leaves fewer than half of the {data.Periods} rows for the first training window.");
        }

        var reporter = new ProgressReporter(progress, "Cross-validation", folds);
        var results = new List<MediaMixFold>();
        for (int i = 0; i < folds; i++)
        {
            int train = data.Periods - ((folds - i) * horizon);
            MediaMixData window = data.Head(train + horizon);
            MediaMixFit fit = MediaMixEngine.Fit(MediaMixProblem.Create(model, window, train), options ?? MediaMixFitOptions.Default, null, cancellationToken);
            double[] predicted = fit.PredictMean();
            var y = new double[horizon];
            var yhat = new double[horizon];
            for (int t = 0; t < horizon; t++)
            {
                y[t] = window.Kpi[train + t];
                yhat[t] = predicted[train + t];
            }

            results.Add(new MediaMixFold { TrainingPeriods = train, TestPeriods = horizon, RSquared = RSquared(y, yhat), Mape = Mape(y, yhat) });
            reporter.Advance();
        }

        reporter.Complete();
        return new MediaMixCrossValidation
        {
            Folds = results,
            MeanRSquared = results.Average(f => f.RSquared),
            MeanMape = results.Average(f => f.Mape),
        };
    }

    internal static MediaMixFit Create(MediaMixProblem problem, FitMethod method, double[][] draws, int chains, MediaMixFitOptions options, MediaMixDiagnostics? diagnostics, (double Rhat, double Ess)[]? parameterDiagnostics)
    {
        int count = Math.Min(options.CurveDraws, draws.Length);
        var thinned = new int[count];
        for (int k = 0; k < count; k++)
        {
            thinned[k] = (int)((long)k * draws.Length / count);
        }

        var fit = new MediaMixFit(problem, method, draws, chains, thinned) { Diagnostics = diagnostics };
        fit.Summarize(parameterDiagnostics, options.Nuts?.Seed ?? 0);
        return fit;
    }

    private void Summarize((double Rhat, double Ess)[]? parameterDiagnostics, ulong seed)
    {
        MediaMixProblem p = _problem;
        int n = p.Fitted;
        int draws = _draws.Length;
        ParameterInfo[] info = p.Parameters;
        double yScale = p.KpiScale;
        ReadOnlySpan<double> observed = p.Data.KpiSpan[..n];

        // Parameters in data units.
        var parameters = new MediaMixParameter[info.Length];
        var values = new double[draws];
        for (int i = 0; i < info.Length; i++)
        {
            for (int d = 0; d < draws; d++)
            {
                values[d] = _draws[d][i] * info[i].DataScale;
            }

            PosteriorInterval interval = Interval(values);
            parameters[i] = new MediaMixParameter
            {
                Name = info[i].Name,
                Mean = interval.Mean,
                StandardDeviation = interval.StandardDeviation,
                Hdi94Low = interval.Low,
                Hdi94High = interval.High,
                Rhat = parameterDiagnostics?[i].Rhat,
                EssBulk = parameterDiagnostics?[i].Ess,
            };
        }

        Parameters = parameters;

        // Linear components at the posterior mean (linear in the coefficients, so mean of component = component of mean).
        double[] mean = MeanValues();
        var baseline = new double[n];
        var trend = new double[n];
        var seasonality = new double[n];
        var controls = new double[n];
        for (int j = 0; j < p.Columns.Length; j++)
        {
            double[] target = p.Groups[j] switch
            {
                LinearGroup.Baseline => baseline,
                LinearGroup.Trend => trend,
                LinearGroup.Seasonality => seasonality,
                _ => controls,
            };
            double coefficient = mean[j] * yScale;
            for (int t = 0; t < n; t++)
            {
                target[t] += coefficient * p.Columns[j][t];
            }
        }

        double kpiTotal = 0;
        foreach (double y in observed)
        {
            kpiTotal += y;
        }

        // Channels: per-draw contributions (data units), totals, ROAS, marginal ROAS.
        var contributions = new ChannelContribution[p.Channels.Length];
        var channelMeans = new IReadOnlyList<double>[p.Channels.Length];
        var series = new double[draws * n];
        var column = new double[draws];
        var total = new double[draws];
        var share = new double[draws];
        var roas = new double[draws];
        var marginal = new double[draws];
        var a = new double[n];
        for (int c = 0; c < p.Channels.Length; c++)
        {
            ChannelTerm ch = p.Channels[c];
            double spend = ch.ScaledSpendTotal * ch.SpendScale;
            for (int d = 0; d < draws; d++)
            {
                double[] v = _draws[d];
                double[] w = Weights(ch, v);
                MediaMixKernels.Convolve(ch.Spend, w, a);
                double beta = v[ch.Offset] * yScale;
                var (s1, s2) = SaturationParameters(ch, v);
                double sum = 0, slopeSum = 0;
                for (int t = 0; t < n; t++)
                {
                    double s = MediaMixKernels.Saturate(ch.Saturation, a[t], s1, s2, out double slope, out _, out _);
                    series[(d * n) + t] = beta * s;
                    sum += beta * s;
                    slopeSum += beta * slope * a[t];
                }

                total[d] = sum;
                share[d] = sum / kpiTotal;
                roas[d] = sum / spend;
                // ∂/∂ε Σ_t β s((1+ε)a_t) = β Σ s'(a_t) a_t (scaled spend), per extra money ε·spend.
                marginal[d] = slopeSum / spend;
            }

            var meanSeries = new double[n];
            var low = new double[n];
            var high = new double[n];
            for (int t = 0; t < n; t++)
            {
                for (int d = 0; d < draws; d++)
                {
                    column[d] = series[(d * n) + t];
                }

                PosteriorInterval interval = Interval(column);
                meanSeries[t] = interval.Mean;
                low[t] = interval.Low;
                high[t] = interval.High;
            }

            channelMeans[c] = meanSeries;
            contributions[c] = new ChannelContribution
            {
                Channel = ch.Name,
                Spend = spend,
                Contribution = meanSeries,
                ContributionLow = low,
                ContributionHigh = high,
                TotalContribution = Interval(total),
                Share = Interval(share),
                Roas = Interval(roas),
                MarginalRoas = Interval(marginal),
            };
        }

        Channels = contributions;

        var fitted = new double[n];
        for (int t = 0; t < n; t++)
        {
            double sum = baseline[t] + trend[t] + seasonality[t] + controls[t];
            for (int c = 0; c < channelMeans.Length; c++)
            {
                sum += channelMeans[c][t];
            }

            fitted[t] = sum;
        }

        var (predictiveLow, predictiveHigh) = PredictiveBand(seed);
        int covered = 0;
        for (int t = 0; t < n; t++)
        {
            if (observed[t] >= predictiveLow[t] && observed[t] <= predictiveHigh[t])
            {
                covered++;
            }
        }

        Decomposition = new MediaMixDecomposition
        {
            PredictiveLow = predictiveLow,
            PredictiveHigh = predictiveHigh,
            Dates = [.. p.Data.Dates.Take(n)],
            Observed = observed.ToArray(),
            Fitted = fitted,
            Baseline = baseline,
            Trend = trend,
            Seasonality = seasonality,
            Controls = controls,
            Channels = channelMeans,
        };

        double[] y0 = observed.ToArray();
        double range = y0.Max() - y0.Min();
        double rmse = Math.Sqrt(y0.Zip(fitted, (y, f) => (y - f) * (y - f)).Average());
        Quality = new MediaMixFitQuality
        {
            RSquared = RSquared(y0, fitted),
            Mape = Mape(y0, fitted),
            Nrmse = range > 0 ? rmse / range : 0,
            PredictiveCoverage94 = (double)covered / n,
        };
    }

    /// <summary>
    /// The central 94 % posterior predictive band per fitted row (data units): for MAP μ̂_t ± q·σ̂ with q the Normal or
    /// Student-t 97 % quantile; otherwise the 3 % and 97 % quantiles of y_rep = μ_{k,t} + σ_k·ε over the thinned
    /// draws k with ⌈1000/K⌉ replicates each, ε from a stream seeded by <paramref name="seed"/>.
    /// </summary>
    private (double[] Low, double[] High) PredictiveBand(ulong seed)
    {
        MediaMixProblem p = _problem;
        int n = p.Fitted;
        bool studentT = p.Model.Likelihood == LikelihoodKind.StudentT;
        double nu = p.Model.DegreesOfFreedom;
        var low = new double[n];
        var high = new double[n];
        var mu = new double[p.Rows];
        if (_draws.Length == 1)
        {
            double[] v = _draws[0];
            MeanSeries(v, mu);
            double q = studentT ? MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, nu, 0.97) : MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.97);
            double half = q * v[p.SigmaIndex];
            for (int t = 0; t < n; t++)
            {
                low[t] = (mu[t] - half) * p.KpiScale;
                high[t] = (mu[t] + half) * p.KpiScale;
            }

            return (low, high);
        }

        int replicates = (1000 + _curveDraws.Length - 1) / _curveDraws.Length;
        int samples = replicates * _curveDraws.Length;
        var ys = new double[n * samples];
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        int s = 0;
        foreach (int d in _curveDraws)
        {
            double[] v = _draws[d];
            MeanSeries(v, mu);
            double sigma = v[p.SigmaIndex];
            for (int r = 0; r < replicates; r++, s++)
            {
                for (int t = 0; t < n; t++)
                {
                    double e = studentT ? MathNet.Numerics.Distributions.StudentT.Sample(random, 0, 1, nu) : MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
                    ys[(t * samples) + s] = (mu[t] + (sigma * e)) * p.KpiScale;
                }
            }
        }

        for (int t = 0; t < n; t++)
        {
            Span<double> row = ys.AsSpan(t * samples, samples);
            row.Sort();
            low[t] = Quantile(row, 0.03);
            high[t] = Quantile(row, 0.97);
        }

        return (low, high);
    }

    private static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        double h = (sorted.Length - 1) * probability;
        int i = (int)Math.Floor(h);
        return i + 1 < sorted.Length ? sorted[i] + ((h - i) * (sorted[i + 1] - sorted[i])) : sorted[i];
    }

    /// <summary>The expected KPI (scaled) of every row of the problem for one draw.</summary>
    private void MeanSeries(double[] v, double[] mu)
    {
        MediaMixProblem p = _problem;
        int rows = mu.Length;
        Array.Clear(mu);
        for (int j = 0; j < p.Columns.Length; j++)
        {
            for (int t = 0; t < rows; t++)
            {
                mu[t] += v[j] * p.Columns[j][t];
            }
        }

        var a = new double[rows];
        foreach (ChannelTerm ch in p.Channels)
        {
            MediaMixKernels.Convolve(ch.Spend, Weights(ch, v), a);
            var (s1, s2) = SaturationParameters(ch, v);
            double beta = v[ch.Offset];
            for (int t = 0; t < rows; t++)
            {
                mu[t] += beta * MediaMixKernels.Saturate(ch.Saturation, a[t], s1, s2, out _, out _, out _);
            }
        }
    }

    /// <summary>Posterior mean of the expected KPI (data units) for every row of the problem, held-out rows included.</summary>
    internal double[] PredictMean()
    {
        int rows = _problem.Rows;
        var sum = new double[rows];
        var mu = new double[rows];
        foreach (double[] v in _draws)
        {
            MeanSeries(v, mu);
            for (int t = 0; t < rows; t++)
            {
                sum[t] += mu[t];
            }
        }

        for (int t = 0; t < rows; t++)
        {
            sum[t] = sum[t] / _draws.Length * _problem.KpiScale;
        }

        return sum;
    }

    private IResponseCurve[] PosteriorMeanCurves()
    {
        int channels = _problem.Channels.Length;
        var result = new IResponseCurve[channels];
        for (int c = 0; c < channels; c++)
        {
            var members = new IResponseCurve[_curveDraws.Length];
            for (int k = 0; k < members.Length; k++)
            {
                members[k] = Curve(c, _draws[_curveDraws[k]], steadyState: true);
            }

            result[c] = members.Length == 1 ? members[0] : new AveragedCurve(members);
        }

        return result;
    }

    private double[] MeanValues()
    {
        int dim = _problem.Parameters.Length;
        var mean = new double[dim];
        foreach (double[] v in _draws)
        {
            for (int i = 0; i < dim; i++)
            {
                mean[i] += v[i];
            }
        }

        for (int i = 0; i < dim; i++)
        {
            mean[i] /= _draws.Length;
        }

        return mean;
    }

    private int ChannelIndex(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        int c = Array.FindIndex(_problem.Channels, ch => ch.Name == channel);
        return c >= 0 ? c : throw new ArgumentException($"'{channel}' is not a channel of the model.", nameof(channel));
    }

    private (double, double) AdstockParameters(ChannelTerm ch, double[] v)
    {
        int ao = ch.Offset + 1 + ch.SaturationCount;
        double a2 = ch.AdstockCount == 2 ? v[ao + 1] * (ch.Adstock == MediaMixAdstockKind.Delayed ? _problem.MaxLag - 1 : 1) : 0;
        return (v[ao], a2);
    }

    private static (double, double) SaturationParameters(ChannelTerm ch, double[] v) =>
        (v[ch.Offset + 1], ch.SaturationCount == 2 ? v[ch.Offset + 2] : 0);

    private double[] Weights(ChannelTerm ch, double[] v)
    {
        int lags = _problem.MaxLag;
        var w = new double[lags];
        var (a1, a2) = AdstockParameters(ch, v);
        MediaMixKernels.Weights(ch.Adstock, a1, a2, _problem.Model.NormalizeAdstock, w, new double[lags], new double[lags]);
        return w;
    }

    /// <summary>The channel's curve in data units; steady state multiplies the spend by Σ w.</summary>
    private ResponseCurve Curve(int c, double[] v, bool steadyState)
    {
        ChannelTerm ch = _problem.Channels[c];
        double gain = steadyState ? Weights(ch, v).Sum() : 1;
        double beta = v[ch.Offset] * _problem.KpiScale;
        var (s1, s2) = SaturationParameters(ch, v);
        return ch.Saturation switch
        {
            ResponseCurveKind.Logistic => new LogisticCurve(beta, s1 * gain / ch.SpendScale),
            ResponseCurveKind.Hill => new HillCurve(beta, s1 * ch.SpendScale / gain, s2),
            _ => new MichaelisMentenCurve(beta, s1 * ch.SpendScale / gain),
        };
    }

    internal static PosteriorInterval Interval(double[] values)
    {
        double mean = values.Average();
        double sd = StandardDeviation(values, mean);
        var (low, high) = values.Length == 1 ? (values[0], values[0]) : PosteriorDiagnostics.Hdi(values, HdiProbability);
        return new PosteriorInterval(mean, sd, Math.Min(low, mean), Math.Max(high, mean));
    }

    private static double StandardDeviation(double[] values, double mean)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        double ss = 0;
        foreach (double v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return Math.Sqrt(ss / (values.Length - 1));
    }

    internal static double RSquared(double[] y, double[] fitted)
    {
        double mean = y.Average();
        double ssRes = 0, ssTot = 0;
        for (int t = 0; t < y.Length; t++)
        {
            ssRes += (y[t] - fitted[t]) * (y[t] - fitted[t]);
            ssTot += (y[t] - mean) * (y[t] - mean);
        }

        return ssTot > 0 ? 1 - (ssRes / ssTot) : ssRes == 0 ? 1 : 0;
    }

    internal static double Mape(double[] y, double[] fitted)
    {
        double sum = 0;
        int count = 0;
        for (int t = 0; t < y.Length; t++)
        {
            if (y[t] != 0)
            {
                sum += Math.Abs((y[t] - fitted[t]) / y[t]);
                count++;
            }
        }

        return count > 0 ? sum / count : 0;
    }

    /// <summary>The pointwise average of curves (posterior mean response).</summary>
    private sealed class AveragedCurve(IResponseCurve[] members) : IResponseCurve
    {
        public double InflectionPoint { get; } = members.Max(m => m.InflectionPoint);

        public double Value(double x)
        {
            double sum = 0;
            foreach (IResponseCurve m in members)
            {
                sum += m.Value(x);
            }

            return sum / members.Length;
        }

        public double Derivative(double x)
        {
            double sum = 0;
            foreach (IResponseCurve m in members)
            {
                sum += m.Derivative(x);
            }

            return sum / members.Length;
        }
    }

    /// <summary>An adstock given by its lag weights (the delayed kernel, which Channels has no class for).</summary>
    private sealed class KernelAdstock(double[] weights) : IAdstock
    {
        public IReadOnlyList<double> Weights => weights;

        public double[] Apply(IReadOnlyList<double> spend)
        {
            Guard.AllAmounts(spend, nameof(spend));
            var a = new double[spend.Count];
            MediaMixKernels.Convolve([.. spend], weights, a);
            return a;
        }
    }
}
