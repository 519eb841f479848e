using InfluenceModel.Diffusion;
using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Seeding;

/// <summary>
/// What to seed and under which constraints: the graph, the diffusion model, the number of seeds k, the accuracy
/// (ε, δ), the algorithm, a candidate set (e.g. only employees can be brand ambassadors), forced seeds (existing
/// ambassadors) and optional node costs with a budget. How to compute it (random seed, parallelism, CELF's Monte-Carlo
/// runs) is a <see cref="SimulationOptions"/>; progress and cancellation are parameters of
/// <see cref="InfluenceMaximizer.Select"/>.
/// </summary>
/// <remarks>
/// <para>
/// Node indices are the graph's dense indices 0..n−1; map input-file ids with
/// <see cref="SocialGraph.IndicesOf(IEnumerable{string})"/>. The graph and each property are checked when they are
/// set; what needs several properties together (indices in range, k not above the number of candidates, costs per node
/// with a budget) is checked by <see cref="InfluenceMaximizer.Select"/> (ParamName "request.&lt;property&gt;").
/// </para>
/// <para>Immutable: lists are copied when set. Thread-safe.</para>
/// </remarks>
public sealed record SeedingRequest
{
    private readonly int[]? _candidates;
    private readonly int[] _forcedSeeds = [];
    private readonly double[]? _costs;

    /// <summary>A request for <paramref name="k"/> seeds in <paramref name="graph"/> under <paramref name="model"/>, everything else at its default.</summary>
    /// <param name="graph">The social graph; at least one node, arc weights in [0, 1] (IC probabilities) or, for LT, in-weights summing to ≤ 1 into every node.</param>
    /// <param name="model">
    /// The diffusion model: an <see cref="IndependentCascade"/> or a <see cref="LinearThreshold"/> (every algorithm), or
    /// a <see cref="KelmanInfluence"/> model with <see cref="Algorithm"/> = <see cref="SeedingAlgorithm.CelfGreedy"/>
    /// only (reverse-reachable sets exist for IC and LT; the Kelman model has no such dual, and its spread need not be
    /// submodular, so CELF on it carries no approximation guarantee). The algorithm is checked by
    /// <see cref="InfluenceMaximizer.Select"/>.
    /// </param>
    /// <param name="k">Number of seeds in total, forced seeds included. Range 1 to 1,000,000.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="model"/> is not independent cascade, linear threshold or Kelman; the graph is empty or its weights
    /// do not suit the model (ParamName "graph"; LT and Kelman need in-weights summing to ≤ 1).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is out of range.</exception>
    public SeedingRequest(SocialGraph graph, DiffusionModel model, int k)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(model);
        if (model is not (IndependentCascade or LinearThreshold or KelmanInfluence))
        {
            throw new ArgumentException($"Seeding supports the independent cascade, linear threshold and Kelman models; {model.Name} is none of them.", nameof(model));
        }

        K = Guard.InRange(k, 1, 1_000_000);
        if (graph.NodeCount == 0)
        {
            throw new ArgumentException("The graph has no nodes; there is nothing to seed.", nameof(graph));
        }

        if (model is LinearThreshold or KelmanInfluence)
        {
            EdgeProbabilities.ValidateLinearThreshold(graph);
        }
        else
        {
            EdgeProbabilities.ValidateIndependentCascade(graph);
        }

        Graph = graph;
        Model = model;
    }

    /// <summary>The social graph; its arc weights are the IC probabilities or LT weights.</summary>
    public SocialGraph Graph { get; }

    /// <summary>The diffusion model (<see cref="IndependentCascade"/>, <see cref="LinearThreshold"/>, or <see cref="KelmanInfluence"/> with CELF).</summary>
    public DiffusionModel Model { get; }

    /// <summary>
    /// Number of seeds, forced seeds included (1 to 1,000,000). With costs and a budget it is the largest number of
    /// seeds accepted; the budget usually binds first.
    /// </summary>
    public int K { get; }

    /// <summary>
    /// The accuracy ε of the (1 − 1/e − ε) guarantee of OPIM-C and IMM, in (0, 1); default 0.1. Smaller is slower
    /// (sample sizes grow as 1/ε²).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double Epsilon
    {
        get;
        init => field = Guard.InOpenRange(value, 0, 1, nameof(Epsilon));
    } = 0.1;

    /// <summary>The failure probability δ of the guarantee, in (0, 1); null (the default) means 1/n.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double? Delta
    {
        get;
        init => field = value is { } d ? Guard.InOpenRange(d, 0, 1, nameof(Delta)) : null;
    }

    /// <summary>The default <see cref="MaxRrSetBytes"/>: 4 GiB.</summary>
    public const long DefaultMaxRrSetBytes = 4L << 30;

    /// <summary>
    /// The most memory the reverse-reachable sets of <see cref="SeedingAlgorithm.Opimc"/> and <see cref="SeedingAlgorithm.Imm"/>
    /// may take, in bytes (the sets and their coverage index, per collection); default 4 GiB, range 1 MiB to 1 TiB. Before
    /// each round of sampling the need is estimated from the sets already drawn (their average size; 1 node before the
    /// first) and a round that would exceed the cap is refused with the estimate ("needs ≈ 41 GB of RR sets; raise ε or
    /// lower k"), as an <see cref="ArgumentOutOfRangeException"/> naming <see cref="Epsilon"/>. Sample sizes grow as 1/ε²:
    /// ε = 1e-7 needs about 10⁹ sets however small they are, and aborted the process before this cap existed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [1 MiB, 1 TiB].</exception>
    public long MaxRrSetBytes
    {
        get;
        init => field = value is >= 1L << 20 and <= 1L << 40
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxRrSetBytes), value, $"MaxRrSetBytes must be in [{1L << 20}, {1L << 40}] (1 MiB to 1 TiB); it was {value}.");
    } = DefaultMaxRrSetBytes;

    /// <summary>The algorithm; default <see cref="SeedingAlgorithm.Opimc"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="SeedingAlgorithm"/>.</exception>
    public SeedingAlgorithm Algorithm
    {
        get;
        init => field = Guard.Defined(value, nameof(Algorithm));
    } = SeedingAlgorithm.Opimc;

    /// <summary>The nodes that may be chosen (null, the default, = every node). Forced seeds need not be in it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative.</exception>
    public IReadOnlyList<int>? Candidates
    {
        get => _candidates;
        init => _candidates = value is null ? null : CopyIndices(value, nameof(Candidates));
    }

    /// <summary>Seeds that are always part of the result (existing ambassadors), listed first. Default none.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative.</exception>
    /// <exception cref="ArgumentException">An index is repeated.</exception>
    public IReadOnlyList<int> ForcedSeeds
    {
        get => _forcedSeeds;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(ForcedSeeds));
            int[] copy = CopyIndices(value, nameof(ForcedSeeds));
            if (copy.Distinct().Count() != copy.Length)
            {
                throw new ArgumentException("ForcedSeeds must not repeat a node.", nameof(ForcedSeeds));
            }

            _forcedSeeds = copy;
        }
    }

    /// <summary>
    /// The cost of seeding each node (one finite value &gt; 0 per node, in the budget's currency), or null (the default)
    /// for a plain cardinality constraint. Requires <see cref="Budget"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A cost is not finite or not &gt; 0.</exception>
    public IReadOnlyList<double>? Costs
    {
        get => _costs;
        init
        {
            if (value is null)
            {
                _costs = null;
                return;
            }

            var copy = new double[value.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = value[i] is >= NumericLimits.MinScale and <= NumericLimits.MaxAmount
                    ? value[i]
                    : throw new ArgumentOutOfRangeException(nameof(Costs), value[i], $"Costs[{i}] must be a finite number in [{NumericLimits.MinScale}, {NumericLimits.MaxAmount}]; it was {value[i]}.");
            }

            _costs = copy;
        }
    }

    /// <summary>The budget for <see cref="Costs"/> (finite, &gt; 0), or null (the default) without costs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or not &gt; 0.</exception>
    public double? Budget
    {
        get;
        init => field = value is { } b ? Guard.PositiveAmount(b, nameof(Budget)) : null;
    }

    private static int[] CopyIndices(IReadOnlyList<int> values, string name)
    {
        var copy = new int[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i] >= 0
                ? values[i]
                : throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] must be a node index ≥ 0; it was {values[i]}.");
        }

        return copy;
    }
}
