using System.Globalization;
using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// A convention that sets every arc's weight to its propagation probability p(u,v) (independent cascade) or influence
/// weight w(u,v) (linear threshold): <see cref="Uniform(double)"/>, <see cref="WeightedCascade"/>,
/// <see cref="Trivalency(ulong)"/> or <see cref="FromWeights"/>. Apply one with
/// <see cref="SocialGraph.WithEdgeProbabilities(EdgeProbabilities)"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// References: Kempe, Kleinberg and Tardos (2003), "Maximizing the spread of influence through a social network", KDD
/// (uniform and weighted cascade); Chen, Wang and Yang (2009/2010), KDD (trivalency {0.1, 0.01, 0.001}).
/// </remarks>
public abstract class EdgeProbabilities
{
    /// <summary>Slack allowed above 1 in an LT in-weight sum, for the rounding of <see cref="float"/> weights such as 1/indeg.</summary>
    internal const double LinearThresholdTolerance = 1e-5;

    private static readonly float[] TrivalencyValues = [0.1f, 0.01f, 0.001f];

    private protected EdgeProbabilities()
    {
    }

    /// <summary>The weighted cascade: p(u,v) = 1 / indeg(v), so that every node's incoming weights sum to exactly 1 (a valid LT graph).</summary>
    public static EdgeProbabilities WeightedCascade { get; } = new Computed("weighted cascade", new(EdgeProbabilityKind.WeightedCascade, 0, 0), (graph, _, v) => 1f / graph.InDegree(v));

    /// <summary>
    /// Keeps the graph's own weights as probabilities after checking that each lies in [0, 1]; a graph without weights
    /// of its own (<see cref="SocialGraph.HasWeights"/> false) is refused with an <see cref="ArgumentException"/>.
    /// </summary>
    public static EdgeProbabilities FromWeights { get; } = new Given();

    /// <summary>The same probability on every arc.</summary>
    /// <param name="probability">p ∈ [0, 1], e.g. 0.01 (Kempe et al. 2003 used 0.01 and 0.1).</param>
    /// <returns>The convention.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1] or NaN.</exception>
    public static EdgeProbabilities Uniform(double probability)
    {
        float p = (float)Guard.Probability(probability);
        return new Computed(string.Create(CultureInfo.InvariantCulture, $"uniform {probability}"), new(EdgeProbabilityKind.Uniform, probability, 0), (_, _, _) => p);
    }

    /// <summary>
    /// Trivalency: each arc gets 0.1, 0.01 or 0.001 with equal chance, drawn from a hash of (<paramref name="seed"/>,
    /// u, v) so that the draw is the same in both CSR orders and for any thread count.
    /// </summary>
    /// <param name="seed">The random seed; default 0.</param>
    /// <returns>The convention.</returns>
    public static EdgeProbabilities Trivalency(ulong seed = 0) => new Computed(
        string.Create(CultureInfo.InvariantCulture, $"trivalency (seed {seed})"),
        new(EdgeProbabilityKind.Trivalency, 0, seed),
        (_, u, v) => TrivalencyValues[(int)(Hash(seed, u, v) % 3)]);

    /// <summary>Checks that every arc weight of <paramref name="graph"/> is a probability in [0, 1] (independent cascade, per-arc word of mouth).</summary>
    /// <exception cref="ArgumentException">A weight is outside [0, 1] or NaN (the message names the arc by its input ids).</exception>
    internal static void ValidateIndependentCascade(SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int[] offsets = graph.OutOffsetArray;
        int[] targets = graph.OutTargetArray;
        float[] weights = graph.OutWeightArray;
        for (int u = 0; u < graph.NodeCount; u++)
        {
            for (int e = offsets[u]; e < offsets[u + 1]; e++)
            {
                if (!(weights[e] >= 0f && weights[e] <= 1f))
                {
                    throw new ArgumentException(
                        $"Arc probabilities (independent cascade, per-arc word of mouth) must lie in [0, 1]; the arc '{graph.NodeId(u)}' → '{graph.NodeId(targets[e])}' has {weights[e]} (use EdgeProbabilities).",
                        nameof(graph));
                }
            }
        }
    }

    /// <summary>
    /// Checks that <paramref name="graph"/>'s weights are valid linear-threshold weights: each in [0, 1] and, for every
    /// node v, Σ_u w(u,v) ≤ 1 (up to 1e-5 for float rounding).
    /// </summary>
    /// <param name="graph">The graph whose weights are the LT influence weights.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentException">A weight is outside [0, 1] or a node's incoming weights sum above 1; the message names the node by its input id.</exception>
    public static void ValidateLinearThreshold(SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int[] offsets = graph.InOffsetArray;
        float[] weights = graph.InWeightArray;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            double sum = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                float w = weights[e];
                if (!(w >= 0f && w <= 1f))
                {
                    throw new ArgumentException($"Linear-threshold weights must lie in [0, 1]; an arc into node '{graph.NodeId(v)}' has {w}.", nameof(graph));
                }

                sum += w;
            }

            if (sum > 1 + LinearThresholdTolerance)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Linear-threshold weights into node '{graph.NodeId(v)}' sum to {sum:G6}; they must sum to ≤ 1 (use EdgeProbabilities.WeightedCascade)."),
                    nameof(graph));
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>A short description, e.g. "weighted cascade".</summary>
    public abstract string Name { get; }

    internal abstract SocialGraph Apply(SocialGraph graph);

    /// <summary>
    /// The convention as plain data (kind and parameter), so that another process can rebuild the same convention with
    /// <see cref="FromDefinition"/>: InfluenceModel.Orleans sends it to the silos, which apply it to the graph file they
    /// load, identically to the client.
    /// </summary>
    internal abstract EdgeProbabilityDefinition Definition { get; }

    /// <summary>The convention of <paramref name="definition"/> (the inverse of <see cref="Definition"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind is unknown, or a uniform probability lies outside [0, 1].</exception>
    internal static EdgeProbabilities FromDefinition(EdgeProbabilityDefinition definition) => definition.Kind switch
    {
        EdgeProbabilityKind.WeightedCascade => WeightedCascade,
        EdgeProbabilityKind.FromWeights => FromWeights,
        EdgeProbabilityKind.Uniform => Uniform(definition.Probability),
        EdgeProbabilityKind.Trivalency => Trivalency(definition.Seed),
        _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, "The edge-probability kind must be weighted cascade, given weights, uniform or trivalency."),
    };

    private static ulong Hash(ulong seed, int u, int v)
    {
        ulong z = seed ^ ((ulong)(uint)u << 32 | (uint)v) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private sealed class Computed(string name, EdgeProbabilityDefinition definition, Func<SocialGraph, int, int, float> probability) : EdgeProbabilities
    {
        public override string Name => name;

        internal override EdgeProbabilityDefinition Definition => definition;

        internal override SocialGraph Apply(SocialGraph graph)
        {
            int n = graph.NodeCount;
            int[] outOffsets = graph.OutOffsetArray, targets = graph.OutTargetArray;
            int[] inOffsets = graph.InOffsetArray, sources = graph.InSourceArray;
            var outWeights = new float[targets.Length];
            var inWeights = new float[sources.Length];
            for (int u = 0; u < n; u++)
            {
                for (int e = outOffsets[u]; e < outOffsets[u + 1]; e++)
                {
                    outWeights[e] = probability(graph, u, targets[e]);
                }
            }

            for (int v = 0; v < n; v++)
            {
                for (int e = inOffsets[v]; e < inOffsets[v + 1]; e++)
                {
                    inWeights[e] = probability(graph, sources[e], v);
                }
            }

            return graph.WithWeightArrays(outWeights, inWeights);
        }
    }

    private sealed class Given : EdgeProbabilities
    {
        public override string Name => "given weights";

        internal override EdgeProbabilityDefinition Definition => new(EdgeProbabilityKind.FromWeights, 0, 0);

        internal override SocialGraph Apply(SocialGraph graph)
        {
            if (!graph.HasWeights)
            {
                throw new ArgumentException(
                    "The graph's arcs have no weights of their own (a graph file converted from an edge list without a third column, or a generated graph), so they cannot be the probabilities; choose another convention such as weighted cascade, or convert an edge list that has weights.",
                    nameof(graph));
            }

            ValidateIndependentCascade(graph);
            return graph;
        }
    }
}

/// <summary>The kinds of <see cref="EdgeProbabilities"/>.</summary>
internal enum EdgeProbabilityKind
{
    /// <summary><see cref="EdgeProbabilities.WeightedCascade"/>.</summary>
    WeightedCascade,

    /// <summary><see cref="EdgeProbabilities.FromWeights"/>.</summary>
    FromWeights,

    /// <summary><see cref="EdgeProbabilities.Uniform(double)"/> with <see cref="EdgeProbabilityDefinition.Probability"/>.</summary>
    Uniform,

    /// <summary><see cref="EdgeProbabilities.Trivalency(ulong)"/> with <see cref="EdgeProbabilityDefinition.Seed"/>.</summary>
    Trivalency,
}

/// <summary>An <see cref="EdgeProbabilities"/> convention as data: its kind, the uniform probability and the trivalency seed (0 when unused).</summary>
internal readonly record struct EdgeProbabilityDefinition(EdgeProbabilityKind Kind, double Probability, ulong Seed);
