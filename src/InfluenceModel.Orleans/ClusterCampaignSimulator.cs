using InfluenceModel.Campaigns;
using InfluenceModel.Community;
using InfluenceModel.Internal;

namespace InfluenceModel.Orleans;

/// <summary>
/// Campaign simulation over an Orleans cluster: the Monte-Carlo runs are split into index ranges run on the silos (run i
/// always on the streams (seed, 3i), (seed, 3i + 1), (seed, 3i + 2)), their per-run figures come back in run order and
/// are reduced by the core, and the reserve analysis runs on the cluster too (<see cref="ClusterBudgetSimulator"/>,
/// <see cref="ClusterReserveOptimizer"/>), so the result is the one <see cref="CampaignSimulator.Simulate"/> gives on
/// one machine, bit for bit.
/// </summary>
/// <remarks>
/// <para>
/// The campaign must have been built by <see cref="CampaignScenario.Build"/>: the silos receive its scenario (JSON) and
/// build the same campaign from it (planning is deterministic from the scenario's seed), once per scenario and silo, and
/// each run checks a fingerprint of the silos' campaign (network, ambassadors, channel responses) against the client's.
/// The consumer network is thus replicated by regeneration, not sent. A range whose silo stops or dies runs again on
/// another silo. The community analysis (a closed form) runs on the client. Thread-safe.
/// </para>
/// <para>
/// Per-run figures are sent as doubles: 8 × (periods × (10 + 2 × channels) + 3 × channels + 1) bytes per run; the runs
/// are cut into enough chunks that none carries more than 16 MB.
/// </para>
/// </remarks>
public sealed class ClusterCampaignSimulator : ICampaignSimulator
{
    /// <summary>The largest message of per-run figures one chunk returns, in bytes.</summary>
    internal const long MaxChunkBytes = 16L << 20;

    private readonly IGrainFactory _grains;
    private readonly (InfluenceClusterOptions Cluster, SimulationOptions Defaults) _options;
    private readonly CampaignModels _models;

    /// <summary>Creates the façade over a connected cluster client.</summary>
    /// <param name="grains">The cluster client (an <c>IClusterClient</c>) or, inside a silo, its grain factory.</param>
    /// <param name="cluster">Partitions (chunks of runs = 2 × partitions, more for large campaigns), silo threads and attempts; null for <see cref="InfluenceClusterOptions.Default"/>.</param>
    /// <param name="defaults">The options used when a call passes none; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is null.</exception>
    public ClusterCampaignSimulator(IGrainFactory grains, InfluenceClusterOptions? cluster = null, SimulationOptions? defaults = null)
    {
        _grains = grains ?? throw new ArgumentNullException(nameof(grains));
        _options = (cluster ?? InfluenceClusterOptions.Default, defaults ?? SimulationOptions.Default);

        // The reserve analysis on the cluster with the library's defaults, as CampaignSimulator's models.
        _models = new CampaignModels(
            new ClusterBudgetSimulator(grains, _options.Cluster, SimulationOptions.Default),
            new ClusterReserveOptimizer(grains, _options.Cluster, SimulationOptions.Default),
            new CommunityRoiCalculatorService());
    }

    /// <summary>Ranges of campaign runs run again after a failure in the last completed call (0 when no silo failed); for diagnostics.</summary>
    public int LastRecoveries { get; private set; }

    /// <summary>Simulates <paramref name="campaign"/> on the cluster; see <see cref="CampaignSimulator.Simulate"/>.</summary>
    /// <param name="campaign">A campaign built by <see cref="CampaignScenario.Build"/>.</param>
    /// <param name="options">Simulations and seed (the silos' threads come from <see cref="InfluenceClusterOptions.SiloParallelism"/>); null for the defaults given at construction.</param>
    /// <param name="progress">Receives ("simulating", runs done, runs) as ranges finish and at the end, then "valuing the reserve"; optional.</param>
    /// <param name="cancellationToken">Cancels the run: passed to every range, checked before every call.</param>
    /// <returns>The same result as <see cref="CampaignSimulator.Simulate"/> for the same campaign and options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> is null.</exception>
    /// <exception cref="ArgumentException">The campaign was not built by <see cref="CampaignScenario.Build"/>, or the silos built another campaign from its scenario (ParamName "campaign").</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">No silo answers, or a range failed <see cref="InfluenceClusterOptions.MaxAttempts"/> times.</exception>
    public CampaignResult Simulate(Campaign campaign, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        options ??= _options.Defaults;
        CampaignScenario scenario = campaign.Scenario ?? throw new ArgumentException(
            "The cluster simulates campaigns built by CampaignScenario.Build (the silos build the same campaign from the scenario); simulate this one with CampaignSimulator.Simulate in process.",
            nameof(campaign));
        var job = new CampaignJob(scenario.ToJson(), CampaignFingerprint.Of(campaign), options.Seed);
        int runs = options.Simulations;
        long bytesPerRun = 8L * ((campaign.Periods * (10L + (2L * campaign.Planned.Length))) + (3L * campaign.Planned.Length) + 1);
        int chunks = (int)Math.Max(2L * Cluster.PartitionCount(_grains, _options.Cluster), ((runs * bytesPerRun) + MaxChunkBytes - 1) / MaxChunkBytes);
        var reporter = new ProgressReporter(progress, "simulating", runs);
        (CampaignPartial[] partials, int recoveries) = ClusterRanges.Run<IMonteCarloRangeGrain, CampaignPartial>(
            _grains,
            _options.Cluster,
            "campaign",
            runs,
            chunks,
            (grain, first, count) => grain.SimulateCampaign(job, first, count, _options.Cluster.SiloParallelism, cancellationToken),
            reporter,
            1,
            cancellationToken);
        LastRecoveries = recoveries;
        var samples = new CampaignSamples(runs, campaign.Periods, campaign.Planned.Length);
        int done = 0;
        foreach (CampaignPartial partial in partials)
        {
            int count = partial.Columns[^1].Length;
            samples.Insert(done, count, partial.Columns);
            done += count;
        }

        reporter.Complete();
        return CampaignSimulation.Combine(campaign, options, samples, _models, progress, cancellationToken);
    }

    /// <summary>Simulates every campaign with the same options on the cluster; see <see cref="CampaignSimulator.Compare"/>.</summary>
    /// <param name="campaigns">The campaigns, at least one, each built by <see cref="CampaignScenario.Build"/>.</param>
    /// <param name="options">Simulations and seed; null for the defaults given at construction.</param>
    /// <param name="progress">Receives the stages of each campaign in turn; optional.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The same comparison as <see cref="CampaignSimulator.Compare"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaigns"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="campaigns"/> is empty, or a campaign was not built by <see cref="CampaignScenario.Build"/> (ParamName "campaign").</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">No silo answers, or a range failed <see cref="InfluenceClusterOptions.MaxAttempts"/> times.</exception>
    public CampaignComparison Compare(IReadOnlyList<Campaign> campaigns, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        CampaignSimulation.Compare(campaigns, campaign => Simulate(campaign, options, progress, cancellationToken));
}
