using InfluenceModel.Budgeting;
using InfluenceModel.Internal;

namespace InfluenceModel.Orleans;

/// <summary>
/// Budget-year simulation over an Orleans cluster: the simulated years are split into index ranges run on the silos
/// (year i always from the stream (seed, i), whatever silo runs it), and the per-year values come back in year order,
/// so outcomes and comparisons (means, standard errors, quantiles, CVaR, paired differences) are those of
/// <see cref="BudgetSimulator"/> on one machine, bit for bit. Every library policy runs on the cluster.
/// </summary>
/// <remarks>
/// The plan, the opportunity process and the policies are sent as data (no file or code is needed on the silos). A
/// range whose silo stops or dies runs again on another silo. Thread-safe.
/// </remarks>
public sealed class ClusterBudgetSimulator : IBudgetSimulator
{
    private readonly IGrainFactory _grains;
    private readonly (InfluenceClusterOptions Cluster, SimulationOptions Defaults) _options;

    /// <summary>Creates the façade over a connected cluster client.</summary>
    /// <param name="grains">The cluster client (an <c>IClusterClient</c>) or, inside a silo, its grain factory.</param>
    /// <param name="cluster">Partitions (chunks of years = 2 × partitions), silo threads and attempts; null for <see cref="InfluenceClusterOptions.Default"/>.</param>
    /// <param name="defaults">The options used when a call passes none; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is null.</exception>
    public ClusterBudgetSimulator(IGrainFactory grains, InfluenceClusterOptions? cluster = null, SimulationOptions? defaults = null)
    {
        _grains = grains ?? throw new ArgumentNullException(nameof(grains));
        _options = (cluster ?? InfluenceClusterOptions.Default, defaults ?? SimulationOptions.Default);
    }

    /// <summary>Ranges run again after a failure in the last completed call (0 when no silo failed); for diagnostics.</summary>
    public int LastRecoveries { get; private set; }

    /// <summary>Simulates the request's policy on the cluster; see <see cref="BudgetSimulator.Simulate"/>.</summary>
    /// <param name="request">The plan, the opportunity process and one of the library's policies.</param>
    /// <param name="options">Simulations and seed (the silos' threads come from <see cref="InfluenceClusterOptions.SiloParallelism"/>); null for the defaults given at construction.</param>
    /// <param name="progress">Receives ("simulating", years done, years) as ranges finish and once at the end; optional.</param>
    /// <param name="cancellationToken">Cancels the run: passed to every range, checked before every call.</param>
    /// <returns>The same outcome as <see cref="BudgetSimulator.Simulate"/> for the same request and options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods (ParamName "Opportunities"); the policy is not one of the library's (ParamName "request.Policy").</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">No silo answers, or a range failed <see cref="InfluenceClusterOptions.MaxAttempts"/> times.</exception>
    public BudgetOutcome Simulate(BudgetSimulationRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var comparison = new BudgetComparisonRequest { Plan = request.Plan, Opportunities = request.Opportunities, Policies = [request.Policy] };
        options ??= _options.Defaults;
        BudgetSimulator.Samples[] samples = Run(comparison, "request." + nameof(request.Policy), options, progress, cancellationToken);
        return BudgetSimulator.Summarise(request.Plan, request.Policy, samples[0]);
    }

    /// <summary>Simulates every policy on the same years on the cluster; see <see cref="BudgetSimulator.Compare"/>.</summary>
    /// <param name="request">The plan, the opportunity process and the library's policies; the first is the baseline.</param>
    /// <param name="options">Simulations and seed; null for the defaults given at construction.</param>
    /// <param name="progress">Receives ("simulating", years done × policies, years × policies) as ranges finish and once at the end; optional.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The same comparison as <see cref="BudgetSimulator.Compare"/> for the same request and options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods (ParamName "Opportunities"); a policy is not one of the library's (ParamName "request.Policies").</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">No silo answers, or a range failed <see cref="InfluenceClusterOptions.MaxAttempts"/> times.</exception>
    public BudgetComparison Compare(BudgetComparisonRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= _options.Defaults;
        BudgetSimulator.Samples[] samples = Run(request, "request." + nameof(request.Policies), options, progress, cancellationToken);
        return BudgetSimulator.Combine(request, samples);
    }

    private BudgetSimulator.Samples[] Run(BudgetComparisonRequest request, string policiesName, SimulationOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        // The same input checks as on one machine, before anything is sent.
        foreach (BudgetPolicy policy in request.Policies)
        {
            _ = new PlanModel(request.Plan, request.Opportunities, policy.EffectiveReserveShare(request.Plan));
        }

        var job = new BudgetJob(PlanWire.From(request.Plan), OpportunityWire.From(request.Opportunities), [.. request.Policies.Select(p => PolicyWire.From(p, policiesName))], options.Seed);
        int policies = request.Policies.Count, years = options.Simulations;
        var reporter = new ProgressReporter(progress, BudgetSimulator.Stage, (long)years * policies);
        int chunks = 2 * Cluster.PartitionCount(_grains, _options.Cluster);
        (YearsPartial[][] partials, int recoveries) = ClusterRanges.Run<IMonteCarloRangeGrain, YearsPartial[]>(
            _grains,
            _options.Cluster,
            "years",
            years,
            chunks,
            (grain, first, count) => grain.SimulateYears(job, first, count, _options.Cluster.SiloParallelism, cancellationToken),
            reporter,
            policies,
            cancellationToken);
        LastRecoveries = recoveries;
        var samples = new BudgetSimulator.Samples[policies];
        for (int k = 0; k < policies; k++)
        {
            samples[k] = BudgetSimulator.Samples.Concat([.. partials.Select(p => p[k].ToSamples())]);
        }

        reporter.Complete();
        return samples;
    }
}
