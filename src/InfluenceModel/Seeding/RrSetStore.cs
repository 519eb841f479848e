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

    /// <summary>Appends the sets with stream indices [<see cref="Count"/>, <paramref name="target"/>).</summary>
    void Grow(int target, int parallelism, ProgressReporter reporter, CancellationToken cancellationToken);

    /// <summary>A fresh coverage state over the current sets (no seeds yet).</summary>
    ICoverageState StartCover(int parallelism);

    /// <summary>Number of sets containing at least one node flagged in <paramref name="mask"/>.</summary>
    long CountCovered(bool[] mask);
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
}
