using InfluenceModel.Internal;

namespace InfluenceModel.Budgeting;

/// <summary>What the reserve search maximises.</summary>
public enum ReserveObjective
{
    /// <summary>The expected annual value.</summary>
    Mean,

    /// <summary>The conditional value at risk at 5%: the mean value of the worst 5% of years (risk-averse).</summary>
    ConditionalValueAtRisk,
}

/// <summary>A closed range [<see cref="Minimum"/>, <see cref="Maximum"/>] of reserve shares within [0, 1].</summary>
public readonly record struct ReserveRange
{
    /// <summary>Creates the range.</summary>
    /// <param name="minimum">Lowest share, in [0, 1].</param>
    /// <param name="maximum">Highest share, in [<paramref name="minimum"/>, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside [0, 1] or NaN, or maximum &lt; minimum.</exception>
    public ReserveRange(double minimum, double maximum)
    {
        Minimum = Guard.Probability(minimum);
        Maximum = Guard.InRange(maximum, minimum, 1.0);
    }

    /// <summary>Lowest reserve share searched.</summary>
    public double Minimum { get; }

    /// <summary>Highest reserve share searched.</summary>
    public double Maximum { get; }
}

/// <summary>
/// What <see cref="ReserveOptimizer.Optimize"/> searches: the plan, the opportunities, and a grid of reserve shares over
/// <see cref="Range"/> evaluated with <see cref="ReservePolicy"/>. Immutable; each property validated when set.
/// </summary>
public sealed record ReserveRequest
{
    private readonly int _points = 21;
    private readonly double _hurdleRate;

    /// <summary>The plan (its reserve share is replaced by each grid share).</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public required BudgetPlan Plan
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Plan));
    }

    /// <summary>The opportunity process (its seasonality, if any, must have one multiplier per plan period).</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public required OpportunityProcess Opportunities
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Opportunities));
    }

    /// <summary>Reserve shares searched; default [0, 0.5].</summary>
    public ReserveRange Range { get; init; } = new(0, 0.5);

    /// <summary>The objective maximised; default <see cref="ReserveObjective.Mean"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ReserveObjective"/>.</exception>
    public ReserveObjective Objective
    {
        get;
        init => field = Guard.Defined(value, nameof(Objective));
    } = ReserveObjective.Mean;

    /// <summary>Number of equally spaced grid points, 2 to 1,001 (default 21).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 2 to 1,001.</exception>
    public int Points
    {
        get => _points;
        init => _points = Guard.InRange(value, 2, 1001, nameof(Points));
    }

    /// <summary>The hurdle rate h ≥ 0 of the <see cref="ReservePolicy"/> evaluated at every share (default 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public double HurdleRate
    {
        get => _hurdleRate;
        init => _hurdleRate = Guard.Rate(value, nameof(HurdleRate));
    }
}

/// <summary>One grid point of a <see cref="ReserveCurve"/>.</summary>
public sealed record ReservePoint
{
    /// <summary>The reserve share.</summary>
    public required double ReserveShare { get; init; }

    /// <summary>Mean annual value (KPI units) with its standard error s/√n.</summary>
    public required Estimate Mean { get; init; }

    /// <summary>
    /// Conditional value at risk at 5% (mean of the worst 5% of years) with its asymptotic standard error
    /// sd(min(X − q̂, 0))/(0.05·√n) (Trindade et al. 2007).
    /// </summary>
    public required Estimate ConditionalValueAtRisk5 { get; init; }

    /// <summary>The objective's value at this share: <see cref="Mean"/> or <see cref="ConditionalValueAtRisk5"/>.</summary>
    public required Estimate Objective { get; init; }
}

/// <summary>The objective against the reserve share, and the best share on the grid.</summary>
public sealed record ReserveCurve
{
    /// <summary>The objective maximised.</summary>
    public required ReserveObjective Objective { get; init; }

    /// <summary>The grid points in ascending reserve share.</summary>
    public required IReadOnlyList<ReservePoint> Points { get; init; }

    /// <summary>The grid share with the highest objective mean (the lowest such share on ties).</summary>
    public required double BestShare { get; init; }

    /// <summary>The objective at <see cref="BestShare"/>.</summary>
    public required Estimate BestValue { get; init; }

    /// <summary>Simulated years per grid point (the same years at every point).</summary>
    public required int Simulations { get; init; }
}

/// <summary>Finds the reserve share that maximises expected value or CVaR (host-app face of <see cref="ReserveOptimizer"/>).</summary>
public interface IReserveOptimizer
{
    /// <summary>See <see cref="ReserveOptimizer.Optimize"/>.</summary>
    /// <param name="request">The plan, the opportunities, the grid and the objective.</param>
    /// <param name="options">Simulations per grid point, seed, parallelism; null for the host's defaults.</param>
    /// <param name="progress">Receives the simulated years; null for none.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    ReserveCurve Optimize(ReserveRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="IReserveOptimizer"/> registered for host apps: the façade with the host's default options.</summary>
/// <param name="defaults">The host's default simulation options (used when a call passes none).</param>
internal sealed class ReserveOptimizerService(SimulationOptions defaults) : IReserveOptimizer
{
    public ReserveCurve Optimize(ReserveRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        ReserveOptimizer.Optimize(request, options ?? defaults, progress, cancellationToken);
}

/// <summary>
/// Evaluates <see cref="ReservePolicy"/> at every share of a grid on the same simulated years (common random numbers:
/// each year is drawn once and replayed at every share, so the curve is smooth and its differences are paired) and
/// returns the objective with 95% confidence bands and the best share. Thread-safe. Host apps use
/// <see cref="IReserveOptimizer"/>.
/// </summary>
/// <remarks>
/// Standard error of the mean: s/√n. Of CVaR₅: sd(min(X − q̂, 0))/(0.05·√n), q̂ the 5% quantile (the asymptotic
/// variance of the CVaR estimator; Trindade et al. 2007).
/// </remarks>
public static class ReserveOptimizer
{
    /// <summary>The progress stage reported by <see cref="Optimize"/>.</summary>
    internal const string Stage = "simulating";

    private const double Alpha = 0.05;

    /// <summary>Computes the objective against the reserve share over the request's grid.</summary>
    /// <param name="request">The plan, the opportunity process, the grid, the objective and the hurdle rate.</param>
    /// <param name="options">Simulations per grid point, seed, parallelism; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <param name="progress">Receives the simulated years (Total = simulations; each year is replayed at every grid share); null for none.</param>
    /// <param name="cancellationToken">Cancels the search (checked at every simulated year).</param>
    /// <returns>The curve with standard errors and the best share.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static ReserveCurve Optimize(ReserveRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= SimulationOptions.Default;
        var reporter = new ProgressReporter(progress, Stage, options.Simulations);
        double[][] values = Simulate(request, options.Seed, 0, options.Simulations, options.EffectiveParallelism, reporter, cancellationToken);
        reporter.Complete();
        return Combine(request, values);
    }

    /// <summary>The reserve shares of the request's grid, in ascending order.</summary>
    internal static double[] Shares(ReserveRequest request)
    {
        var shares = new double[request.Points];
        for (int g = 0; g < shares.Length; g++)
        {
            shares[g] = request.Range.Minimum + ((request.Range.Maximum - request.Range.Minimum) * g / (shares.Length - 1));
        }

        return shares;
    }

    /// <summary>
    /// Simulates years [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) (year i from the
    /// stream (<paramref name="seed"/>, i)) at every grid share; returns the annual values per grid point, years in index
    /// order. Ranges concatenated in index order are the values of their union, so ranges may run on different machines
    /// (InfluenceModel.Orleans) and <see cref="Combine"/> gives the single-machine curve bit for bit.
    /// </summary>
    internal static double[][] Simulate(ReserveRequest request, ulong seed, int first, int count, int parallelism, ProgressReporter? reporter, CancellationToken cancellationToken)
    {
        BudgetPlan plan = request.Plan;
        OpportunityProcess process = request.Opportunities;
        int k = request.Points, n = count;
        double[] shares = Shares(request);
        var models = new PlanModel[k];
        var kernels = new PolicyKernel[k];
        var values = new double[k][];
        for (int g = 0; g < k; g++)
        {
            models[g] = new PlanModel(plan, process, shares[g]);
            kernels[g] = new ReservePolicy(shares[g], request.HurdleRate).CreateKernel(models[g], cancellationToken);
            values[g] = new double[n];
        }

        DeterministicParallel.For(
            n,
            parallelism,
            () => (Year: new YearScenario(models[0]), Runs: Array.ConvertAll(models, m => new YearRun(m))),
            (state, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    state.Year.Generate(models[0], seed, first + i);
                    for (int g = 0; g < k; g++)
                    {
                        state.Runs[g].Run(kernels[g], state.Year);
                        values[g][i] = models[g].CommittedValue(state.Year.Failed) + state.Runs[g].FlexibleValue;
                    }

                    reporter?.Advance();
                }
            },
            cancellationToken);
        return values;
    }

    /// <summary>The curve from the annual values of all the years at every grid point (see <see cref="Simulate"/>); sorts <paramref name="values"/> in place.</summary>
    internal static ReserveCurve Combine(ReserveRequest request, double[][] values)
    {
        int k = request.Points, n = values[0].Length;
        double[] shares = Shares(request);
        var points = new ReservePoint[k];
        int best = 0;
        for (int g = 0; g < k; g++)
        {
            var (mean, sd) = BudgetSimulator.MeanAndStandardDeviation(values[g]);
            double[] sorted = values[g];
            Array.Sort(sorted);
            double cvar = BudgetSimulator.LowerTailMean(sorted, Alpha);
            double q = sorted[Math.Max(1, (int)Math.Ceiling(Alpha * n)) - 1];
            for (int i = 0; i < n; i++)
            {
                sorted[i] = Math.Min(sorted[i] - q, 0);
            }

            double cvarSe = BudgetSimulator.MeanAndStandardDeviation(sorted).StandardDeviation / (Alpha * Math.Sqrt(n));
            var meanEstimate = new Estimate(mean, sd / Math.Sqrt(n), n);
            var cvarEstimate = new Estimate(cvar, cvarSe, n);
            points[g] = new ReservePoint
            {
                ReserveShare = shares[g],
                Mean = meanEstimate,
                ConditionalValueAtRisk5 = cvarEstimate,
                Objective = request.Objective == ReserveObjective.Mean ? meanEstimate : cvarEstimate,
            };
            if (points[g].Objective.Mean > points[best].Objective.Mean)
            {
                best = g;
            }
        }

        return new ReserveCurve
        {
            Objective = request.Objective,
            Points = points,
            BestShare = points[best].ReserveShare,
            BestValue = points[best].Objective,
            Simulations = n,
        };
    }
}
