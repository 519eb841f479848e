using InfluenceModel.Internal;
using InfluenceModel.Seeding;
using Orleans.Runtime;

namespace InfluenceModel.Orleans;

/// <summary>
/// One distributed run seen from the client: creates the partitioned RR-set collections the core's OPIM-C, IMM and
/// evaluation ask for, re-creates a partition whose activation was lost (its silo stopped or died) from the index
/// ranges and greedy picks it had, and closes every partition at the end.
/// </summary>
internal sealed class ClusterRun : IDisposable
{
    private readonly List<PartitionedRrSetStore> _stores = [];
    private readonly string _id = Guid.NewGuid().ToString("N");

    public ClusterRun(IGrainFactory grains, GraphSpec graph, GraphFingerprint expected, bool linearThreshold, int partitions, int siloParallelism, int maxAttempts, CancellationToken cancellationToken)
    {
        Grains = grains;
        Graph = graph;
        Expected = expected;
        LinearThreshold = linearThreshold;
        Partitions = partitions;
        SiloParallelism = siloParallelism;
        MaxAttempts = maxAttempts;
        CancellationToken = cancellationToken;
    }

    public IGrainFactory Grains { get; }

    public GraphSpec Graph { get; }

    public GraphFingerprint Expected { get; }

    public bool LinearThreshold { get; }

    public int Partitions { get; }

    public int SiloParallelism { get; }

    public int MaxAttempts { get; }

    /// <summary>The client's threads for the selection (SimulationOptions.EffectiveParallelism); the core asks fewer only for work it overlaps.</summary>
    public int ClientParallelism { get; init; } = 1;

    /// <summary>
    /// Silo threads for a call the core made with <paramref name="parallelism"/> workers: <see cref="SiloParallelism"/>
    /// for a full call; for one the core overlaps with another (R2's growth beside R1's greedy, on one partition each)
    /// as many fewer as the core asked fewer, at least one (0, the silo's processor count, passes the core's count on).
    /// </summary>
    public int SiloWorkers(int parallelism) =>
        parallelism >= ClientParallelism ? SiloParallelism
        : SiloParallelism > 0 ? Math.Max(1, SiloParallelism - (ClientParallelism - parallelism))
        : Math.Max(1, parallelism);

    public CancellationToken CancellationToken { get; }

    /// <summary>Partitions re-created after a lost activation, over the run (for tests and diagnostics).</summary>
    public int Recoveries => _stores.Sum(s => s.Recoveries);

    /// <summary>The stores created so far (tests look at where their partitions run).</summary>
    public IReadOnlyList<PartitionedRrSetStore> Stores => _stores;

    /// <summary>Payload bytes of the reduction calls so far (all stores).</summary>
    internal ReductionCounters Counters { get; } = new();

    /// <summary>The run's figures, complete once <see cref="Dispose"/> has closed the partitions (null before).</summary>
    public ClusterRunStatistics? Statistics { get; private set; }

    /// <summary>The core's store factory: an empty collection of the family <paramref name="familySeed"/> over the cluster.</summary>
    public IRrSetStore CreateStore(ulong familySeed)
    {
        var store = new PartitionedRrSetStore(this, $"{_id}/{_stores.Count}", familySeed);
        _stores.Add(store);
        store.Open();
        return store;
    }

    /// <summary>Closes every partition of every store (in parallel) and sums what each silo held into <see cref="Statistics"/>.</summary>
    public void Dispose()
    {
        PartitionFootprint[] footprints = [.. _stores.SelectMany(s => s.Close())];
        Statistics = new ClusterRunStatistics
        {
            Partitions = Partitions,
            Collections = _stores.Count,
            CoverageStarts = Counters.CoverageStarts,
            CoverageStartBytes = Counters.CoverageStartBytes,
            GreedyRounds = Counters.GreedyRounds,
            GreedyBytes = Counters.GreedyBytes,
            MaxGreedyRoundBytes = Counters.MaxGreedyRoundBytes,
            SiloGreedyRuns = Counters.SiloGreedyRuns,
            CountCoveredBytes = Counters.CountCoveredBytes,
            SamplingSeconds = Counters.Sampling.Elapsed.TotalSeconds,
            CoverageStartSeconds = Counters.CoverageStarting.Elapsed.TotalSeconds,
            GreedySeconds = Counters.Greedy.Elapsed.TotalSeconds,
            Silos = [.. footprints.Where(f => f.Sets > 0).GroupBy(f => f.Silo, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new SiloRrSets(g.Key, g.Count(), g.Sum(f => f.Sets), g.Sum(f => f.Entries), g.Sum(f => f.Bytes)))],
        };
    }
}

/// <summary>
/// Payload bytes of a run's reduction calls, counted by the client where it makes them (4 bytes per int argument or
/// result element). Greedy rounds are sequential; the other counters may be bumped from parallel partition calls.
/// </summary>
internal sealed class ReductionCounters
{
    private int _coverageStarts;
    private long _coverageStartBytes;
    private long _countCoveredBytes;

    public int CoverageStarts => _coverageStarts;

    public long CoverageStartBytes => Interlocked.Read(ref _coverageStartBytes);

    public int GreedyRounds { get; private set; }

    public long GreedyBytes { get; private set; }

    public long MaxGreedyRoundBytes { get; private set; }

    public int SiloGreedyRuns { get; private set; }

    public long CountCoveredBytes => Interlocked.Read(ref _countCoveredBytes);

    /// <summary>Client wall time in growth calls (OPIM-C may grow its validation sets while it runs the greedy on the others).</summary>
    public Timer Sampling { get; } = new();

    /// <summary>Client wall time in coverage starts.</summary>
    public Timer CoverageStarting { get; } = new();

    /// <summary>Client wall time in greedy rounds.</summary>
    public Timer Greedy { get; } = new();

    /// <summary>Sums the durations of calls that may run on several threads at once.</summary>
    internal sealed class Timer
    {
        private long _ticks;

        public TimeSpan Elapsed => System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

        /// <summary>Adds the time since <paramref name="start"/> (a <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
        public void Add(long start) => Interlocked.Add(ref _ticks, System.Diagnostics.Stopwatch.GetTimestamp() - start);
    }

    /// <summary>One coverage start over <paramref name="partitions"/> partitions of a graph of <paramref name="nodes"/> nodes.</summary>
    public void CoverageStart(int partitions, int nodes)
    {
        Interlocked.Increment(ref _coverageStarts);
        Interlocked.Add(ref _coverageStartBytes, partitions * (4L + (4L * nodes)));
    }

    /// <summary>One greedy round: a 4-byte pick to each partition, each answering its gain and (node, decrement) pairs.</summary>
    public void GreedyRound(IReadOnlyList<CoverDelta> deltas)
    {
        long bytes = 0;
        foreach (CoverDelta delta in deltas)
        {
            bytes += 4 + 4 + (4L * delta.Nodes.Length) + (4L * delta.Decrements.Length);
        }

        GreedyRounds++;
        GreedyBytes += bytes;
        MaxGreedyRoundBytes = Math.Max(MaxGreedyRoundBytes, bytes);
    }

    /// <summary>
    /// One whole greedy on the silo of a one-partition collection: one exchange, counted as one round (the task to the
    /// partition, its picks and gains back).
    /// </summary>
    public void SiloGreedy(GreedyCall call, GreedyAnswer answer)
    {
        long bytes = call.PayloadBytes + answer.PayloadBytes;
        SiloGreedyRuns++;
        GreedyRounds++;
        GreedyBytes += bytes;
        MaxGreedyRoundBytes = Math.Max(MaxGreedyRoundBytes, bytes);
    }

    /// <summary>One covered-set count: <paramref name="nodes"/> seed ids to each partition, a long back from each.</summary>
    public void CountCovered(int partitions, int nodes) => Interlocked.Add(ref _countCoveredBytes, partitions * ((4L * nodes) + 8));
}

/// <summary>
/// An RR-set collection partitioned by global index ranges over partition grains: growth from c to t gives partition p
/// the indices [c + (t − c)·p/P, c + (t − c)·(p + 1)/P); coverage counts and covered-set counts are exact integer sums
/// over partitions, so the core's greedy and stopping rules see the single-machine numbers.
/// </summary>
internal sealed class PartitionedRrSetStore : IRrSetStore
{
    private readonly ClusterRun _run;
    private readonly string _key;
    private readonly ulong _familySeed;
    private readonly Partition[] _parts;

    public PartitionedRrSetStore(ClusterRun run, string key, ulong familySeed)
    {
        _run = run;
        _key = key;
        _familySeed = familySeed;
        _parts = new Partition[run.Partitions];
        for (int p = 0; p < _parts.Length; p++)
        {
            _parts[p] = new Partition(p) { Grain = Grain(p, 0) };
        }
    }

    public int Count { get; private set; }

    public long TotalSize => _parts.Sum(p => p.Entries);

    public int Recoveries { get; private set; }

    /// <summary>With one partition, yes: R2's and R1's partitions then share the silo's cores as in process.</summary>
    public bool GrowsBesideGreedy => _parts.Length == 1;

    /// <summary>The silo of each partition's current activation.</summary>
    public string[] Silos() => Block(Task.WhenAll(_parts.Select(p => p.Grain.Silo())));

    public void Open()
    {
        Block(Task.WhenAll(_parts.Select(p => Call(p, async g =>
        {
            await OpenAsync(g).ConfigureAwait(false);
            return 0;
        }))));
    }

    public void Grow(int target, int parallelism, ProgressReporter reporter, CancellationToken cancellationToken)
    {
        int from = Count;
        long span = target - from;
        if (span <= 0)
        {
            return;
        }

        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            GrowAll(from, span, _run.SiloWorkers(parallelism), reporter, cancellationToken);
        }
        finally
        {
            _run.Counters.Sampling.Add(started);
        }

        Count = target;
    }

    private void GrowAll(int from, long span, int workers, ProgressReporter reporter, CancellationToken cancellationToken)
    {
        Block(Task.WhenAll(_parts.Select(async p =>
        {
            long first = from + (span * p.Index / _parts.Length);
            int count = (int)(from + (span * (p.Index + 1) / _parts.Length) - first);
            if (count == 0)
            {
                return;
            }

            p.Entries = await Call(p, g => g.Grow(first, count, workers, cancellationToken)).ConfigureAwait(false);
            p.Ranges.Add((first, count));
            p.CoverSeeds = null; // growing drops the partition's coverage state
            reporter.Advance(count);
        })));
    }

    public ICoverageState StartCover(int parallelism)
    {
        foreach (var p in _parts)
        {
            p.CoverSeeds = [];
        }

        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        int[][] counts;
        try
        {
            counts = Block(Task.WhenAll(_parts.Select(p => Call(p, g => g.StartCover(_run.SiloParallelism)))));
        }
        finally
        {
            _run.Counters.CoverageStarting.Add(started);
        }

        _run.Counters.CoverageStart(_parts.Length, _run.Expected.Nodes);
        var coverage = new int[_run.Expected.Nodes];
        foreach (int[] c in counts)
        {
            for (int v = 0; v < coverage.Length; v++)
            {
                coverage[v] += c[v];
            }
        }

        return new ReducedCoverage(this, coverage);
    }

    /// <summary>
    /// The greedy of <paramref name="task"/> over the collection: with one partition, run whole on its silo in one call
    /// (the partition holds every set in index order, so its greedy is the single-machine one, and no coverage counts
    /// cross the network); with several, a coverage start and one round per pick over the reduced counts.
    /// </summary>
    public CoverageResult Greedy(GreedyTask task, int parallelism, CancellationToken cancellationToken)
    {
        if (_parts.Length > 1)
        {
            return task.Run(StartCover(parallelism), _run.Expected.Nodes, cancellationToken);
        }

        Partition p = _parts[0];
        p.CoverSeeds = null; // the call holds its own coverage state: a re-created partition only needs its sets
        var call = GreedyCall.From(task);
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        GreedyAnswer answer;
        try
        {
            answer = Block(Call(p, g => g.Greedy(call, _run.SiloWorkers(parallelism), cancellationToken)));
        }
        finally
        {
            _run.Counters.Greedy.Add(started);
        }

        _run.Counters.SiloGreedy(call, answer);
        return answer.ToResult();
    }

    public long CountCovered(bool[] mask)
    {
        int[] nodes = [.. Enumerable.Range(0, mask.Length).Where(v => mask[v])];
        _run.Counters.CountCovered(_parts.Length, nodes.Length);
        return Block(Task.WhenAll(_parts.Select(p => Call(p, g => g.CountCovered(nodes))))).Sum();
    }

    /// <summary>Closes every partition (in parallel); returns what each held (none for a partition whose silo is gone).</summary>
    public PartitionFootprint[] Close()
    {
        return Block(Task.WhenAll(_parts.Select(async p =>
        {
            try
            {
                return await p.Grain.Close().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Best effort: a partition whose silo is gone holds nothing any more.
                return null;
            }
        }))).OfType<PartitionFootprint>().ToArray();
    }

    /// <summary>One greedy pick on every partition; the deltas are applied to the reduced coverage.</summary>
    private int Cover(int seed, int[] coverage)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        CoverDelta[] deltas;
        try
        {
            deltas = Block(Task.WhenAll(_parts.Select(p => Call(p, g => g.Cover(seed)))));
        }
        finally
        {
            _run.Counters.Greedy.Add(started);
        }

        _run.Counters.GreedyRound(deltas);
        int gain = 0;
        foreach (var delta in deltas)
        {
            gain += delta.Gain;
            for (int i = 0; i < delta.Nodes.Length; i++)
            {
                coverage[delta.Nodes[i]] -= delta.Decrements[i];
            }
        }

        foreach (var p in _parts)
        {
            p.CoverSeeds!.Add(seed);
        }

        return gain;
    }

    private IRrPartitionGrain Grain(int partition, int generation) =>
        _run.Grains.GetGrain<IRrPartitionGrain>($"{_key}/{partition}/{generation}");

    private async Task OpenAsync(IRrPartitionGrain grain)
    {
        GraphFingerprint fingerprint = await grain.Open(_run.Graph, _run.LinearThreshold, _familySeed).ConfigureAwait(false);
        if (fingerprint != _run.Expected)
        {
            throw new ArgumentException(
                $"The silos' graph at '{_run.Graph.Path}' ({fingerprint}) is not the request's graph ({_run.Expected}); load the same file with the same options on the client and the silos.",
                Cluster.RequestGraph);
        }
    }

    /// <summary>
    /// Calls <paramref name="operation"/> on the partition; when it fails for any reason but cancellation or a bad input,
    /// re-creates the partition on the next generation (placed on another silo) from its ranges and greedy picks, then
    /// calls again, at most <see cref="ClusterRun.MaxAttempts"/> times.
    /// </summary>
    private async Task<T> Call<T>(Partition p, Func<IRrPartitionGrain, Task<T>> operation)
    {
        for (int attempt = 1; ; attempt++)
        {
            _run.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await operation(p.Grain).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not ArgumentException && attempt < _run.MaxAttempts)
            {
                await RecoverAsync(p).ConfigureAwait(false);
            }
        }
    }

    private async Task RecoverAsync(Partition p)
    {
        for (int attempt = 1; ; attempt++)
        {
            _run.CancellationToken.ThrowIfCancellationRequested();
            p.Generation++;
            p.Grain = Grain(p.Index, p.Generation);
            try
            {
                await OpenAsync(p.Grain).ConfigureAwait(false);
                long entries = 0;
                foreach (var (first, count) in p.Ranges)
                {
                    entries = await p.Grain.Grow(first, count, _run.SiloParallelism, _run.CancellationToken).ConfigureAwait(false);
                }

                p.Entries = entries;
                if (p.CoverSeeds is { } seeds)
                {
                    await p.Grain.StartCover(_run.SiloParallelism).ConfigureAwait(false);
                    foreach (int seed in seeds)
                    {
                        await p.Grain.Cover(seed).ConfigureAwait(false);
                    }
                }

                lock (_parts)
                {
                    Recoveries++;
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException and not ArgumentException && attempt < _run.MaxAttempts)
            {
                // The new activation failed too (its silo is going down as well): try the next generation.
            }
        }
    }

    private static T Block<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Block(Task task) => task.GetAwaiter().GetResult();

    private sealed class Partition(int index)
    {
        public int Index { get; } = index;

        public int Generation { get; set; }

        public required IRrPartitionGrain Grain { get; set; }

        /// <summary>The index ranges the partition holds, in order.</summary>
        public List<(long First, int Count)> Ranges { get; } = [];

        public long Entries { get; set; }

        /// <summary>The greedy picks of the current coverage state; null before the first.</summary>
        public List<int>? CoverSeeds { get; set; }
    }

    /// <summary>The reduced coverage: the sum of the partitions' counts, lowered by their deltas at each pick.</summary>
    private sealed class ReducedCoverage(PartitionedRrSetStore store, int[] coverage) : ICoverageState
    {
        public int[] Coverage { get; } = coverage;

        public bool[] IsSeed { get; } = new bool[coverage.Length];

        public long Covered { get; private set; }

        public int Cover(int seed)
        {
            if (IsSeed[seed])
            {
                return 0;
            }

            IsSeed[seed] = true;
            int gain = store.Cover(seed, Coverage);
            Covered += gain;
            return gain;
        }
    }
}
