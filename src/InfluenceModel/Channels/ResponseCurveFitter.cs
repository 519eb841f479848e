using InfluenceModel.Internal;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace InfluenceModel.Channels;

/// <summary>What to fit: a spend/outcome history, the curve and the adstock families. Immutable; validated when built.</summary>
public sealed record ResponseFitRequest
{
    /// <summary>Spend per period, oldest first; finite and ≥ 0, not all zero (checked by the fitter).</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite.</exception>
    public required IReadOnlyList<double> SpendHistory
    {
        get;
        init => field = Guard.AllAmounts(value, nameof(SpendHistory));
    }

    /// <summary>Outcome per period (same length as <see cref="SpendHistory"/>); finite and ≥ 0.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite.</exception>
    public required IReadOnlyList<double> OutcomeHistory
    {
        get;
        init => field = Guard.AllAmounts(value, nameof(OutcomeHistory));
    }

    /// <summary>The curve family; default <see cref="ResponseCurveKind.Hill"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="ResponseCurveKind"/>.</exception>
    public ResponseCurveKind Curve
    {
        get;
        init => field = Guard.Defined(value, nameof(Curve));
    } = ResponseCurveKind.Hill;

    /// <summary>The adstock family fitted jointly with the curve; default <see cref="AdstockKind.None"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="AdstockKind"/>.</exception>
    public AdstockKind Adstock
    {
        get;
        init => field = Guard.Defined(value, nameof(Adstock));
    } = AdstockKind.None;
}

/// <summary>How <see cref="ResponseCurveFitter.Fit"/> fits (the fitter's own options). Immutable.</summary>
public sealed record ResponseFitOptions
{
    /// <summary>Number of adstock lag weights (l_max), 1 to 1,000; default 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 1,000.</exception>
    public int MaxLag
    {
        get;
        init => field = Guard.InRange(value, 1, 1000, nameof(MaxLag));
    } = 8;

    /// <summary>Whether the adstock weights are normalised to sum to 1; default true (keeps the curve's spend scale).</summary>
    public bool NormalizeAdstock { get; init; } = true;

    /// <summary>Weibull kernel kind; default <see cref="WeibullKind.Cdf"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="Channels.WeibullKind"/>.</exception>
    public WeibullKind WeibullKind
    {
        get;
        init => field = Guard.Defined(value, nameof(WeibullKind));
    } = WeibullKind.Cdf;

    /// <summary>Levenberg–Marquardt iteration limit per start, 10 to 100,000; default 2,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 10 to 100,000.</exception>
    public int MaxIterations
    {
        get;
        init => field = Guard.InRange(value, 10, 100_000, nameof(MaxIterations));
    } = 2000;
}

/// <summary>One fitted parameter with its asymptotic standard error.</summary>
/// <param name="Name">Parameter name (beta, kappa, slope, alpha, lambda, adstockAlpha, weibullShape, weibullScale).</param>
/// <param name="Estimate">Least-squares estimate.</param>
/// <param name="StandardError">Asymptotic standard error √(s²·[(JᵀJ)⁻¹]_ii).</param>
/// <param name="LowerBound">Lower bound used in the fit.</param>
/// <param name="UpperBound">Upper bound used in the fit.</param>
public sealed record FittedParameter(string Name, double Estimate, double StandardError, double LowerBound, double UpperBound);

/// <summary>The result of a response-curve fit.</summary>
public sealed record ResponseCurveFit
{
    /// <summary>The fitted curve.</summary>
    public required IResponseCurve Curve { get; init; }

    /// <summary>The fitted adstock, or null for <see cref="AdstockKind.None"/>.</summary>
    public required IAdstock? Adstock { get; init; }

    /// <summary>Parameters with standard errors, curve parameters first.</summary>
    public required IReadOnlyList<FittedParameter> Parameters { get; init; }

    /// <summary>Fitted outcome per period.</summary>
    public required IReadOnlyList<double> Fitted { get; init; }

    /// <summary>Coefficient of determination 1 − SSR/SST.</summary>
    public required double RSquared { get; init; }

    /// <summary>Mean absolute percentage error as a fraction (0.05 = 5%), over periods with a non-zero outcome.</summary>
    public required double Mape { get; init; }

    /// <summary>Residual standard error √(SSR/(n − p)), outcome units.</summary>
    public required double ResidualStandardError { get; init; }
}

/// <summary>Fits response curves to spend/outcome histories (host-app face of <see cref="ResponseCurveFitter"/>).</summary>
public interface IResponseCurveFitter
{
    /// <summary>See <see cref="ResponseCurveFitter.Fit"/>.</summary>
    /// <param name="request">The history and the families to fit.</param>
    /// <param name="options">How to fit; null for the defaults.</param>
    /// <param name="progress">Receives the starting points finished; null for none.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, too few periods for the parameters, no spend at all, or no start converged.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    ResponseCurveFit Fit(ResponseFitRequest request, ResponseFitOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="IResponseCurveFitter"/> registered for host apps: forwards to <see cref="ResponseCurveFitter.Fit"/>.</summary>
internal sealed class ResponseCurveFitterService : IResponseCurveFitter
{
    public ResponseCurveFit Fit(ResponseFitRequest request, ResponseFitOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        ResponseCurveFitter.Fit(request, options, progress, cancellationToken);
}

/// <summary>
/// Fits y_t = f(adstock(x)_t) + ε_t by bounded nonlinear least squares with MathNet.Numerics'
/// <see cref="LevenbergMarquardtMinimizer"/> (its lower/upper bound arguments), from several starting points, keeping
/// the smallest residual sum of squares. Standard errors are the asymptotic ones, s²(JᵀJ)⁻¹, with J the Jacobian in
/// the original parameters by central differences at the optimum. Deterministic. Host apps use
/// <see cref="IResponseCurveFitter"/>.
/// </summary>
public static class ResponseCurveFitter
{
    /// <summary>The progress stage reported by <see cref="Fit"/>.</summary>
    internal const string Stage = "fitting";

    /// <summary>Fits a response curve (and optionally an adstock) to a spend/outcome history.</summary>
    /// <param name="request">The spend and outcome histories, the curve and the adstock families.</param>
    /// <param name="options">How to fit (adstock lags, Weibull kind, iterations); null for the defaults.</param>
    /// <param name="progress">Receives the starting points finished (Total = number of starts); null for none.</param>
    /// <param name="cancellationToken">Cancels the fit (checked at every model evaluation).</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, too few periods for the parameters, no spend at all, or no start converged.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static ResponseCurveFit Fit(ResponseFitRequest request, ResponseFitOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<double> spendHistory = request.SpendHistory, outcomeHistory = request.OutcomeHistory;
        options ??= new ResponseFitOptions();
        int n = spendHistory.Count;
        if (outcomeHistory.Count != n)
        {
            throw Guard.Invalid(nameof(request.OutcomeHistory), $"OutcomeHistory has {outcomeHistory.Count} periods but SpendHistory has {n}.");
        }

        var model = new Model(request.Curve, request.Adstock, options, [.. spendHistory], [.. outcomeHistory]);
        if (n < model.Count + 2)
        {
            throw Guard.Invalid(nameof(request.SpendHistory), $"At least {model.Count + 2} periods are needed to fit {model.Count} parameters; there are {n}.");
        }

        if (model.MaxSpend <= 0)
        {
            throw Guard.Invalid(nameof(request.SpendHistory), "SpendHistory has no positive spend: the curve cannot be identified.");
        }

        var x = Vector<double>.Build.Dense(n, i => i);
        var y = Vector<double>.Build.DenseOfArray(model.Y);
        var lower = Vector<double>.Build.DenseOfArray(model.Lower);
        var upper = Vector<double>.Build.DenseOfArray(model.Upper);
        var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: options.MaxIterations);
        var reporter = new ProgressReporter(progress, Stage, model.Starts.Length);
        double bestSsr = double.PositiveInfinity;
        double[] best = model.Starts[0];
        foreach (double[] start in model.Starts)
        {
            IObjectiveModel objective = ObjectiveFunction.NonlinearModel(
                (p, _) =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return Vector<double>.Build.DenseOfArray(model.Predict(p.AsArray() ?? p.ToArray()));
                },
                x,
                y);
            try
            {
                NonlinearMinimizationResult result = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(start), lower, upper);
                double[] p = result.MinimizingPoint.ToArray();
                double ssr = model.Ssr(p);
                if (ssr < bestSsr)
                {
                    bestSsr = ssr;
                    best = p;
                }
            }
            catch (Exception ex) when (ex is MaximumIterationsException or NonConvergenceException || (ex is ArgumentException && ex is not ArgumentOutOfRangeException))
            {
                // Another start may converge; the best converged one is kept. MathNet throws a bare ArgumentException
                // ("The parameters must be finite") when a step leaves the finite numbers: that start failed, not the input.
            }

            reporter.Advance();
        }

        if (!double.IsFinite(bestSsr))
        {
            throw Guard.Invalid(nameof(request.OutcomeHistory), "The fit did not converge from any starting point; check that outcome responds to spend.");
        }

        ResponseCurveFit fit = model.Describe(best, bestSsr);
        reporter.Complete();
        return fit;
    }

    private sealed class Model
    {
        private readonly ResponseCurveKind _curve;
        private readonly AdstockKind _adstock;
        private readonly ResponseFitOptions _options;
        private readonly double[] _spend;

        public Model(ResponseCurveKind curve, AdstockKind adstock, ResponseFitOptions options, double[] spend, double[] y)
        {
            _curve = curve;
            _adstock = adstock;
            _options = options;
            _spend = spend;
            Y = y;
            // Empty histories reach the length check in Fit (which names the parameter); do not throw here first.
            MaxSpend = spend.DefaultIfEmpty().Max();
            double maxY = Math.Max(y.DefaultIfEmpty().Max(), 1e-9);
            double x = Math.Max(MaxSpend, 1e-9);
            double median = spend.Where(s => s > 0).OrderBy(s => s).ElementAtOrDefault(spend.Count(s => s > 0) / 2);
            median = median > 0 ? median : x / 2;
            var names = new List<string>();
            var lo = new List<double>();
            var hi = new List<double>();
            var guesses = new List<double[]>();
            switch (curve)
            {
                case ResponseCurveKind.Hill:
                    names.AddRange(["beta", "kappa", "slope"]);
                    lo.AddRange([1e-9 * maxY, 1e-6 * x, 0.1]);
                    hi.AddRange([1e3 * maxY, 1e3 * x, 10]);
                    guesses.Add([1.5 * maxY, median, 1.0]);
                    guesses.Add([1.2 * maxY, median, 2.0]);
                    guesses.Add([3 * maxY, 2 * x, 1.5]);
                    break;
                case ResponseCurveKind.Logistic:
                    names.AddRange(["beta", "lambda"]);
                    lo.AddRange([1e-9 * maxY, 1e-6 / x]);
                    hi.AddRange([1e3 * maxY, 1e3 / x]);
                    guesses.Add([1.2 * maxY, 1 / median]);
                    guesses.Add([3 * maxY, 0.2 / x]);
                    break;
                default:
                    names.AddRange(["alpha", "lambda"]);
                    lo.AddRange([1e-9 * maxY, 1e-6 * x]);
                    hi.AddRange([1e3 * maxY, 1e3 * x]);
                    guesses.Add([1.5 * maxY, median]);
                    guesses.Add([4 * maxY, 3 * x]);
                    break;
            }

            var adstockGuesses = new List<double[]>();
            switch (adstock)
            {
                case AdstockKind.Geometric:
                    names.Add("adstockAlpha");
                    lo.Add(0);
                    hi.Add(0.999);
                    adstockGuesses.AddRange([[0.2], [0.6]]);
                    break;
                case AdstockKind.Weibull:
                    names.AddRange(["weibullShape", "weibullScale"]);
                    lo.AddRange([0.1, 0.1]);
                    hi.AddRange([10, 2.0 * options.MaxLag]);
                    adstockGuesses.AddRange([[1.0, 1.0], [2.0, options.MaxLag / 3.0]]);
                    break;
                default:
                    adstockGuesses.Add([]);
                    break;
            }

            // The search box stays inside the curves' declared ranges (NumericLimits), so every point the minimiser
            // tries builds a curve: ceilings in (0, MaxAmount], spend scales in [MinScale, MaxAmount], rates 1/scale.
            int scaleIndex = 1;
            for (int i = 0; i < (curve == ResponseCurveKind.Hill ? 3 : 2); i++)
            {
                (double min, double max) = i == 0 ? (NumericLimits.MinScale, NumericLimits.MaxAmount)
                    : i == scaleIndex && curve == ResponseCurveKind.Logistic ? (LogisticCurve.MinLambda, LogisticCurve.MaxLambda)
                    : i == scaleIndex ? (NumericLimits.MinScale, NumericLimits.MaxAmount)
                    : (double.Epsilon, NumericLimits.MaxHillSlope);
                lo[i] = Math.Clamp(lo[i], min, max);
                hi[i] = Math.Clamp(hi[i], lo[i], max);
                foreach (double[] g in guesses)
                {
                    g[i] = Math.Clamp(g[i], lo[i], hi[i]);
                }
            }

            Names = [.. names];
            Lower = [.. lo];
            Upper = [.. hi];
            Starts = [.. guesses.SelectMany(g => adstockGuesses.Select(a => (double[])[.. g, .. a]))];
        }

        public double[] Y { get; }

        public double MaxSpend { get; }

        public string[] Names { get; }

        public double[] Lower { get; }

        public double[] Upper { get; }

        public double[][] Starts { get; }

        public int Count => Names.Length;

        public (IResponseCurve Curve, Adstock? Adstock) Build(double[] p)
        {
            IResponseCurve curve = _curve switch
            {
                ResponseCurveKind.Hill => new HillCurve(p[0], p[1], p[2]),
                ResponseCurveKind.Logistic => new LogisticCurve(p[0], p[1]),
                _ => new MichaelisMentenCurve(p[0], p[1]),
            };
            int k = _curve == ResponseCurveKind.Hill ? 3 : 2;
            Adstock? adstock = _adstock switch
            {
                AdstockKind.Geometric => new GeometricAdstock(Math.Clamp(p[k], 0, 0.999), _options.MaxLag, _options.NormalizeAdstock),
                AdstockKind.Weibull => new WeibullAdstock(p[k], p[k + 1], _options.MaxLag, _options.WeibullKind, _options.NormalizeAdstock),
                _ => null,
            };
            return (curve, adstock);
        }

        public double[] Predict(double[] p)
        {
            // The minimiser keeps p inside the bounds; clamp guards the finite-difference steps at a bound.
            for (int i = 0; i < p.Length; i++)
            {
                p[i] = Math.Clamp(p[i], Lower[i], Upper[i]);
            }

            (IResponseCurve curve, Adstock? adstock) = Build(p);
            double[] effective = adstock is null ? _spend : Adstock.Convolve(_spend, adstock.WeightSpan);
            var result = new double[effective.Length];
            for (int t = 0; t < result.Length; t++)
            {
                result[t] = curve.Value(effective[t]);
            }

            return result;
        }

        public double Ssr(double[] p)
        {
            double[] f = Predict((double[])p.Clone());
            double ssr = 0;
            for (int t = 0; t < f.Length; t++)
            {
                ssr += (Y[t] - f[t]) * (Y[t] - f[t]);
            }

            return ssr;
        }

        public ResponseCurveFit Describe(double[] p, double ssr)
        {
            int n = Y.Length, k = p.Length;
            double[] fitted = Predict((double[])p.Clone());
            // Jacobian by central differences in the original parameters (one-sided at a bound).
            var jacobian = Matrix<double>.Build.Dense(n, k);
            for (int j = 0; j < k; j++)
            {
                double h = 1e-6 * Math.Max(Math.Abs(p[j]), 1e-3);
                double up = Math.Min(p[j] + h, Upper[j]), down = Math.Max(p[j] - h, Lower[j]);
                var pu = (double[])p.Clone();
                var pd = (double[])p.Clone();
                pu[j] = up;
                pd[j] = down;
                double[] fu = Predict(pu), fd = Predict(pd);
                for (int t = 0; t < n; t++)
                {
                    jacobian[t, j] = (fu[t] - fd[t]) / (up - down);
                }
            }

            double s2 = ssr / Math.Max(1, n - k);
            Matrix<double> jtj = jacobian.TransposeThisAndMultiply(jacobian);
            Matrix<double> covariance = jtj.Determinant() != 0 ? jtj.Inverse() * s2 : Matrix<double>.Build.Dense(k, k, double.PositiveInfinity);
            var parameters = new FittedParameter[k];
            for (int j = 0; j < k; j++)
            {
                double v = covariance[j, j];
                parameters[j] = new FittedParameter(Names[j], p[j], v >= 0 && double.IsFinite(v) ? Math.Sqrt(v) : double.PositiveInfinity, Lower[j], Upper[j]);
            }

            double mean = Y.Average();
            double sst = 0, ape = 0;
            int nonZero = 0;
            for (int t = 0; t < n; t++)
            {
                sst += (Y[t] - mean) * (Y[t] - mean);
                if (Y[t] != 0)
                {
                    ape += Math.Abs(Y[t] - fitted[t]) / Math.Abs(Y[t]);
                    nonZero++;
                }
            }

            (IResponseCurve curve, Adstock? adstock) = Build(p);
            return new ResponseCurveFit
            {
                Curve = curve,
                Adstock = adstock,
                Parameters = parameters,
                Fitted = fitted,
                RSquared = sst > 0 ? 1 - (ssr / sst) : 0,
                Mape = nonZero > 0 ? ape / nonZero : 0,
                ResidualStandardError = Math.Sqrt(s2),
            };
        }
    }
}
