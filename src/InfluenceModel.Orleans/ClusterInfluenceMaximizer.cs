using InfluenceModel.Diffusion;
using InfluenceModel.Seeding;
using Orleans.Runtime;

namespace InfluenceModel.Orleans;

/// <summary>
/// Influence maximization over an Orleans cluster (Ripples-style distributed seeding): every silo holds the graph
/// (<see cref="ClusterGraph"/>), RR-set collections are partitioned over the silos by global index ranges with set i
/// always drawn from the stream (seed, i), greedy maximum coverage runs in rounds of reduced marginal counts and the
/// OPIM-C and IMM stopping rules are evaluated on reduced counts. The selection is the core's own code
/// (<see cref="InfluenceMaximizer.Select"/>), so the same request and seed give the same seeds in the same order, the
/// same gains, spread and guarantee as on one machine.
/// </summary>
/// <remarks>
/// <para>
/// OPIM-C, IMM (budgeted too) and the RR-set evaluation of the heuristics and CELF run on the cluster; CELF's Monte-Carlo
/// oracle and the Kelman model's CELF run on the client. A partition whose silo stops or dies is re-created on another
/// silo from its index ranges and picks (see <see cref="InfluenceClusterOptions.MaxAttempts"/>), so the answer does not
/// change. Reference: Minutoli, Halappanavar, Kalyanaraman, Sathanur, McClure, McDermott (2019) "Fast and scalable
/// implementations of influence maximization algorithms" (Ripples).
/// </para>
/// <para>Thread-safe: each call is an independent run with its own partitions.</para>
/// </remarks>
public sealed class ClusterInfluenceMaximizer : IInfluenceMaximizer
{
    private readonly IGrainFactory _grains;
    private readonly ClusterGraph _graph;
    private readonly (InfluenceClusterOptions Cluster, SimulationOptions Defaults) _options;

    /// <summary>Creates the façade over a connected cluster client.</summary>
    /// <param name="grains">The cluster client (an <c>IClusterClient</c>) or, inside a silo, its grain factory.</param>
    /// <param name="graph">Where the silos find the graph; it must be the graph of every request.</param>
    /// <param name="cluster">Partitions, silo threads and attempts; null for <see cref="InfluenceClusterOptions.Default"/>.</param>
    /// <param name="defaults">The options used when a call passes none; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> or <paramref name="graph"/> is null.</exception>
    public ClusterInfluenceMaximizer(IGrainFactory grains, ClusterGraph graph, InfluenceClusterOptions? cluster = null, SimulationOptions? defaults = null)
    {
        (_grains, _graph, _options) = Cluster.Check(grains, graph, cluster, defaults);
    }

    /// <summary>Re-created partitions in the last completed call (0 when no silo failed); for diagnostics.</summary>
    public int LastRecoveries { get; private set; }

    /// <summary>
    /// What the last call exchanged and held (reduction payload bytes per greedy round and per coverage start, RR-set
    /// bytes per silo); null before the first call or after one that used no RR sets (CELF's Monte-Carlo oracle).
    /// </summary>
    public ClusterRunStatistics? LastStatistics { get; private set; }

    /// <summary>Selects seeds for <paramref name="request"/> on the cluster; see <see cref="InfluenceMaximizer.Select"/>.</summary>
    /// <param name="request">The graph (the one the silos load from <see cref="ClusterGraph"/>), the model, k and the constraints.</param>
    /// <param name="options">The random seed and the client-side parallelism (CELF); null for the defaults given at construction.</param>
    /// <param name="progress">Stages "sampling" (advanced as partitions finish), "selecting" and "evaluating", as on one machine. Optional.</param>
    /// <param name="cancellationToken">Cancels the run: passed to every partition call, checked before every call and greedy pick.</param>
    /// <returns>The same selection as <see cref="InfluenceMaximizer.Select"/> for the same request and seed (its Elapsed aside).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// As <see cref="InfluenceMaximizer.Select"/>; also when the silos' graph differs from the request's (ParamName "request.Graph").
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">No silo answers, or a partition failed <see cref="InfluenceClusterOptions.MaxAttempts"/> times (the cause is the inner exception).</exception>
    public SeedSelection Select(SeedingRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        Select(request, options, progress, static _ => { }, cancellationToken);

    /// <summary>Runs a selection with a hook on the run (tests: where partitions are, stopping silos).</summary>
    internal SeedSelection Select(SeedingRequest request, SimulationOptions? options, IProgress<ProgressReport>? progress, Action<ClusterRun> onRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        int partitions = Cluster.PartitionCount(_grains, _options.Cluster);
        bool linearThreshold = request.Model is LinearThreshold or KelmanInfluence;
        SimulationOptions effective = options ?? _options.Defaults;
        var run = new ClusterRun(_grains, _graph.ToSpec(), ClusterGraph.Fingerprint(request.Graph), linearThreshold, partitions, _options.Cluster.SiloParallelism, _options.Cluster.MaxAttempts, cancellationToken)
        {
            ClientParallelism = effective.EffectiveParallelism,
        };
        try
        {
            onRun(run);
            return InfluenceMaximizer.SelectWith(run.CreateStore, request, effective, progress, cancellationToken);
        }
        finally
        {
            LastRecoveries = run.Recoveries;
            run.Dispose();
            LastStatistics = run.Statistics is { Collections: > 0 } statistics ? statistics : null;
        }
    }
}

/// <summary>Cluster look-ups shared by the façades.</summary>
internal static class Cluster
{
    /// <summary>The ParamName of a request's graph that is not the silos' graph.</summary>
    public static readonly string RequestGraph = "request." + nameof(SeedingRequest.Graph);

    /// <summary>The ParamName of a request's model the cluster cannot run.</summary>
    public static readonly string RequestModel = "request." + nameof(SeedingRequest.Model);

    /// <summary>A façade's constructor arguments, checked, with the defaults filled in.</summary>
    public static (IGrainFactory Grains, ClusterGraph Graph, (InfluenceClusterOptions Cluster, SimulationOptions Defaults) Options) Check(
        IGrainFactory grains, ClusterGraph graph, InfluenceClusterOptions? cluster, SimulationOptions? defaults) =>
        (grains ?? throw new ArgumentNullException(nameof(grains)),
         graph ?? throw new ArgumentNullException(nameof(graph)),
         (cluster ?? InfluenceClusterOptions.Default, defaults ?? SimulationOptions.Default));

    /// <summary>The partitions of a run: the option, or one per active silo.</summary>
    public static int PartitionCount(IGrainFactory grains, InfluenceClusterOptions options)
    {
        if (options.Partitions > 0)
        {
            return options.Partitions;
        }

        try
        {
            var hosts = grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).GetAwaiter().GetResult();
            return Math.Max(1, hosts.Count);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            throw new InvalidOperationException($"No Orleans cluster answers ({e.Message}); start a silo (see ISiloBuilder.AddInfluenceModel) and connect the client first.", e);
        }
    }
}
