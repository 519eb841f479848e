using InfluenceModel.Internal;

namespace InfluenceModel.Seeding;

/// <summary>
/// The greedy's view of coverage over a collection of RR sets, wherever the sets live: the current marginal coverage of
/// every node and the operation "make this node a seed". <see cref="MaxCoverage"/> drives it; the local implementation
/// walks an inverted index, a distributed one (InfluenceModel.Orleans) sums the partitions' counts, which are exact
/// integers, so the greedy picks the same seeds in the same order wherever the sets are.
/// </summary>
internal interface ICoverageState
{
    /// <summary>Current marginal coverage per node: the number of not yet covered sets that contain it.</summary>
    int[] Coverage { get; }

    /// <summary>Whether each node is a seed.</summary>
    bool[] IsSeed { get; }

    /// <summary>Number of sets covered by the seeds so far.</summary>
    long Covered { get; }

    /// <summary>Makes <paramref name="seed"/> a seed (0 when it already is one), lowers <see cref="Coverage"/>; returns its gain.</summary>
    int Cover(int seed);
}

/// <summary>
/// One RR-set collection of one sample family (R1, R2, IMM's final sets, an evaluation sample): set number i is always
/// drawn from the stream (family seed, i), so the collection's content depends only on its size. OPIM-C and IMM in
/// <see cref="ReverseReachableSeeding"/> use nothing else of the sets, which is the seam for storing them across
/// machines (InfluenceModel.Orleans partitions them by index range).
/// </summary>
internal interface IRrSetStore
{
    /// <summary>Number of sets.</summary>
    int Count { get; }

    /// <summary>Number of node entries over all sets.</summary>
    long TotalSize { get; }

    /// <summary>
    /// Whether OPIM-C may grow another collection on fewer workers while this one runs its greedy (both on the same
    /// machine's cores: in process, or one partition each on a silo); the overlap saves time and never changes a result.
    /// </summary>
    bool GrowsBesideGreedy { get; }

    /// <summary>Appends the sets with stream indices [<see cref="Count"/>, <paramref name="target"/>).</summary>
    void Grow(int target, int parallelism, ProgressReporter reporter, CancellationToken cancellationToken);

    /// <summary>A fresh coverage state over the current sets (no seeds yet).</summary>
    ICoverageState StartCover(int parallelism);

    /// <summary>Number of sets containing at least one node flagged in <paramref name="mask"/>.</summary>
    long CountCovered(bool[] mask);

    /// <summary>
    /// Runs <paramref name="task"/> over a fresh coverage state of the current sets (as
    /// <c>task.Run(StartCover(parallelism), …)</c> does): where the sets live in one place the whole greedy can run
    /// there in one step instead of one exchange per pick; the picks, gains and bound are those of
    /// <see cref="GreedyTask.Run"/> over the same sets.
    /// </summary>
    CoverageResult Greedy(GreedyTask task, int parallelism, CancellationToken cancellationToken);
}

/// <summary>
/// One greedy maximum-coverage run over an RR-set collection, as data (so that it can run where the sets are): the
/// cardinality greedy of <see cref="MaxCoverage.Greedy(ICoverageState, int, bool[], ReadOnlySpan{int}, int, bool, CancellationToken)"/>
/// when <see cref="Costs"/> is null, else the budgeted greedy with <see cref="K"/> as its most seeds.
/// </summary>
/// <param name="Candidate">Free-choice mask (null = every node).</param>
/// <param name="Forced">Seeds taken first, in order.</param>
/// <param name="K">Free seeds to pick (budgeted: the most seeds in all, forced included).</param>
/// <param name="ComputeUpperBound">Whether to compute OPIM-C's bound (cardinality greedy only).</param>
internal sealed record GreedyTask(bool[]? Candidate, int[] Forced, int K, bool ComputeUpperBound)
{
    /// <summary>Per-node costs for the budgeted greedy; null for the cardinality greedy.</summary>
    public double[]? Costs { get; init; }

    /// <summary>The budget of the budgeted greedy.</summary>
    public double Budget { get; init; }

    /// <summary>Budgeted greedy by gain per unit cost (true) or by gain (false).</summary>
    public bool ByRatio { get; init; }

    /// <summary>Runs the greedy over <paramref name="state"/>.</summary>
    public CoverageResult Run(ICoverageState state, int nodeCount, CancellationToken cancellationToken) =>
        Costs is null
            ? MaxCoverage.Greedy(state, nodeCount, Candidate, Forced, K, ComputeUpperBound, cancellationToken)
            : MaxCoverage.BudgetedGreedy(state, nodeCount, Candidate, Forced, Costs, Budget, K, ByRatio, cancellationToken);
}

/// <summary>The in-process <see cref="IRrSetStore"/>: a flat <see cref="RrSetCollection"/> and its inverted index.</summary>
internal sealed class LocalRrSetStore(ReverseInfluenceGraph graph, ulong seed) : IRrSetStore
{
    private CoverageIndex? _index;
    private int _indexed = -1;

    /// <summary>The sets (for tests and the distributed partitions, which hold one collection each).</summary>
    public RrSetCollection Sets { get; } = new();

    public int Count => Sets.Count;

    public long TotalSize => Sets.TotalSize;

    public bool GrowsBesideGreedy => true;

    public void Grow(int target, int parallelism, ProgressReporter reporter, CancellationToken cancellationToken) =>
        Grow(Sets.Count, target - Sets.Count, parallelism, reporter, cancellationToken);

    /// <summary>Appends <paramref name="count"/> sets with stream indices from <paramref name="firstIndex"/> (a partition's range).</summary>
    public void Grow(long firstIndex, int count, int parallelism, ProgressReporter? reporter, CancellationToken cancellationToken) =>
        RrSampler.Generate(graph, Sets, seed, firstIndex, count, parallelism, cancellationToken, reporter);

    public ICoverageState StartCover(int parallelism)
    {
        if (_index is null || _indexed != Sets.Count)
        {
            _index = CoverageIndex.Build(Sets, graph.NodeCount, parallelism);
            _indexed = Sets.Count;
        }

        return new MaxCoverage.CoverState(Sets, _index, graph.NodeCount);
    }

    public long CountCovered(bool[] mask) => Sets.CountCovered(mask);

    public CoverageResult Greedy(GreedyTask task, int parallelism, CancellationToken cancellationToken) =>
        task.Run(StartCover(parallelism), graph.NodeCount, cancellationToken);
}
