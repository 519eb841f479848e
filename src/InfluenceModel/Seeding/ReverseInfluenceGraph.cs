namespace InfluenceModel.Seeding;

/// <summary>
/// The in-edges of a graph prepared for reverse-reachable (RR) set sampling: in-adjacency in compressed sparse rows
/// plus, per node, how its in-edges are sampled (<see cref="Modes"/>), the IC thresholds pre-scaled to 2^32 or the LT
/// cumulative weights. Immutable once built; shared read-only by all sampling threads.
/// </summary>
internal sealed class ReverseInfluenceGraph
{
    /// <summary>
    /// Per-node coin flips cost one random draw per in-edge, geometric skipping one logarithm per kept edge plus one:
    /// skipping wins when in-degree &gt; <see cref="SkipAdvantage"/>·(1 + expected kept edges).
    /// </summary>
    private const double SkipAdvantage = 12.0;

    /// <summary>
    /// <see cref="SamplingMode.BinomialPick"/> costs one draw plus one per live in-edge, so it is used when the in-degree is
    /// at least 3 and the expected number of live in-edges d·p at most 4 (always, under weighted cascade: d·p = 1).
    /// </summary>
    private const int MinimumPickDegree = 3;

    private const double MaximumPickMean = 4.0;

    private ReverseInfluenceGraph(int nodeCount, int[] inOffsets, int[] inSources)
    {
        NodeCount = nodeCount;
        InOffsets = inOffsets;
        InSources = inSources;
        Modes = new SamplingMode[nodeCount];
        NodeThreshold = new ulong[nodeCount];
        NodeValue = new double[nodeCount];
    }

    /// <summary>How the in-edges of one node are sampled.</summary>
    public enum SamplingMode : byte
    {
        /// <summary>No in-edge can be live (none, or all probabilities/weights 0).</summary>
        None,

        /// <summary>IC, every in-edge has p = 1: all are kept.</summary>
        All,

        /// <summary>IC, one shared p: one coin per edge against <see cref="NodeThreshold"/>.</summary>
        UniformCoins,

        /// <summary>IC, one shared p, high degree: geometric skipping with <see cref="NodeValue"/> = ln(1 − p) (SUBSIM).</summary>
        UniformSkip,

        /// <summary>
        /// IC, one shared p = <see cref="NodeValue"/> and few expected live in-edges (weighted cascade): the number of
        /// live in-edges c ~ Binomial(d, p) is read from one 32-bit draw against <see cref="CountThresholds"/>, then c
        /// distinct in-edges are picked uniformly.
        /// </summary>
        BinomialPick,

        /// <summary>IC, different p per edge: one coin per edge against <see cref="EdgeThreshold"/>.</summary>
        MixedCoins,

        /// <summary>LT, one shared weight <see cref="NodeValue"/>: the picked slot is ⌊U/w⌋.</summary>
        UniformWalk,

        /// <summary>LT, different weights: binary search in <see cref="CumulativeWeight"/>.</summary>
        MixedWalk,
    }

    public int NodeCount { get; }

    /// <summary>In-edges of v are InSources[InOffsets[v]..InOffsets[v+1]).</summary>
    public int[] InOffsets { get; }

    public int[] InSources { get; }

    public SamplingMode[] Modes { get; }

    /// <summary>The shared in-edge probability as ⌊p·2^32⌋ (mode <see cref="SamplingMode.UniformCoins"/>).</summary>
    public ulong[] NodeThreshold { get; }

    /// <summary>ln(1 − p) for <see cref="SamplingMode.UniformSkip"/>; the shared weight for <see cref="SamplingMode.UniformWalk"/>.</summary>
    public double[] NodeValue { get; }

    /// <summary>
    /// For <see cref="SamplingMode.BinomialPick"/> nodes, at [4v + j] for j = 0..3: ⌊P(Binomial(d, p) ≤ j)·2^32⌋
    /// (2^32 − 1 when 1), compared with a 32-bit draw — the same 2^−32 resolution as the coin flips. 16 bytes per node, so
    /// the hot part of the table stays in the core's cache; allocated only when some node uses that mode.
    /// </summary>
    public uint[] CountThresholds { get; private set; } = [];

    /// <summary>Per edge ⌊p·2^32⌋ (2^32 for p = 1); allocated only when some node has mixed probabilities.</summary>
    public ulong[] EdgeThreshold { get; private set; } = [];

    /// <summary>LT, per edge: the running sum of the target's in-weights up to this edge; only for mixed nodes' graphs.</summary>
    public double[] CumulativeWeight { get; private set; } = [];

    public bool IsLinearThreshold { get; private set; }

    /// <summary>
    /// Builds the sampler's view from in-edge CSR arrays. <paramref name="inProbabilities"/> are IC probabilities or LT
    /// weights per in-edge (already validated: finite, in [0, 1], LT sums ≤ 1).
    /// </summary>
    public static ReverseInfluenceGraph Create(int nodeCount, int[] inOffsets, int[] inSources, ReadOnlySpan<float> inProbabilities, bool linearThreshold)
    {
        var g = new ReverseInfluenceGraph(nodeCount, inOffsets, inSources) { IsLinearThreshold = linearThreshold };
        for (int v = 0; v < nodeCount; v++)
        {
            int start = inOffsets[v], end = inOffsets[v + 1];
            bool uniform = true, anyPositive = false;
            for (int e = start; e < end; e++)
            {
                uniform &= inProbabilities[e] == inProbabilities[start];
                anyPositive |= inProbabilities[e] > 0;
            }

            if (!anyPositive)
            {
                g.Modes[v] = SamplingMode.None;
                continue;
            }

            double p = inProbabilities[start];
            int degree = end - start;
            if (linearThreshold)
            {
                g.Modes[v] = uniform ? SamplingMode.UniformWalk : SamplingMode.MixedWalk;
                g.NodeValue[v] = uniform ? p : double.NaN;
            }
            else if (!uniform)
            {
                g.Modes[v] = SamplingMode.MixedCoins;
            }
            else if (p >= 1.0)
            {
                g.Modes[v] = SamplingMode.All;
            }
            else if (degree >= MinimumPickDegree && degree * p <= MaximumPickMean)
            {
                g.Modes[v] = SamplingMode.BinomialPick;
                g.NodeValue[v] = p;
            }
            else if (degree > SkipAdvantage * (1.0 + (degree * p)))
            {
                g.Modes[v] = SamplingMode.UniformSkip;
                g.NodeValue[v] = Math.Log(1.0 - p);
            }
            else
            {
                g.Modes[v] = SamplingMode.UniformCoins;
                g.NodeThreshold[v] = Threshold(p);
            }
        }

        g.FillEdgeArrays(inProbabilities);
        g.FillCountThresholds();
        return g;
    }

    /// <summary>
    /// The number of live in-edges of a <see cref="SamplingMode.BinomialPick"/> node given the 32-bit draw
    /// <paramref name="u"/> that was at or above <see cref="CountThresholds"/>[4v + 3], i.e. a count of at least 4:
    /// continues the inverse binomial distribution function in double precision. Never more than the in-degree.
    /// </summary>
    public int TailCount(int node, uint u)
    {
        int degree = InOffsets[node + 1] - InOffsets[node];
        double p = NodeValue[node];
        double x = (u + 0.5) * (1.0 / 4294967296.0);
        double pmf = Math.Exp(degree * Math.Log(1.0 - p)), cdf = pmf, odds = p / (1.0 - p);
        int c = 0;
        while (c < degree && (c < 4 || x >= cdf))
        {
            pmf *= (degree - c) * odds / (c + 1);
            c++;
            cdf += pmf;
        }

        return c;
    }

    private void FillCountThresholds()
    {
        if (Array.IndexOf(Modes, SamplingMode.BinomialPick) < 0)
        {
            return;
        }

        CountThresholds = new uint[4 * NodeCount];
        for (int v = 0; v < NodeCount; v++)
        {
            if (Modes[v] != SamplingMode.BinomialPick)
            {
                continue;
            }

            int degree = InOffsets[v + 1] - InOffsets[v];
            double p = NodeValue[v];
            double pmf = Math.Exp(degree * Math.Log(1.0 - p)), cdf = pmf, odds = p / (1.0 - p);
            for (int j = 0; j < 4; j++)
            {
                CountThresholds[(4 * v) + j] = cdf >= 1.0 || j >= degree ? uint.MaxValue : (uint)(cdf * 4294967296.0);
                pmf *= (degree - j) * odds / (j + 1);
                cdf += pmf;
            }
        }
    }

    /// <summary>⌊p·2^32⌋, or 2^32 for p ≥ 1: a uniform 32-bit draw is below it with probability p.</summary>
    public static ulong Threshold(double p) => p >= 1.0 ? 1UL << 32 : (ulong)(p * 4294967296.0);

    private void FillEdgeArrays(ReadOnlySpan<float> inProbabilities)
    {
        var mixed = IsLinearThreshold ? SamplingMode.MixedWalk : SamplingMode.MixedCoins;
        if (Array.IndexOf(Modes, mixed) < 0)
        {
            return;
        }

        if (IsLinearThreshold)
        {
            CumulativeWeight = new double[InSources.Length];
        }
        else
        {
            EdgeThreshold = new ulong[InSources.Length];
        }

        for (int v = 0; v < NodeCount; v++)
        {
            if (Modes[v] != mixed)
            {
                continue;
            }

            double sum = 0;
            for (int e = InOffsets[v]; e < InOffsets[v + 1]; e++)
            {
                if (IsLinearThreshold)
                {
                    sum += inProbabilities[e];
                    CumulativeWeight[e] = sum;
                }
                else
                {
                    EdgeThreshold[e] = Threshold(inProbabilities[e]);
                }
            }
        }
    }
}
