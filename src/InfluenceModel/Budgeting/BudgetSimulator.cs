using InfluenceModel.Internal;
using MathNet.Numerics.Statistics;

namespace InfluenceModel.Budgeting;

/// <summary>Evaluates budget policies over simulated years (host-app face of <see cref="BudgetSimulator"/>).</summary>
public interface IBudgetSimulator
{
    /// <summary>See <see cref="BudgetSimulator.Simulate"/>.</summary>
    /// <param name="request">The plan, the opportunities and the policy.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the host's defaults.</param>
    /// <param name="progress">Receives the simulated years; null for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    BudgetOutcome Simulate(BudgetSimulationRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>See <see cref="BudgetSimulator.Compare"/>.</summary>
    /// <param name="request">The plan, the opportunities and the policies; the first is the baseline.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the host's defaults.</param>
    /// <param name="progress">Receives the simulated years of all policies; null for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    BudgetComparison Compare(BudgetComparisonRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="IBudgetSimulator"/> registered for host apps: the façade with the host's default options.</summary>
/// <param name="defaults">The host's default simulation options (used when a call passes none).</param>
internal sealed class BudgetSimulatorService(SimulationOptions defaults) : IBudgetSimulator
{
    public BudgetOutcome Simulate(BudgetSimulationRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        BudgetSimulator.Simulate(request, options ?? defaults, progress, cancellationToken);

    public BudgetComparison Compare(BudgetComparisonRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        BudgetSimulator.Compare(request, options ?? defaults, progress, cancellationToken);
}

/// <summary>
/// Monte-Carlo evaluation of a <see cref="BudgetPlan"/> under a <see cref="BudgetPolicy"/> and an
/// <see cref="OpportunityProcess"/>, with common random numbers: the launch outcomes and opportunities of simulated
/// year i depend only on (seed, i), never on the policy, so policy differences are paired and have small variance.
/// Results are bit-identical at any degree of parallelism. Thread-safe. Host apps use <see cref="IBudgetSimulator"/>.
/// </summary>
/// <remarks>
/// Value of a year = Σ_c Σ_t m_c·f_c(t)·A(c,t) (committed money) + Σ_accepted C_i·V_i (opportunities) + value of money
/// moved to channels during the year; unspent flexible money earns nothing. See <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/budgeting.md">docs/models/budgeting.md</see>.
/// </remarks>
public static class BudgetSimulator
{
    /// <summary>The progress stage reported by <see cref="Simulate"/> and <see cref="Compare"/>.</summary>
    internal const string Stage = "simulating";

    /// <summary>Simulates the request's policy on its plan over <see cref="SimulationOptions.Simulations"/> years.</summary>
    /// <param name="request">The plan, the opportunity process and the policy.</param>
    /// <param name="options">Simulations, seed, parallelism; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <param name="progress">Receives the simulated years (Total = simulations); null for none.</param>
    /// <param name="cancellationToken">Cancels the run (checked at every simulated year).</param>
    /// <returns>The distribution of the annual value and the policy's statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static BudgetOutcome Simulate(BudgetSimulationRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= SimulationOptions.Default;
        var reporter = new ProgressReporter(progress, Stage, options.Simulations);
        var samples = SimulateYears(request.Plan, request.Opportunities, request.Policy, options, reporter, cancellationToken);
        reporter.Complete();
        return Summarise(request.Plan, request.Policy, samples);
    }

    /// <summary>
    /// Simulates every policy on the same years (common random numbers) and reports the paired differences against the
    /// first policy with their standard errors.
    /// </summary>
    /// <param name="request">The plan, the opportunity process and the policies; the first is the baseline.</param>
    /// <param name="options">Simulations, seed, parallelism; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <param name="progress">Receives the simulated years of all policies (Total = simulations × policies); null for none.</param>
    /// <param name="cancellationToken">Cancels the run (checked at every simulated year).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static BudgetComparison Compare(BudgetComparisonRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<BudgetPolicy> policies = request.Policies;
        options ??= SimulationOptions.Default;
        var reporter = new ProgressReporter(progress, Stage, (long)options.Simulations * policies.Count);
        Samples[] samples = SimulateYears(request, options.Seed, 0, options.Simulations, options.EffectiveParallelism, reporter, cancellationToken);
        reporter.Complete();
        return Combine(request, samples);
    }

    /// <summary>
    /// Simulates years [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of every policy of
    /// the request (year i from the stream (<paramref name="seed"/>, i) whatever the range), returning one sample set per
    /// policy with the years in index order. Ranges concatenated in index order (<see cref="Samples.Concat"/>) are the
    /// samples of their union, so ranges may run on different machines (InfluenceModel.Orleans) and
    /// <see cref="Combine"/> gives the single-machine comparison bit for bit.
    /// </summary>
    internal static Samples[] SimulateYears(BudgetComparisonRequest request, ulong seed, int first, int count, int parallelism, ProgressReporter? reporter, CancellationToken cancellationToken)
    {
        IReadOnlyList<BudgetPolicy> policies = request.Policies;
        var samples = new Samples[policies.Count];
        for (int k = 0; k < policies.Count; k++)
        {
            samples[k] = SimulateYears(request.Plan, request.Opportunities, policies[k], seed, first, count, parallelism, reporter, cancellationToken);
        }

        return samples;
    }

    /// <summary>The comparison from every policy's samples over all the years (see <see cref="SimulateYears(BudgetComparisonRequest, ulong, int, int, int, ProgressReporter?, CancellationToken)"/>).</summary>
    internal static BudgetComparison Combine(BudgetComparisonRequest request, IReadOnlyList<Samples> samples)
    {
        IReadOnlyList<BudgetPolicy> policies = request.Policies;
        var outcomes = new BudgetOutcome[policies.Count];
        for (int k = 0; k < policies.Count; k++)
        {
            outcomes[k] = Summarise(request.Plan, policies[k], samples[k]);
        }

        var differences = new PolicyDifference[policies.Count - 1];
        var diff = new double[samples[0].Value.Length];
        for (int k = 1; k < policies.Count; k++)
        {
            for (int i = 0; i < diff.Length; i++)
            {
                diff[i] = samples[k].Value[i] - samples[0].Value[i];
            }

            differences[k - 1] = new PolicyDifference
            {
                Policy = outcomes[k].Policy,
                Baseline = outcomes[0].Policy,
                Difference = MeanEstimate(diff),
            };
        }

        return new BudgetComparison { Outcomes = outcomes, Differences = differences };
    }

    /// <summary>Per-year samples of one policy, in year order: value, captured, unspent, regret.</summary>
    internal sealed record Samples(double[] Value, double[] Captured, double[] Unspent, double[] Regret)
    {
        /// <summary>The samples of consecutive year ranges, concatenated in the order given.</summary>
        public static Samples Concat(IReadOnlyList<Samples> parts)
        {
            static double[] Join(IReadOnlyList<Samples> parts, Func<Samples, double[]> column)
            {
                var all = new double[parts.Sum(p => column(p).Length)];
                int at = 0;
                foreach (Samples part in parts)
                {
                    column(part).CopyTo(all, at);
                    at += column(part).Length;
                }

                return all;
            }

            return new Samples(Join(parts, p => p.Value), Join(parts, p => p.Captured), Join(parts, p => p.Unspent), Join(parts, p => p.Regret));
        }
    }

    internal static Samples SimulateYears(BudgetPlan plan, OpportunityProcess process, BudgetPolicy policy, SimulationOptions options, ProgressReporter? reporter, CancellationToken cancellationToken) =>
        SimulateYears(plan, process, policy, options.Seed, 0, options.Simulations, options.EffectiveParallelism, reporter, cancellationToken);

    /// <summary>Simulates years [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of one policy, year i from the stream (<paramref name="seed"/>, i).</summary>
    internal static Samples SimulateYears(BudgetPlan plan, OpportunityProcess process, BudgetPolicy policy, ulong seed, int first, int count, int parallelism, ProgressReporter? reporter, CancellationToken cancellationToken)
    {
        var model = new PlanModel(plan, process, policy.EffectiveReserveShare(plan));
        var kernel = policy.CreateKernel(model, cancellationToken);
        int n = count;
        var samples = new Samples(new double[n], new double[n], new double[n], new double[n]);
        DeterministicParallel.For(
            n,
            parallelism,
            () => (Year: new YearScenario(model), Run: new YearRun(model)),
            (state, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    state.Year.Generate(model, seed, first + i);
                    state.Run.Run(kernel, state.Year);
                    samples.Value[i] = model.CommittedValue(state.Year.Failed) + state.Run.FlexibleValue;
                    samples.Captured[i] = state.Run.Captured;
                    samples.Unspent[i] = state.Run.Pool;
                    samples.Regret[i] = Math.Max(0, state.Run.ClairvoyantFlexibleValue() - state.Run.FlexibleValue);
                    reporter?.Advance();
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

    /// <summary>The mean of a sample with its standard error s/√n (MathNet's mean and variance, as before).</summary>
    internal static Estimate MeanEstimate(double[] values)
    {
        var (mean, sd) = MeanAndStandardDeviation(values);
        return new Estimate(mean, sd / Math.Sqrt(values.Length), values.Length);
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

    /// <summary>The outcome of one policy from its samples over all the years.</summary>
    internal static BudgetOutcome Summarise(BudgetPlan plan, BudgetPolicy policy, Samples samples)
    {
        string name = policy.Name;
        double reserveShare = policy.EffectiveReserveShare(plan);
        var (_, sd) = MeanAndStandardDeviation(samples.Value);
        double[] sorted = [.. samples.Value];
        Array.Sort(sorted);
        return new BudgetOutcome
        {
            Policy = name,
            ReserveShare = reserveShare,
            Value = MeanEstimate(samples.Value),
            StandardDeviation = sd,
            P5 = SortedArrayStatistics.Quantile(sorted, 0.05),
            P50 = SortedArrayStatistics.Quantile(sorted, 0.5),
            P95 = SortedArrayStatistics.Quantile(sorted, 0.95),
            ConditionalValueAtRisk5 = LowerTailMean(sorted, 0.05),
            OpportunitiesCaptured = MeanEstimate(samples.Captured),
            UnspentAtYearEnd = MeanEstimate(samples.Unspent),
            RegretVsClairvoyant = MeanEstimate(samples.Regret),
        };
    }
}
