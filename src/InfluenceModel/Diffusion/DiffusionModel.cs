using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Diffusion;

/// <summary>
/// A stochastic diffusion model on a <see cref="SocialGraph"/> whose arc weights are the model's propagation
/// probabilities or influence weights (see <see cref="EdgeProbabilities"/>): <see cref="IndependentCascade"/>,
/// <see cref="LinearThreshold"/> or <see cref="KelmanInfluence"/>. Models are immutable and thread-safe; estimate
/// expected spreads with <see cref="SpreadEstimator"/>.
/// </summary>
public abstract class DiffusionModel
{
    private protected DiffusionModel()
    {
    }

    /// <summary>A short name, e.g. "IC".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Simulates one cascade and returns its per-period trace. It is simulation 0 of
    /// <see cref="SpreadEstimator.Estimate"/> with the same <paramref name="seed"/> (the same random stream).
    /// </summary>
    /// <param name="graph">The graph; its weights are this model's probabilities or weights.</param>
    /// <param name="seeds">Dense indices of the seed nodes (see <see cref="SocialGraph.IndicesOf(IEnumerable{string})"/>); duplicates ignored.</param>
    /// <param name="seed">The random seed; default 0.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="seeds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A seed is outside [0, node count).</exception>
    /// <exception cref="ArgumentException">The graph's weights do not suit the model (e.g. LT in-weights summing above 1).</exception>
    public DiffusionTrace Simulate(SocialGraph graph, IReadOnlyList<int> seeds, ulong seed = 0)
    {
        int[] seedArray = CheckInputs(graph, seeds);
        var run = Prepare(graph)();
        run.ReportsAttitudes = true;
        var periods = new List<DiffusionPeriod>();
        var rng = new Xoshiro256(seed, 0);
        run.Run(seedArray, ref rng, periods);
        var counts = new int[graph.NodeCount];
        run.AddAdopters(counts);
        var adopters = new List<string>();
        for (int v = 0; v < counts.Length; v++)
        {
            if (counts[v] > 0)
            {
                adopters.Add(graph.NodeId(v));
            }
        }

        return new DiffusionTrace(Name, periods, adopters, run.Attitudes(graph));
    }

    /// <summary>Validates the graph for this model and returns a factory of per-thread runners sharing the prepared data.</summary>
    internal abstract Func<CascadeRun> Prepare(SocialGraph graph);

    /// <summary>Validates the graph and seeds; returns the distinct seeds in first-seen order.</summary>
    internal static int[] CheckInputs(SocialGraph graph, IReadOnlyList<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(seeds);
        var result = new List<int>(seeds.Count);
        var seen = new HashSet<int>();
        for (int i = 0; i < seeds.Count; i++)
        {
            int s = seeds[i];
            if ((uint)s >= (uint)graph.NodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(seeds), s, $"seeds[{i}] must be a node index in [0, {graph.NodeCount}); it was {s}.");
            }

            if (seen.Add(s))
            {
                result.Add(s);
            }
        }

        return [.. result];
    }
}

/// <summary>
/// Per-thread scratch state that runs cascades one after another (buffers reused, never cleared wholesale).
/// Not thread-safe; one per worker.
/// </summary>
internal abstract class CascadeRun
{
    /// <summary>
    /// Cancels a run in progress: models whose single run can take longer than a few milliseconds (Kelman, one O(n + m)
    /// sweep per period) check it between periods. Default none.
    /// </summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>
    /// Whether <see cref="Attitudes"/> will be read after the run. A model that skips the attitudes that cannot affect
    /// adoption (Kelman) follows every attitude when this is set. Default false.
    /// </summary>
    public bool ReportsAttitudes { get; set; }

    /// <summary>Runs one cascade from <paramref name="seeds"/>; returns the final number of adopters.</summary>
    public abstract int Run(ReadOnlySpan<int> seeds, ref Xoshiro256 rng, List<DiffusionPeriod>? trace);

    /// <summary>Adds 1 to <paramref name="counts"/>[v] for every final adopter v of the last run.</summary>
    public abstract void AddAdopters(int[] counts);

    /// <summary>The final private attitudes of the last run, or null when the model has none.</summary>
    public virtual IReadOnlyList<NodeValue>? Attitudes(SocialGraph graph) => null;
}
