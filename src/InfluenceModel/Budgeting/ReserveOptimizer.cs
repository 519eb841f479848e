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

/// <summary>The reserve-share search: a grid over <see cref="Range"/> evaluated with <see cref="ReservePolicy"/>. Immutable.</summary>
public sealed record ReserveSearch
{
    private readonly int _points = 21;
    private readonly double _hurdleRate;

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
        init => _hurdleRate = Guard.NonNegative(value, nameof(HurdleRate));
    }
}

/// <summary>One grid point of a <see cref="ReserveCurve"/>.</summary>
public sealed record ReservePoint
{
    /// <summary>The reserve share.</summary>
    public required double ReserveShare { get; init; }

    /// <summary>Mean annual value (KPI units).</summary>
    public required double Mean { get; init; }

    /// <summary>Conditional value at risk at 5% (mean of the worst 5% of years).</summary>
    public required double ConditionalValueAtRisk5 { get; init; }

    /// <summary>The objective's value at this share (the mean or the CVaR).</summary>
    public required double Objective { get; init; }

    /// <summary>Standard error of <see cref="Objective"/>.</summary>
    public required double StandardError { get; init; }

    /// <summary>95% confidence band of <see cref="Objective"/>.</summary>
    public required ConfidenceInterval Interval { get; init; }
}

/// <summary>The objective against the reserve share, and the best share on the grid.</summary>
public sealed record ReserveCurve
{
    /// <summary>The objective maximised.</summary>
    public required ReserveObjective Objective { get; init; }

    /// <summary>The grid points in ascending reserve share.</summary>
    public required IReadOnlyList<ReservePoint> Points { get; init; }

    /// <summary>The grid share with the highest objective (the lowest such share on ties).</summary>
    public required double BestShare { get; init; }

    /// <summary>The objective at <see cref="BestShare"/>.</summary>
    public required double BestValue { get; init; }

    /// <summary>Simulated years per grid point (the same years at every point).</summary>
    public required int Simulations { get; init; }
}

/// <summary>Finds the reserve share that maximises expected value or CVaR (see <see cref="ReserveOptimizer"/>).</summary>
public interface IReserveOptimizer
{
    /// <summary>See <see cref="ReserveOptimizer.Optimize"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="process">The opportunity process.</param>
    /// <param name="search">The search grid and objective.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the host's defaults.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The curve.</returns>
    ReserveCurve Optimize(BudgetPlan plan, OpportunityProcess process, ReserveSearch search, SimulationOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Evaluates <see cref="ReservePolicy"/> at every share of a grid on the same simulated years (common random numbers:
/// each year is drawn once and replayed at every share, so the curve is smooth and its differences are paired) and
/// returns the objective with 95% confidence bands and the best share. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Band of the mean: ±1.96·s/√n. Band of CVaR₅: ±1.96·sd(min(X − q̂, 0))/(0.05·√n), q̂ the 5% quantile
/// (the asymptotic variance of the CVaR estimator; Trindade et al. 2007).
/// </remarks>
public sealed class ReserveOptimizer : IReserveOptimizer
{
    private const double Alpha = 0.05;
    private readonly SimulationOptions _defaults;

    /// <summary>An optimizer whose default options are <see cref="SimulationOptions.Default"/>.</summary>
    public ReserveOptimizer() => _defaults = SimulationOptions.Default;

    /// <summary>A optimizer whose default options are the host's (given by the dependency-injection layer as plain options).</summary>
    /// <param name="defaults">The options used when a call passes none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="defaults"/> is null.</exception>
    public ReserveOptimizer(SimulationOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        _defaults = defaults;
    }

    /// <summary>Computes the objective against the reserve share over the search grid.</summary>
    /// <param name="plan">The plan (its reserve share is replaced by each grid share).</param>
    /// <param name="process">The opportunity process.</param>
    /// <param name="search">The grid, the objective and the hurdle rate.</param>
    /// <param name="options">Simulations per grid point, seed, parallelism; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The curve with confidence bands and the best share.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static ReserveCurve Optimize(BudgetPlan plan, OpportunityProcess process, ReserveSearch search, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(search);
        options ??= SimulationOptions.Default;
        int k = search.Points, n = options.Simulations;
        var shares = new double[k];
        var models = new PlanModel[k];
        var kernels = new PolicyKernel[k];
        var values = new double[k][];
        for (int g = 0; g < k; g++)
        {
            shares[g] = search.Range.Minimum + ((search.Range.Maximum - search.Range.Minimum) * g / (k - 1));
            models[g] = new PlanModel(plan, process, shares[g]);
            kernels[g] = new ReservePolicy(shares[g], search.HurdleRate).CreateKernel(models[g], cancellationToken);
            values[g] = new double[n];
        }

        DeterministicParallel.For(
            n,
            options.EffectiveParallelism,
            () => (Year: new YearScenario(models[0]), Runs: Array.ConvertAll(models, m => new YearRun(m))),
            (state, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    if ((i & 1023) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    state.Year.Generate(models[0], options.Seed, i);
                    for (int g = 0; g < k; g++)
                    {
                        state.Runs[g].Run(kernels[g], state.Year);
                        values[g][i] = models[g].CommittedValue(state.Year.Failed) + state.Runs[g].FlexibleValue;
                    }
                }
            },
            cancellationToken);

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
            double meanSe = sd / Math.Sqrt(n);
            bool useMean = search.Objective == ReserveObjective.Mean;
            double objective = useMean ? mean : cvar;
            double se = useMean ? meanSe : cvarSe;
            points[g] = new ReservePoint
            {
                ReserveShare = shares[g],
                Mean = mean,
                ConditionalValueAtRisk5 = cvar,
                Objective = objective,
                StandardError = se,
                Interval = ConfidenceInterval.Normal95(objective, se),
            };
            if (objective > points[best].Objective)
            {
                best = g;
            }
        }

        return new ReserveCurve
        {
            Objective = search.Objective,
            Points = points,
            BestShare = points[best].ReserveShare,
            BestValue = points[best].Objective,
            Simulations = n,
        };
    }

    ReserveCurve IReserveOptimizer.Optimize(BudgetPlan plan, OpportunityProcess process, ReserveSearch search, SimulationOptions? options, CancellationToken cancellationToken) =>
        Optimize(plan, process, search, options ?? _defaults, cancellationToken);
}
