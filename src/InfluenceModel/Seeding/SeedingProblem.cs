using InfluenceModel.Internal;

namespace InfluenceModel.Seeding;

/// <summary>
/// A validated seeding instance in flat arrays: the graph (out-edges for the heuristics, the reverse view for RR
/// sampling) and the request's constraints resolved to node indices. Built once per call by
/// <see cref="InfluenceMaximizer"/>.
/// </summary>
internal sealed class SeedingProblem
{
    public required int NodeCount { get; init; }

    public required int[] OutOffsets { get; init; }

    public required int[] OutTargets { get; init; }

    public required float[] OutWeights { get; init; }

    private readonly Lazy<ReverseInfluenceGraph> _reverse = null!;

    /// <summary>
    /// Builds the reverse view (in-edges with their sampling modes); called at most once, on first use of
    /// <see cref="Reverse"/>. A cluster run's collections sample on the silos, so its client never builds it
    /// (2.5 ms per selection on email-enron).
    /// </summary>
    public required Func<ReverseInfluenceGraph> BuildReverse
    {
        init => _reverse = new Lazy<ReverseInfluenceGraph>(value);
    }

    /// <summary>The reverse view for RR sampling and the heuristics, built on first use.</summary>
    public ReverseInfluenceGraph Reverse => _reverse.Value;

    /// <summary>Free-choice mask (null = every node may be chosen). Forced seeds are excluded from it.</summary>
    public required bool[]? Candidate { get; init; }

    public required int[] Forced { get; init; }

    /// <summary>Number of seeds to choose besides the forced ones (with a budget: the most that may be chosen).</summary>
    public required int FreeSeeds { get; init; }

    /// <summary>Number of nodes the free seeds are chosen from.</summary>
    public required int Choices { get; init; }

    public double[]? Costs { get; init; }

    public double Budget { get; init; }

    public double Epsilon { get; init; } = 0.1;

    /// <summary>The cap on the memory of one RR-set collection (SeedingRequest.MaxRrSetBytes).</summary>
    public long MaxRrSetBytes { get; init; } = SeedingRequest.DefaultMaxRrSetBytes;

    public double Delta { get; init; }

    public ulong Seed { get; init; }

    public int Parallelism { get; init; } = 1;

    public CancellationToken CancellationToken { get; init; }

    public IProgress<ProgressReport>? Progress { get; init; }

    /// <summary>
    /// Creates the RR-set collection of a sample family from its seed; null for the in-process
    /// <see cref="LocalRrSetStore"/>. InfluenceModel.Orleans sets it to collections partitioned over a cluster (R2 is
    /// grown beside R1's greedy only where <see cref="IRrSetStore.GrowsBesideGreedy"/> says so: the overlap saves time
    /// where both run on the same cores and never changes a result).
    /// </summary>
    public Func<ulong, IRrSetStore>? StoreFactory { get; init; }

    /// <summary>A new, empty RR-set collection drawing set i from the stream (<paramref name="familySeed"/>, i).</summary>
    public IRrSetStore CreateStore(ulong familySeed) => StoreFactory?.Invoke(familySeed) ?? new LocalRrSetStore(Reverse, familySeed);

    public bool IsBudgeted => Costs is not null;

    /// <summary>What the forced seeds cost together (0 without costs).</summary>
    public double ForcedCost => Costs is null ? 0 : CostOf(Costs, Forced);

    /// <summary>Σ costs[v] over <paramref name="nodes"/>, in order.</summary>
    public static double CostOf(double[] costs, int[] nodes)
    {
        double sum = 0;
        foreach (int v in nodes)
        {
            sum += costs[v];
        }

        return sum;
    }

    /// <summary>An independent random seed for sample family <paramref name="family"/> (R1, R2, evaluation, …).</summary>
    public ulong FamilySeed(ulong family) => new Xoshiro256(Seed, ulong.MaxValue - family).NextUInt64();

    /// <summary>A throttled reporter for one stage ("sampling", "selecting", "evaluating") of <paramref name="total"/> units.</summary>
    public ProgressReporter Stage(string stage, long total) => new(Progress, stage, total);

    /// <summary>Reports a stage step directly (coarse steps: one per greedy pick or per round).</summary>
    public void Report(string stage, long completed, long total) =>
        Progress?.Report(new ProgressReport(stage, completed, total));
}
