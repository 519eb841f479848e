using InfluenceModel.Budgeting;
using InfluenceModel.Internal;

namespace InfluenceModel.Orleans;

/// <summary>
/// The reserve sweep over an Orleans cluster: the simulated years are split into index ranges run on the silos (year i
/// from the stream (seed, i), replayed at every grid share), and the annual values come back in year order, so the
/// curve (means, CVaR, their standard errors, the best share) is the one <see cref="ReserveOptimizer.Optimize"/> gives
/// on one machine, bit for bit.
/// </summary>
/// <remarks>The plan and the opportunity process are sent as data. A range whose silo stops or dies runs again on another silo. Thread-safe.</remarks>
public sealed class ClusterReserveOptimizer : IReserveOptimizer
{
    private readonly IGrainFactory _grains;
    private readonly (InfluenceClusterOptions Cluster, SimulationOptions Defaults) _options;

    /// <summary>Creates the façade over a connected cluster client.</summary>
    /// <param name="grains">The cluster client (an <c>IClusterClient</c>) or, inside a silo, its grain factory.</param>
    /// <param name="cluster">Partitions (chunks of years = 2 × partitions), silo threads and attempts; null for <see cref="InfluenceClusterOptions.Default"/>.</param>
    /// <param name="defaults">The options used when a call passes none; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is null.</exception>
    public ClusterReserveOptimizer(IGrainFactory grains, InfluenceClusterOptions? cluster = null, SimulationOptions? defaults = null)
    {
        _grains = grains ?? throw new ArgumentNullException(nameof(grains));
        _options = (cluster ?? InfluenceClusterOptions.Default, defaults ?? SimulationOptions.Default);
    }

    /// <summary>Ranges run again after a failure in the last completed call (0 when no silo failed); for diagnostics.</summary>
    public int LastRecoveries { get; private set; }

    /// <summary>Computes the objective against the reserve share on the cluster; see <see cref="ReserveOptimizer.Optimize"/>.</summary>
    /// <param name="request">The plan, the opportunity process, the grid, the objective and the hurdle rate.</param>
    /// <param name="options">Simulations per grid point and seed (the silos' threads come from <see cref="InfluenceClusterOptions.SiloParallelism"/>); null for the defaults given at construction.</param>
    /// <param name="progress">Receives ("simulating", years done, years) as ranges finish and once at the end; optional.</param>
    /// <param name="cancellationToken">Cancels the search: passed to every range, checked before every call.</param>
    /// <returns>The same curve as <see cref="ReserveOptimizer.Optimize"/> for the same request and options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The seasonality length differs from the plan's periods (ParamName "Opportunities").</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">No silo answers, or a range failed <see cref="InfluenceClusterOptions.MaxAttempts"/> times.</exception>
    public ReserveCurve Optimize(ReserveRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= _options.Defaults;

        // The same input check as on one machine, before anything is sent.
        _ = new PlanModel(request.Plan, request.Opportunities, request.Range.Minimum);
        var job = ReserveJob.From(request, options.Seed);
        int years = options.Simulations;
        var reporter = new ProgressReporter(progress, ReserveOptimizer.Stage, years);
        (double[][][] partials, int recoveries) = ClusterRanges.Run<IMonteCarloRangeGrain, double[][]>(
            _grains,
            _options.Cluster,
            "reserve",
            years,
            2 * Cluster.PartitionCount(_grains, _options.Cluster),
            (grain, first, count) => grain.SimulateReserve(job, first, count, _options.Cluster.SiloParallelism, cancellationToken),
            reporter,
            1,
            cancellationToken);
        LastRecoveries = recoveries;
        var values = new double[request.Points][];
        for (int g = 0; g < values.Length; g++)
        {
            values[g] = [.. partials.SelectMany(p => p[g])];
        }

        reporter.Complete();
        return ReserveOptimizer.Combine(request, values);
    }
}
