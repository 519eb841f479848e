using InfluenceModel.Internal;

namespace InfluenceModel.Opinions;

/// <summary>
/// Per-thread scratch state that runs one model's simulations one after another (buffers reused). Not thread-safe; one
/// per worker. The shared, read-only per-graph data lives in the *Data classes.
/// </summary>
internal abstract class OpinionRun
{
    /// <summary>Node values are summed in fixed point with this scale (2³²), so sums are exact integers whatever the parallelism.</summary>
    public const double FixedScale = 4294967296.0;

    /// <summary>How many entries <see cref="Summarise"/> adds to.</summary>
    public abstract int ShareCount { get; }

    /// <summary>Puts the run in the request's initial state; returns whether that state is already absorbing.</summary>
    public abstract bool Start();

    /// <summary>
    /// Puts the run in the state where the nodes <paramref name="ones"/> hold 1 (opinion 1; telling) and every other node
    /// 0, instead of the request's initial state (a campaign's word of mouth from each period's seeds); duplicates are
    /// ignored. Returns whether that state is already absorbing.
    /// </summary>
    public abstract bool StartFrom(ReadOnlySpan<int> ones);

    /// <summary>Runs one period; returns whether the run has converged or been absorbed.</summary>
    public abstract bool Step(ref Xoshiro256 rng);

    /// <summary>Adds the current node counts per share to <paramref name="shares"/>; returns the mean, smallest and largest node value.</summary>
    public abstract (double Mean, double Min, double Max) Summarise(Span<long> shares);

    /// <summary>Adds every node's final value × <see cref="FixedScale"/> (rounded) to <paramref name="sums"/>.</summary>
    public abstract void AddFinal(long[] sums);

    /// <summary>Every node's current value, exactly (for a deterministic model's single run).</summary>
    public abstract double[] Values();

    /// <summary>The number of opinion clusters now (continuous models; 0 otherwise).</summary>
    public virtual int Clusters() => 0;

    /// <summary>Whether opinion 1 holds every node now (binary models; false otherwise).</summary>
    public virtual bool FixatedOnOne => false;

    /// <summary>The labels of the shares.</summary>
    public static IReadOnlyList<string> ShareLabels(OpinionModel model, int bins) => model switch
    {
        SirWordOfMouth => ["susceptible", "telling", "stopped"],
        SisWordOfMouth => ["susceptible", "telling"],
        _ when model.Kind == OpinionKind.Binary => ["0", "1"],
        _ => [.. Enumerable.Range(0, bins).Select(b => FormattableString.Invariant($"[{(double)b / bins:0.###}, {(double)(b + 1) / bins:0.###}{(b == bins - 1 ? "]" : ")")}"))],
    };
}

/// <summary>The in-neighbour CSR and the initial opinions, shared by the continuous runs.</summary>
internal class ContinuousData
{
    public ContinuousData(OpinionRequest request)
    {
        var graph = request.Graph;
        NodeCount = graph.NodeCount;
        InOffsets = graph.InOffsetArray;
        InSources = graph.InSourceArray;
        InWeights = graph.InWeightArray;
        Initial = request.InitialArray;
        Bins = request.Bins;
        Tolerance = request.Tolerance;
    }

    public int NodeCount { get; }

    public int[] InOffsets { get; }

    public int[] InSources { get; }

    public float[] InWeights { get; }

    public double[] Initial { get; }

    public int Bins { get; }

    public double Tolerance { get; }
}

/// <summary>DeGroot and Friedkin–Johnsen: the row-normalised in-weights W, the self-weight a and the stubbornness s.</summary>
internal sealed class AveragingData : ContinuousData
{
    public AveragingData(OpinionRequest request, double selfWeight, double[]? stubbornness)
        : base(request)
    {
        SelfWeight = selfWeight;
        Stubbornness = stubbornness;
        var weights = new double[InWeights.Length];
        for (int k = 0; k < weights.Length; k++)
        {
            weights[k] = InWeights[k];
        }

        (Normalised, HasInfluence) = FriedkinJohnsen.Normalise(InOffsets, weights);
    }

    public double SelfWeight { get; }

    /// <summary>s_v per node (Friedkin–Johnsen), or null (DeGroot: 0).</summary>
    public double[]? Stubbornness { get; }

    /// <summary>W_vu per in-arc, rows summing to 1.</summary>
    public double[] Normalised { get; }

    /// <summary>Whether v has any in-weight (otherwise its opinion never moves).</summary>
    public bool[] HasInfluence { get; }
}

/// <summary>The continuous state x and its histogram, clusters and sums.</summary>
internal abstract class ContinuousRun(ContinuousData data) : OpinionRun
{
    /// <summary>Two final opinions at most this far apart (sorted neighbours) are in one cluster.</summary>
    public const double ClusterGap = 1e-3;

    protected ContinuousData Data { get; } = data;

    private double[]? _seedAnchor;

    protected double[] X { get; set; } = new double[data.NodeCount];

    /// <summary>The initial opinions x(0) of the current run: the request's, or the seed indicator of <see cref="StartFrom"/>.</summary>
    protected double[] Anchor { get; private set; } = data.Initial;

    public override int ShareCount => Data.Bins;

    public override bool Start()
    {
        Anchor = Data.Initial;
        Array.Copy(Anchor, X, X.Length);
        return Restart();
    }

    public override bool StartFrom(ReadOnlySpan<int> ones)
    {
        _seedAnchor ??= new double[Data.NodeCount];
        Array.Clear(_seedAnchor);
        foreach (int v in ones)
        {
            _seedAnchor[v] = 1;
        }

        Anchor = _seedAnchor;
        Array.Copy(Anchor, X, X.Length);
        return Restart();
    }

    /// <summary>Resets per-run state beyond the opinions; returns whether the start is absorbing (never, by default).</summary>
    protected virtual bool Restart() => false;

    public override (double Mean, double Min, double Max) Summarise(Span<long> shares)
    {
        double[] x = X;
        int bins = Data.Bins;
        if (x.Length == 0)
        {
            return (0, 0, 0);
        }

        double sum = 0, min = double.MaxValue, max = double.MinValue;
        for (int v = 0; v < x.Length; v++)
        {
            double value = x[v];
            sum += value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            shares[Math.Min((int)(value * bins), bins - 1)]++;
        }

        return (sum / x.Length, min, max);
    }

    public override void AddFinal(long[] sums)
    {
        double[] x = X;
        for (int v = 0; v < x.Length; v++)
        {
            sums[v] += (long)Math.Round(x[v] * FixedScale);
        }
    }

    public override double[] Values() => (double[])X.Clone();

    public override int Clusters()
    {
        if (X.Length == 0)
        {
            return 0;
        }

        double[] sorted = (double[])X.Clone();
        Array.Sort(sorted);
        int clusters = 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] - sorted[i - 1] > ClusterGap)
            {
                clusters++;
            }
        }

        return clusters;
    }
}

/// <summary>
/// DeGroot, x_v ← a·x_v + (1 − a)·Σ_u W_vu·x_u, and Friedkin–Johnsen, x_v ← s_v·x_v(0) + (1 − s_v)·Σ_u W_vu·x_u (the
/// shared <see cref="FriedkinJohnsen"/> sweep, the update Kelman's internalization uses too), synchronous.
/// </summary>
internal sealed class AveragingRun(AveragingData data) : ContinuousRun(data)
{
    private readonly AveragingData _data = data;
    private double[] _next = new double[data.NodeCount];

    public override bool Step(ref Xoshiro256 rng)
    {
        double[] x = X, next = _next, w = _data.Normalised;
        int[] offsets = _data.InOffsets, sources = _data.InSources;
        bool[] has = _data.HasInfluence;
        double largest;
        if (_data.Stubbornness is { } s)
        {
            largest = FriedkinJohnsen.Step(offsets, sources, w, has, s, Anchor, x, next);
        }
        else
        {
            double a = _data.SelfWeight;
            largest = 0;
            for (int v = 0; v < x.Length; v++)
            {
                double value = x[v];
                if (has[v])
                {
                    // A convex combination of values in [0, 1]; the clamp only absorbs rounding (Σ W_vu may be 1 ± 1 ulp).
                    value = Math.Clamp((a * value) + ((1 - a) * FriedkinJohnsen.Pull(offsets, sources, w, v, x)), 0, 1);
                }

                largest = Math.Max(largest, Math.Abs(value - x[v]));
                next[v] = value;
            }
        }

        (X, _next) = (next, x);
        return FriedkinJohnsen.IsFixedPoint(largest, _data.Tolerance);
    }
}

/// <summary>Hegselmann–Krause: x_v ← mean of the opinions within ε among v and its in-neighbours, synchronous.</summary>
internal sealed class HegselmannKrauseRun(ContinuousData data, double confidence) : ContinuousRun(data)
{
    private double[] _next = new double[data.NodeCount];

    public override bool Step(ref Xoshiro256 rng)
    {
        double[] x = X, next = _next;
        int[] offsets = Data.InOffsets, sources = Data.InSources;
        double largest = 0;
        for (int v = 0; v < x.Length; v++)
        {
            double own = x[v], sum = own;
            int count = 1;
            for (int k = offsets[v]; k < offsets[v + 1]; k++)
            {
                int u = sources[k];
                double other = x[u];
                if (u != v && Math.Abs(other - own) <= confidence)
                {
                    sum += other;
                    count++;
                }
            }

            double value = Math.Clamp(sum / count, 0, 1); // a mean of values in [0, 1]: the clamp only absorbs rounding
            largest = Math.Max(largest, Math.Abs(value - own));
            next[v] = value;
        }

        (X, _next) = (next, x);
        return largest <= Data.Tolerance;
    }
}

/// <summary>Deffuant–Weisbuch: n random pairwise interactions per period; convergence checked every ⌈m/n⌉ periods (amortised O(n)).</summary>
internal sealed class DeffuantRun(ContinuousData data, double confidence, double convergence) : ContinuousRun(data)
{
    private readonly int _checkEvery = data.NodeCount == 0 ? 1 : (int)Math.Max(1, (data.InSources.Length + data.NodeCount - 1) / data.NodeCount);
    private int _period;

    protected override bool Restart()
    {
        _period = 0;
        return false;
    }

    public override bool Step(ref Xoshiro256 rng)
    {
        double[] x = X;
        int[] offsets = Data.InOffsets, sources = Data.InSources;
        int n = x.Length;
        for (int t = 0; t < n; t++)
        {
            int v = rng.NextInt(n);
            int degree = offsets[v + 1] - offsets[v];
            if (degree == 0)
            {
                continue;
            }

            int u = sources[offsets[v] + rng.NextInt(degree)];
            double difference = x[u] - x[v];
            if (Math.Abs(difference) < confidence)
            {
                // Both move by the same amount in opposite directions: the sum of opinions is conserved.
                double move = convergence * difference;
                x[v] += move;
                x[u] -= move;
            }
        }

        _period++;
        return _period % _checkEvery == 0 && Settled();
    }

    /// <summary>Whether every arc joins opinions closer than the tolerance or at least ε apart (no interaction can move anyone by more than the tolerance).</summary>
    private bool Settled()
    {
        double[] x = X;
        int[] offsets = Data.InOffsets, sources = Data.InSources;
        double tolerance = Data.Tolerance;
        for (int v = 0; v < x.Length; v++)
        {
            for (int k = offsets[v]; k < offsets[v + 1]; k++)
            {
                double gap = Math.Abs(x[sources[k]] - x[v]);
                if (gap >= tolerance && gap < confidence)
                {
                    return false;
                }
            }
        }

        return true;
    }
}

/// <summary>The in-neighbour CSR and the initial 0/1 opinions, shared by the binary runs.</summary>
internal sealed class BinaryData
{
    public BinaryData(OpinionRequest request)
    {
        var graph = request.Graph;
        NodeCount = graph.NodeCount;
        InOffsets = graph.InOffsetArray;
        InSources = graph.InSourceArray;
        Initial = new byte[NodeCount];
        int[] ones = request.NodesHoldingOne();
        foreach (int v in ones)
        {
            Initial[v] = 1;
        }

        InitialOnes = ones.Length;
    }

    public int NodeCount { get; }

    public int[] InOffsets { get; }

    public int[] InSources { get; }

    public byte[] Initial { get; }

    public int InitialOnes { get; }
}

/// <summary>The 0/1 state, the count of ones, shares and sums of the binary runs.</summary>
internal abstract class BinaryRun(BinaryData data) : OpinionRun
{
    protected BinaryData Data { get; } = data;

    protected byte[] State { get; } = new byte[data.NodeCount];

    /// <summary>The number of nodes holding 1.</summary>
    protected int Ones { get; set; }

    public override int ShareCount => 2;

    public override bool FixatedOnOne => Ones == State.Length;

    protected bool Consensus => Ones == 0 || Ones == State.Length;

    public override bool Start()
    {
        Array.Copy(Data.Initial, State, State.Length);
        Ones = Data.InitialOnes;
        return Consensus;
    }

    public override bool StartFrom(ReadOnlySpan<int> ones)
    {
        Array.Clear(State);
        Ones = 0;
        foreach (int v in ones)
        {
            if (State[v] == 0)
            {
                State[v] = 1;
                Ones++;
            }
        }

        return Consensus;
    }

    public override (double Mean, double Min, double Max) Summarise(Span<long> shares)
    {
        int n = State.Length;
        shares[0] += n - Ones;
        shares[1] += Ones;
        return n == 0 ? (0, 0, 0) : ((double)Ones / n, Ones == n ? 1 : 0, Ones > 0 ? 1 : 0);
    }

    public override void AddFinal(long[] sums)
    {
        byte[] state = State;
        for (int v = 0; v < state.Length; v++)
        {
            if (state[v] == 1)
            {
                sums[v] += (long)FixedScale;
            }
        }
    }

    public override double[] Values() => [.. State.Select(s => (double)s)];
}

/// <summary>The voter model with node update: a random node copies a random in-neighbour, n times per period.</summary>
internal sealed class VoterRun(BinaryData data) : BinaryRun(data)
{
    public override bool Step(ref Xoshiro256 rng)
    {
        byte[] state = State;
        int[] offsets = Data.InOffsets, sources = Data.InSources;
        int n = state.Length;
        for (int t = 0; t < n; t++)
        {
            int v = rng.NextInt(n);
            int degree = offsets[v + 1] - offsets[v];
            if (degree == 0)
            {
                continue;
            }

            byte copied = state[sources[offsets[v] + rng.NextInt(degree)]];
            if (copied != state[v])
            {
                state[v] = copied;
                Ones += copied == 1 ? 1 : -1;
                if (Consensus)
                {
                    return true; // absorbing: the rest of the period would change nothing
                }
            }
        }

        return Consensus;
    }
}

/// <summary>Majority rule: a random node and r − 1 distinct random in-neighbours adopt their majority, n times per period.</summary>
internal sealed class MajorityRun(BinaryData data, int groupSize) : BinaryRun(data)
{
    private readonly int[] _group = new int[groupSize];

    public override bool Step(ref Xoshiro256 rng)
    {
        byte[] state = State;
        int[] offsets = Data.InOffsets, sources = Data.InSources, group = _group;
        int n = state.Length;
        for (int t = 0; t < n; t++)
        {
            int v = rng.NextInt(n);
            int start = offsets[v], degree = offsets[v + 1] - start;
            int size = 1;
            group[0] = v;
            if (degree <= group.Length - 1)
            {
                for (int k = 0; k < degree; k++)
                {
                    group[size++] = sources[start + k];
                }
            }
            else
            {
                // r − 1 distinct positions by rejection (r − 1 < degree, r ≤ 101).
                while (size < group.Length)
                {
                    int u = sources[start + rng.NextInt(degree)];
                    if (Array.IndexOf(group, u, 0, size) < 0)
                    {
                        group[size++] = u;
                    }
                }
            }

            int ones = 0;
            for (int i = 0; i < size; i++)
            {
                ones += state[group[i]];
            }

            if (2 * ones == size)
            {
                continue; // a tie changes nothing
            }

            byte majority = 2 * ones > size ? (byte)1 : (byte)0;
            for (int i = 0; i < size; i++)
            {
                int u = group[i];
                if (state[u] != majority)
                {
                    state[u] = majority;
                    Ones += majority == 1 ? 1 : -1;
                }
            }

            if (Consensus)
            {
                return true;
            }
        }

        return Consensus;
    }
}

