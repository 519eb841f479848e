using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;
using InfluenceModel.Internal;
using Orleans.Runtime;

namespace InfluenceModel.Orleans;

/// <summary>
/// Runs ranges of Monte-Carlo simulations of the budget and campaign models: years or runs [first, first + count), each
/// on its own random stream (seed, index) as on one machine, returned as per-index values in index order (the core's
/// reductions are order-dependent floating-point sums, quantiles and sorts, so values are sent, not partial sums).
/// Keyed "{run}/{kind}/{chunk}/{generation}"; stateless.
/// </summary>
internal interface IMonteCarloRangeGrain : IGrainWithStringKey
{
    /// <summary>Years [first, first + count) of every policy of the job; one partial per policy.</summary>
    Task<YearsPartial[]> SimulateYears(BudgetJob job, int first, int count, int parallelism, CancellationToken cancellationToken);

    /// <summary>Years [first, first + count) at every share of the reserve grid; values per grid point.</summary>
    Task<double[][]> SimulateReserve(ReserveJob job, int first, int count, int parallelism, CancellationToken cancellationToken);

    /// <summary>Campaign runs [first, first + count).</summary>
    Task<CampaignPartial> SimulateCampaign(CampaignJob job, int first, int count, int parallelism, CancellationToken cancellationToken);
}

/// <inheritdoc cref="IMonteCarloRangeGrain"/>
[PartitionPlacement]
internal sealed class MonteCarloRangeGrain(SiloCampaigns campaigns) : Grain, IMonteCarloRangeGrain
{
    public async Task<YearsPartial[]> SimulateYears(BudgetJob job, int first, int count, int parallelism, CancellationToken cancellationToken)
    {
        BudgetComparisonRequest request = job.ToRequest();
        BudgetSimulator.Samples[] samples = await SiloWork.Run(
            () => BudgetSimulator.SimulateYears(request, job.Seed, first, count, Workers(parallelism), null, cancellationToken), cancellationToken).ConfigureAwait(true);
        DeactivateOnIdle();
        return [.. samples.Select(YearsPartial.From)];
    }

    public async Task<double[][]> SimulateReserve(ReserveJob job, int first, int count, int parallelism, CancellationToken cancellationToken)
    {
        ReserveRequest request = job.ToRequest();
        double[][] values = await SiloWork.Run(
            () => ReserveOptimizer.Simulate(request, job.Seed, first, count, Workers(parallelism), null, cancellationToken), cancellationToken).ConfigureAwait(true);
        DeactivateOnIdle();
        return values;
    }

    public async Task<CampaignPartial> SimulateCampaign(CampaignJob job, int first, int count, int parallelism, CancellationToken cancellationToken)
    {
        CampaignSamples samples = await SiloWork.Run(
            () =>
            {
                Campaign campaign = campaigns.Get(job.ScenarioJson, cancellationToken);
                ulong fingerprint = CampaignFingerprint.Of(campaign);
                if (fingerprint != job.Fingerprint)
                {
                    throw new ArgumentException(
                        $"The silo built another campaign from the scenario (fingerprint {fingerprint:x16}, the client's {job.Fingerprint:x16}): client and silos must run the same library version.",
                        CampaignFingerprint.ParamName);
                }

                return CampaignSimulation.Simulate(campaign, job.Seed, first, count, Workers(parallelism), null, cancellationToken);
            },
            cancellationToken).ConfigureAwait(true);
        DeactivateOnIdle();
        return new CampaignPartial(samples.Columns());
    }

    private static int Workers(int parallelism) => parallelism > 0 ? parallelism : Environment.ProcessorCount;
}

/// <summary>
/// The campaigns a silo has built from scenarios (planning runs influence maximization and channel selection, so it is
/// done once per scenario and silo); at most <see cref="Capacity"/> are kept. Registered as a singleton by
/// <see cref="InfluenceModelSiloExtensions.AddInfluenceModel"/>.
/// </summary>
internal sealed class SiloCampaigns
{
    /// <summary>Campaigns kept; the cache is emptied when a new one would exceed it.</summary>
    public const int Capacity = 16;

    private readonly ConcurrentDictionary<string, Lazy<Campaign>> _campaigns = new(StringComparer.Ordinal);

    /// <summary>The campaign built from <paramref name="scenarioJson"/>, building it on first use.</summary>
    public Campaign Get(string scenarioJson, CancellationToken cancellationToken)
    {
        if (_campaigns.Count >= Capacity && !_campaigns.ContainsKey(scenarioJson))
        {
            _campaigns.Clear();
        }

        var lazy = _campaigns.GetOrAdd(scenarioJson, json => new Lazy<Campaign>(() => CampaignScenario.Parse(json).Build(CancellationToken.None)));
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return lazy.Value;
        }
        catch
        {
            _campaigns.TryRemove(scenarioJson, out _);
            throw;
        }
    }
}

/// <summary>A checksum of what a campaign's runs depend on: the network, the ambassadors, each channel's response per period.</summary>
internal static class CampaignFingerprint
{
    /// <summary>The ParamName of a campaign the silos cannot build or built differently.</summary>
    public static readonly string ParamName = "campaign";

    public static ulong Of(Campaign campaign)
    {
        GraphFingerprint network = ClusterGraph.Fingerprint(campaign.Network);
        ulong sum = Checksum64.Compute(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>([(ulong)network.Nodes, (ulong)network.Arcs, network.Checksum])));
        sum = Checksum64.Compute(MemoryMarshal.AsBytes(campaign.AmbassadorNodes.AsSpan()), sum);
        foreach (double[] response in new CampaignSchedule(campaign).Response)
        {
            sum = Checksum64.Compute(MemoryMarshal.AsBytes(response.AsSpan()), sum);
        }

        return sum;
    }
}

/// <summary>
/// Runs [0, total) as chunks of consecutive indices on range grains (<see cref="IMonteCarloRangeGrain"/>,
/// <see cref="ISpreadPartitionGrain"/>) spread over the silos by <see cref="PartitionPlacement"/>, each
/// chunk at most <see cref="InfluenceClusterOptions.MaxAttempts"/> times (a chunk whose silo stopped or died runs again,
/// on another silo: it depends only on its indices), and returns the chunks' answers in index order. The reporter advances
/// by count × <c>unitsPerIndex</c> as each chunk finishes.
/// </summary>
internal static class ClusterRanges
{
    public static (T[] Partials, int Recoveries) Run<TGrain, T>(
        IGrainFactory grains,
        InfluenceClusterOptions cluster,
        string kind,
        int total,
        int chunks,
        Func<TGrain, int, int, Task<T>> simulate,
        ProgressReporter reporter,
        long unitsPerIndex,
        CancellationToken cancellationToken)
        where TGrain : IGrainWithStringKey
    {
        chunks = Math.Clamp(chunks, 1, Math.Max(1, total));
        string run = Guid.NewGuid().ToString("N");
        int recoveries = 0;
        T[] partials = Task.WhenAll(Enumerable.Range(0, chunks).Select(async c =>
        {
            int first = (int)((long)total * c / chunks);
            int count = (int)((long)total * (c + 1) / chunks) - first;
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var grain = grains.GetGrain<TGrain>($"{run}/{kind}/{c}/{attempt - 1}");
                try
                {
                    T partial = await simulate(grain, first, count).ConfigureAwait(false);
                    reporter.Advance(count * unitsPerIndex);
                    return partial;
                }
                catch (Exception e) when (e is not OperationCanceledException and not ArgumentException && attempt < cluster.MaxAttempts)
                {
                    Interlocked.Increment(ref recoveries);
                }
            }
        })).GetAwaiter().GetResult();
        return (partials, recoveries);
    }
}
