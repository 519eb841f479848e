using InfluenceModel.Diffusion;
using InfluenceModel.Internal;
using Orleans.Runtime;

namespace InfluenceModel.Orleans;

/// <summary>
/// Monte-Carlo spread estimation over an Orleans cluster: the simulations are split into index ranges run on the silos
/// (simulation i always on the stream (seed, i)), and their exact integer sums are added, so the estimate (mean,
/// standard error, activation probabilities) is the one <see cref="SpreadEstimator.Estimate"/> gives on one machine,
/// bit for bit. Independent cascade and linear threshold; the Kelman model is refused.
/// </summary>
/// <remarks>A range whose silo stops or dies is run again on another silo. Thread-safe.</remarks>
public sealed class ClusterSpreadEstimator : ISpreadEstimator
{
    private readonly IGrainFactory _grains;
    private readonly ClusterGraph _graph;
    private readonly (InfluenceClusterOptions Cluster, SimulationOptions Defaults) _options;

    /// <summary>Creates the façade over a connected cluster client.</summary>
    /// <param name="grains">The cluster client (an <c>IClusterClient</c>) or, inside a silo, its grain factory.</param>
    /// <param name="graph">Where the silos find the graph; it must be the graph of every request.</param>
    /// <param name="cluster">Partitions (chunks = 2 × partitions), silo threads and attempts; null for <see cref="InfluenceClusterOptions.Default"/>.</param>
    /// <param name="defaults">The options used when a call passes none; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> or <paramref name="graph"/> is null.</exception>
    public ClusterSpreadEstimator(IGrainFactory grains, ClusterGraph graph, InfluenceClusterOptions? cluster = null, SimulationOptions? defaults = null)
    {
        (_grains, _graph, _options) = Cluster.Check(grains, graph, cluster, defaults);
    }

    /// <summary>Ranges run again after a failure in the last completed call (0 when no silo failed); for diagnostics.</summary>
    public int LastRecoveries { get; private set; }

    /// <summary>Estimates the expected spread of the request's seeds on the cluster; see <see cref="SpreadEstimator.Estimate"/>.</summary>
    /// <param name="request">The graph (the one the silos load), an <see cref="IndependentCascade"/> or <see cref="LinearThreshold"/> model and the seeds.</param>
    /// <param name="options">Simulations and seed (the silos' threads come from <see cref="InfluenceClusterOptions.SiloParallelism"/>); null for the defaults given at construction.</param>
    /// <param name="progress">Receives ("simulating", simulations done, simulations) as ranges finish and once at the end; optional.</param>
    /// <param name="cancellationToken">Cancels the estimation: passed to every range, checked before every call.</param>
    /// <returns>The same estimate as <see cref="SpreadEstimator.Estimate"/> for the same request and options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The graph's weights do not suit the model (ParamName "graph"); the model is neither IC nor LT (ParamName
    /// Cluster.RequestModel); the silos' graph differs from the request's (ParamName "request.Graph").
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">No silo answers, or a range failed <see cref="InfluenceClusterOptions.MaxAttempts"/> times.</exception>
    public SpreadEstimate Estimate(SpreadRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= _options.Defaults;
        if (request.Model is not (IndependentCascade or LinearThreshold))
        {
            throw new ArgumentException($"The cluster estimates IC and LT spread; the model was {request.Model.Name} (estimate it with SpreadEstimator.Estimate in process).", Cluster.RequestModel);
        }

        // The same weight checks as on one machine, before anything is sent.
        _ = request.Model.Prepare(request.Graph);
        int simulations = options.Simulations;
        int chunks = Math.Min(simulations, 2 * Cluster.PartitionCount(_grains, _options.Cluster));
        var job = new SpreadJob(_graph.ToSpec(), ClusterGraph.Fingerprint(request.Graph), request.Model is LinearThreshold, [.. request.Seeds], options.Seed, request.IncludeActivationProbabilities);
        var reporter = new ProgressReporter(progress, SpreadEstimator.Stage, simulations);
        (SpreadPartial[] partials, int recoveries) = ClusterRanges.Run<ISpreadPartitionGrain, SpreadPartial>(
            _grains,
            _options.Cluster,
            "spread",
            simulations,
            chunks,
            (grain, first, count) => grain.Simulate(job, first, count, _options.Cluster.SiloParallelism, cancellationToken),
            reporter,
            1,
            cancellationToken);
        LastRecoveries = recoveries;
        var sums = new SpreadSums(0, 0, request.IncludeActivationProbabilities ? new long[request.Graph.NodeCount] : null);
        foreach (var partial in partials)
        {
            sums = sums.Add(partial.ToSums());
        }

        reporter.Complete();
        return SpreadEstimator.Combine(request, sums, simulations);
    }
}
