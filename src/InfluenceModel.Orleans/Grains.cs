using System.Collections.Concurrent;
using InfluenceModel.Diffusion;
using InfluenceModel.Internal;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;
using Orleans.Runtime;

namespace InfluenceModel.Orleans;

/// <summary>
/// One partition of one RR-set collection: the sets of some global index ranges, each drawn from the stream
/// (family seed, index) by the core's sampler on the silo's replica of the graph, with the core's inverted index and
/// coverage state. Keyed "{run}/{collection}/{partition}/{generation}". Its state lives in memory only: a fresh
/// activation (after its silo stopped) answers every call but <see cref="Open"/> with <see cref="InvalidOperationException"/>,
/// and the coordinator re-creates it from its ranges and seeds (the content depends only on them).
/// </summary>
internal interface IRrPartitionGrain : IGrainWithStringKey
{
    /// <summary>Opens an empty partition of the collection of <paramref name="familySeed"/>; returns the silo's graph fingerprint.</summary>
    Task<GraphFingerprint> Open(GraphSpec graph, bool linearThreshold, ulong familySeed);

    /// <summary>Appends the sets with stream indices [first, first + count); returns the partition's node entries.</summary>
    Task<long> Grow(long firstIndex, int count, int parallelism, CancellationToken cancellationToken);

    /// <summary>Starts a coverage state (no seeds) over the partition's sets; returns each node's coverage.</summary>
    Task<int[]> StartCover(int parallelism);

    /// <summary>Makes <paramref name="seed"/> a seed; returns its gain here and the nodes whose coverage fell, by how much.</summary>
    Task<CoverDelta> Cover(int seed);

    /// <summary>
    /// Runs a whole greedy over the partition's sets in one call (a collection with one partition: the partition holds
    /// every set, so the core's greedy over it is the single-machine greedy); drops any coverage state.
    /// </summary>
    Task<GreedyAnswer> Greedy(GreedyCall call, int parallelism, CancellationToken cancellationToken);

    /// <summary>Number of the partition's sets that contain one of <paramref name="nodes"/>.</summary>
    Task<long> CountCovered(int[] nodes);

    /// <summary>The address of the silo this activation runs on (for tests and diagnostics).</summary>
    Task<string> Silo();

    /// <summary>Drops the partition's sets and deactivates; returns what it held (its silo, sets, entries, bytes).</summary>
    Task<PartitionFootprint> Close();
}

/// <summary>A partition's answer to a greedy pick: its gain and its coverage decrements (sparse).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record CoverDelta([property: Id(0)] int Gain, [property: Id(1)] int[] Nodes, [property: Id(2)] int[] Decrements);

/// <summary>The wire form of a <see cref="GreedyTask"/> (the core type carries no Orleans serializer).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record GreedyCall(
    [property: Id(0)] bool[]? Candidate,
    [property: Id(1)] int[] Forced,
    [property: Id(2)] int K,
    [property: Id(3)] bool ComputeUpperBound,
    [property: Id(4)] double[]? Costs,
    [property: Id(5)] double Budget,
    [property: Id(6)] bool ByRatio)
{
    /// <summary>Payload bytes: 1 per flag, 4 per int, 8 per double (as counted in <see cref="ClusterRunStatistics"/>).</summary>
    public long PayloadBytes => (Candidate?.Length ?? 0) + (4L * Forced.Length) + 4 + 1 + (8L * (Costs?.Length ?? 0)) + 8 + 1;

    public static GreedyCall From(GreedyTask task) =>
        new(task.Candidate, task.Forced, task.K, task.ComputeUpperBound, task.Costs, task.Budget, task.ByRatio);

    public GreedyTask ToTask() => new(Candidate, Forced, K, ComputeUpperBound) { Costs = Costs, Budget = Budget, ByRatio = ByRatio };
}

/// <summary>The wire form of a <see cref="CoverageResult"/>: a whole greedy's picks, gains, coverage and bound.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record GreedyAnswer(
    [property: Id(0)] int[] Seeds,
    [property: Id(1)] int[] Gains,
    [property: Id(2)] long Covered,
    [property: Id(3)] long UpperBound)
{
    /// <summary>Payload bytes: 4 per seed and per gain, 8 each for the coverage and the bound.</summary>
    public long PayloadBytes => (4L * Seeds.Length) + (4L * Gains.Length) + 16;

    public CoverageResult ToResult() => new(Seeds, Gains, Covered, UpperBound);
}

/// <summary>A range of spread simulations to run on a silo.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record SpreadJob(
    [property: Id(0)] GraphSpec Graph,
    [property: Id(1)] GraphFingerprint Expected,
    [property: Id(2)] bool LinearThreshold,
    [property: Id(3)] int[] Seeds,
    [property: Id(4)] ulong Seed,
    [property: Id(5)] bool Adopters);

/// <summary>Exact sums of a range of spread simulations (the Σx² of 128 bits in two halves).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record SpreadPartial(
    [property: Id(0)] long Total,
    [property: Id(1)] ulong SquaresHigh,
    [property: Id(2)] ulong SquaresLow,
    [property: Id(3)] long[]? Adopters)
{
    public SpreadSums ToSums() => new(Total, (Int128)new UInt128(SquaresHigh, SquaresLow), Adopters);

    public static SpreadPartial From(SpreadSums sums)
    {
        var squares = (UInt128)sums.SumOfSquares;
        return new SpreadPartial(sums.Total, (ulong)(squares >> 64), (ulong)squares, sums.Adopters);
    }
}

/// <summary>Runs ranges of spread simulations. Keyed "{run}/spread/{chunk}/{generation}"; stateless.</summary>
internal interface ISpreadPartitionGrain : IGrainWithStringKey
{
    /// <summary>Runs simulations [first, first + count) of the job; returns their exact sums.</summary>
    Task<SpreadPartial> Simulate(SpreadJob job, int first, int count, int parallelism, CancellationToken cancellationToken);
}

/// <inheritdoc cref="IRrPartitionGrain"/>
[PartitionPlacement]
internal sealed class RrPartitionGrain(SiloGraphs graphs, ILocalSiloDetails silo) : Grain, IRrPartitionGrain
{
    private LocalRrSetStore? _store;
    private ICoverageState? _cover;
    private int[] _shadow = [];
    private List<int> _decremented = [];
    private int _nodeCount;

    public async Task<GraphFingerprint> Open(GraphSpec graph, bool linearThreshold, ulong familySeed)
    {
        // The first partition on a silo loads the graph (seconds for a large one): off the grain scheduler's threads.
        (GraphFingerprint fingerprint, ReverseInfluenceGraph reverse) = await SiloWork.Run(() => (graphs.Get(graph).Fingerprint, graphs.Reverse(graph, linearThreshold)), CancellationToken.None).ConfigureAwait(true);
        _nodeCount = fingerprint.Nodes;
        _store = new LocalRrSetStore(reverse, familySeed);
        _cover = null;
        return fingerprint;
    }

    public async Task<long> Grow(long firstIndex, int count, int parallelism, CancellationToken cancellationToken)
    {
        LocalRrSetStore store = Store();
        _cover = null;
        int workers = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        await SiloWork.Run(() => store.Grow(firstIndex, count, workers, null, cancellationToken), cancellationToken).ConfigureAwait(true);
        return store.TotalSize;
    }

    public async Task<int[]> StartCover(int parallelism)
    {
        LocalRrSetStore store = Store();
        int workers = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        ICoverageState cover = await SiloWork.Run(() => store.StartCover(workers), CancellationToken.None).ConfigureAwait(true);
        _cover = cover;
        _shadow = (int[])cover.Coverage.Clone();
        return _shadow;
    }

    public Task<CoverDelta> Cover(int seed)
    {
        var cover = _cover as MaxCoverage.CoverState ?? throw Lost("no coverage state");
        // Only the nodes of the sets this pick covers can change: walk those (with repeats), not every node.
        _decremented.Clear();
        int gain = cover.Cover(seed, _decremented);
        int[] now = cover.Coverage;
        var nodes = new List<int>();
        var decrements = new List<int>();
        foreach (int v in _decremented)
        {
            if (now[v] != _shadow[v])
            {
                nodes.Add(v);
                decrements.Add(_shadow[v] - now[v]);
                _shadow[v] = now[v];
            }
        }

        if (_decremented.Capacity > 1 << 20)
        {
            _decremented = []; // a first pick may touch most entries: do not keep that buffer for the small ones after it
        }

        return Task.FromResult(new CoverDelta(gain, [.. nodes], [.. decrements]));
    }

    public async Task<GreedyAnswer> Greedy(GreedyCall call, int parallelism, CancellationToken cancellationToken)
    {
        LocalRrSetStore store = Store();
        _cover = null;
        _shadow = [];
        int workers = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        CoverageResult result = await SiloWork.Run(() => store.Greedy(call.ToTask(), workers, cancellationToken), cancellationToken).ConfigureAwait(true);
        return new GreedyAnswer(result.Seeds, result.Gains, result.Covered, result.UpperBound);
    }

    public Task<long> CountCovered(int[] nodes)
    {
        LocalRrSetStore store = Store();
        var mask = new bool[_nodeCount];
        foreach (int v in nodes)
        {
            mask[v] = true;
        }

        return Task.FromResult(store.CountCovered(mask));
    }

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());

    public Task<PartitionFootprint> Close()
    {
        var footprint = _store is { } store
            ? new PartitionFootprint(silo.SiloAddress.ToString(), store.Count, store.TotalSize, 4L * (store.Sets.Nodes.Length + store.Sets.Offsets.Length))
            : new PartitionFootprint(silo.SiloAddress.ToString(), 0, 0, 0);
        _store = null;
        _cover = null;
        _shadow = [];
        DeactivateOnIdle();
        return Task.FromResult(footprint);
    }

    private LocalRrSetStore Store() => _store ?? throw Lost("not opened");

    private InvalidOperationException Lost(string why) =>
        new($"RR-set partition {this.GetPrimaryKeyString()} has no state ({why}): its activation is new, so the coordinator re-creates it.");
}

/// <summary>
/// The scheduler of a silo's computations (sampling, coverage index, greedy, Monte-Carlo ranges, graph loading): threads
/// of its own, kept across calls, never the thread pool's. Each of its threads makes itself the scheduler of the core's
/// parallel loops it runs (<see cref="ParallelScheduler"/>), so their other workers run here too.
/// </summary>
/// <remarks>
/// <para>
/// Why not the pool: Orleans delivers calls, answers, cancellations and membership probes on pool threads. With the
/// computations on pool workers (a 2-core machine's pool has a goal of 2-3 threads), Orleans' work items queued behind
/// them until the pool injected a thread: on email-enron (k = 50, ε = 0.1, OPIM-C, one partition) the time between the
/// client's call and the grain method starting plus between its end and the client's result was 8.6-10.1 ms per
/// selection (mean over 40), 4.3-4.5 ms on threads of their own; and a cancelled reserve sweep or selection on a
/// 3-silo test cluster stopped after 5.5-9.7 s instead of well under one (its cancellation waited for a pool thread).
/// </para>
/// <para>
/// Why not a new thread per call (TaskCreationOptions.LongRunning, the first fix): a selection makes about 15 calls,
/// and each new thread started cold (thread creation, its own allocation context, empty per-thread array-pool caches, so
/// the sampler's chunk buffers were allocated afresh each call). With the store's calls in one process, no Orleans, the
/// same selection took a median 55-62 ms on a new thread per call against 39-48 ms on pool threads or on threads kept
/// across calls (20-30 selections each, after 80 of warm-up).
/// </para>
/// <para>
/// A task never waits for a thread: one is started whenever a task finds none waiting, so calls and parallel workers
/// never queue behind one another (a thread waits <see cref="IdleTimeout"/> for the next task before it ends). A task
/// may run inline only on one of these threads.
/// </para>
/// </remarks>
internal sealed class SiloWork : TaskScheduler
{
    /// <summary>How long a thread with nothing to do waits for the next task before it ends.</summary>
    internal static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private static readonly SiloWork Scheduler = new();

    [ThreadStatic]
    private static bool t_isSiloThread;

    // Static: the one scheduler lives as long as the process.
    private static readonly ConcurrentQueue<Task> Queue = new();
    private static readonly SemaphoreSlim Ready = new(0);

    /// <summary>Threads waiting for a task that no queued task has claimed yet.</summary>
    private static int _idle;

    private SiloWork()
    {
    }

    /// <summary>Runs <paramref name="work"/> on a silo-work thread (not the grain's scheduler, not a pool worker).</summary>
    public static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler);

    /// <inheritdoc cref="Run{T}(Func{T}, CancellationToken)"/>
    public static Task Run(Action work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler);

    protected override void QueueTask(Task task)
    {
        Queue.Enqueue(task);
        // Claim a waiting thread, or start one: every queued task has a thread that will take a task.
        if (!TryClaimIdle())
        {
            new Thread(Loop) { IsBackground = true, Name = "InfluenceModel silo work" }.Start();
        }

        Ready.Release();
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => t_isSiloThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => Queue.ToArray();

    private void Loop()
    {
        t_isSiloThread = true;
        ParallelScheduler.SetForThisThread(this);
        while (true)
        {
            if (!Ready.Wait(IdleTimeout))
            {
                // Leave, unless every waiting thread has been claimed meanwhile (then a signal is on the way).
                if (TryClaimIdle())
                {
                    return;
                }

                continue;
            }

            if (Queue.TryDequeue(out Task? task))
            {
                TryExecuteTask(task);
            }

            Interlocked.Increment(ref _idle);
        }
    }

    /// <summary>Takes one waiting thread off the count (for a queued task, or a thread leaving); false when none is left.</summary>
    private static bool TryClaimIdle()
    {
        int idle = Volatile.Read(ref _idle);
        while (idle > 0)
        {
            int seen = Interlocked.CompareExchange(ref _idle, idle - 1, idle);
            if (seen == idle)
            {
                return true;
            }

            idle = seen;
        }

        return false;
    }
}

/// <inheritdoc cref="ISpreadPartitionGrain"/>
[PartitionPlacement]
internal sealed class SpreadPartitionGrain(SiloGraphs graphs) : Grain, ISpreadPartitionGrain
{
    public async Task<SpreadPartial> Simulate(SpreadJob job, int first, int count, int parallelism, CancellationToken cancellationToken)
    {
        (SocialGraph graph, GraphFingerprint fingerprint) = await SiloWork.Run(() => graphs.Get(job.Graph), cancellationToken).ConfigureAwait(true);
        if (fingerprint != job.Expected)
        {
            throw new ArgumentException($"The silo's graph ({fingerprint}) is not the request's ({job.Expected}).", Cluster.RequestGraph);
        }

        DiffusionModel model = job.LinearThreshold ? new LinearThreshold() : new IndependentCascade();
        var request = new SpreadRequest(graph, model, job.Seeds) { IncludeActivationProbabilities = job.Adopters };
        int workers = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        SpreadSums sums = await SiloWork.Run(() => SpreadEstimator.Simulate(request, job.Seed, first, count, workers, null, cancellationToken), cancellationToken).ConfigureAwait(true);
        DeactivateOnIdle();
        return SpreadPartial.From(sums);
    }
}
