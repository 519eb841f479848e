using InfluenceModel.Internal;
using MathNet.Numerics.Statistics;

namespace InfluenceModel.Budgeting;

/// <summary>Evaluates budget policies over simulated years (see <see cref="BudgetSimulator"/>).</summary>
public interface IBudgetSimulator
{
    /// <summary>Simulates <paramref name="policy"/> on <paramref name="plan"/>; see <see cref="BudgetSimulator.Run"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="process">The opportunity process.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the host's defaults.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The outcome.</returns>
    BudgetOutcome Run(BudgetPlan plan, OpportunityProcess process, BudgetPolicy policy, SimulationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Simulates several policies on the same years; see <see cref="BudgetSimulator.Compare"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="process">The opportunity process.</param>
    /// <param name="policies">The policies; the first is the baseline of the paired differences.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the host's defaults.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The comparison.</returns>
    BudgetComparison Compare(BudgetPlan plan, OpportunityProcess process, IReadOnlyList<BudgetPolicy> policies, SimulationOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Monte-Carlo evaluation of a <see cref="BudgetPlan"/> under a <see cref="BudgetPolicy"/> and an
/// <see cref="OpportunityProcess"/>, with common random numbers: the launch outcomes and opportunities of simulated
/// year i depend only on (seed, i), never on the policy, so policy differences are paired and have small variance.
/// Results are bit-identical at any degree of parallelism. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Value of a year = Σ_c Σ_t m_c·f_c(t)·A(c,t) (committed money) + Σ_accepted C_i·V_i (opportunities) + value of money
/// moved to channels during the year; unspent flexible money earns nothing. See docs/models/budgeting.md.
/// </remarks>
public sealed class BudgetSimulator : IBudgetSimulator
{
    private readonly SimulationOptions _defaults;

    /// <summary>A simulator whose default options are <see cref="SimulationOptions.Default"/>.</summary>
    public BudgetSimulator() => _defaults = SimulationOptions.Default;

    /// <summary>A simulator whose default options are the host's (given by the dependency-injection layer as plain options).</summary>
    /// <param name="defaults">The options used when a call passes none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="defaults"/> is null.</exception>
    public BudgetSimulator(SimulationOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        _defaults = defaults;
    }

    /// <summary>Simulates <paramref name="policy"/> on <paramref name="plan"/> over <see cref="SimulationOptions.Simulations"/> years.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="process">The opportunity process (its seasonality must have one multiplier per plan period).</param>
    /// <param name="policy">The policy.</param>
    /// <param name="options">Simulations, seed, parallelism; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The distribution of the annual value and the policy's statistics.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static BudgetOutcome Run(BudgetPlan plan, OpportunityProcess process, BudgetPolicy policy, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var samples = Simulate(plan, process, policy, options ?? SimulationOptions.Default, cancellationToken);
        return Summarise(policy.Name, policy.EffectiveReserveShare(plan), samples);
    }

    /// <summary>
    /// Simulates every policy on the same years (common random numbers) and reports the paired differences against the
    /// first policy with their standard errors.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="process">The opportunity process.</param>
    /// <param name="policies">At least one policy; the first is the baseline.</param>
    /// <param name="options">Simulations, seed, parallelism; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument or a policy is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="policies"/> is empty, or the seasonality length differs from the plan's periods.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static BudgetComparison Compare(BudgetPlan plan, OpportunityProcess process, IReadOnlyList<BudgetPolicy> policies, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (policies.Count == 0)
        {
            throw new ArgumentException("Compare needs at least one policy.", nameof(policies));
        }

        options ??= SimulationOptions.Default;
        var outcomes = new BudgetOutcome[policies.Count];
        var values = new double[policies.Count][];
        for (int k = 0; k < policies.Count; k++)
        {
            var policy = policies[k] ?? throw new ArgumentNullException(nameof(policies), $"policies[{k}] is null.");
            var samples = Simulate(plan, process, policy, options, cancellationToken);
            values[k] = samples.Value;
            outcomes[k] = Summarise(policy.Name, policy.EffectiveReserveShare(plan), samples);
        }

        var differences = new PolicyDifference[policies.Count - 1];
        var diff = new double[options.Simulations];
        for (int k = 1; k < policies.Count; k++)
        {
            for (int i = 0; i < diff.Length; i++)
            {
                diff[i] = values[k][i] - values[0][i];
            }

            var (mean, sd) = MeanAndStandardDeviation(diff);
            double se = sd / Math.Sqrt(diff.Length);
            differences[k - 1] = new PolicyDifference
            {
                Policy = outcomes[k].Policy,
                Baseline = outcomes[0].Policy,
                MeanDifference = mean,
                StandardError = se,
                Interval = ConfidenceInterval.Normal95(mean, se),
            };
        }

        return new BudgetComparison { Outcomes = outcomes, Differences = differences };
    }

    BudgetOutcome IBudgetSimulator.Run(BudgetPlan plan, OpportunityProcess process, BudgetPolicy policy, SimulationOptions? options, CancellationToken cancellationToken) =>
        Run(plan, process, policy, options ?? _defaults, cancellationToken);

    BudgetComparison IBudgetSimulator.Compare(BudgetPlan plan, OpportunityProcess process, IReadOnlyList<BudgetPolicy> policies, SimulationOptions? options, CancellationToken cancellationToken) =>
        Compare(plan, process, policies, options ?? _defaults, cancellationToken);

    /// <summary>Per-year samples of one policy: value, captured, unspent, regret.</summary>
    internal sealed record Samples(double[] Value, double[] Captured, double[] Unspent, double[] Regret);

    internal static Samples Simulate(BudgetPlan plan, OpportunityProcess process, BudgetPolicy policy, SimulationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var model = new PlanModel(plan, process, policy.EffectiveReserveShare(plan));
        var kernel = policy.CreateKernel(model, cancellationToken);
        int n = options.Simulations;
        var samples = new Samples(new double[n], new double[n], new double[n], new double[n]);
        DeterministicParallel.For(
            n,
            options.EffectiveParallelism,
            () => (Year: new YearScenario(model), Run: new YearRun(model)),
            (state, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    if ((i & 1023) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    state.Year.Generate(model, options.Seed, i);
                    state.Run.Run(kernel, state.Year);
                    samples.Value[i] = model.CommittedValue(state.Year.Failed) + state.Run.FlexibleValue;
                    samples.Captured[i] = state.Run.Captured;
                    samples.Unspent[i] = state.Run.Pool;
                    samples.Regret[i] = Math.Max(0, state.Run.ClairvoyantFlexibleValue() - state.Run.FlexibleValue);
                }
            },
            cancellationToken);
        return samples;
    }

    internal static (double Mean, double StandardDeviation) MeanAndStandardDeviation(double[] values)
    {
        var (mean, variance) = values.MeanVariance();
        return (mean, values.Length > 1 ? Math.Sqrt(Math.Max(0, variance)) : 0);
    }

    /// <summary>Mean of the worst ⌈α·n⌉ values of an ascending-sorted sample.</summary>
    internal static double LowerTailMean(double[] sorted, double alpha)
    {
        int k = Math.Max(1, (int)Math.Ceiling(alpha * sorted.Length));
        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            sum += sorted[i];
        }

        return sum / k;
    }

    private static BudgetOutcome Summarise(string name, double reserveShare, Samples samples)
    {
        var (mean, sd) = MeanAndStandardDeviation(samples.Value);
        double se = sd / Math.Sqrt(samples.Value.Length);
        double[] sorted = [.. samples.Value];
        Array.Sort(sorted);
        return new BudgetOutcome
        {
            Policy = name,
            ReserveShare = reserveShare,
            Simulations = sorted.Length,
            Mean = mean,
            StandardError = se,
            Interval = ConfidenceInterval.Normal95(mean, se),
            StandardDeviation = sd,
            P5 = SortedArrayStatistics.Quantile(sorted, 0.05),
            P50 = SortedArrayStatistics.Quantile(sorted, 0.5),
            P95 = SortedArrayStatistics.Quantile(sorted, 0.95),
            ConditionalValueAtRisk5 = LowerTailMean(sorted, 0.05),
            OpportunitiesCaptured = samples.Captured.Mean(),
            UnspentAtYearEnd = samples.Unspent.Mean(),
            RegretVsClairvoyant = samples.Regret.Mean(),
        };
    }
}
