using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Diffusion;

/// <summary>
/// The Kelman three-process model of social influence — this library's composition of Kelman's (1958) compliance,
/// identification and internalization with the Friedkin–Johnsen (1990) opinion dynamics — on a graph whose arc
/// weights are linear-threshold influence weights w(u,v) (Σ_u w(u,v) ≤ 1).
/// </summary>
/// <remarks>
/// <para>Periods are synchronous: the state at period t + 1 is computed from the state at period t.</para>
/// <para>
/// <b>Identification.</b> The in-weights of v are multiplied by γ = <see cref="Identification"/> ≥ 1 when u and v share
/// a group label (<see cref="SocialGraph.GroupOf(int)"/>) and renormalised so that they sum to v's original total:
/// w'(u,v) = w(u,v)·g(u,v)·Σ_u w(u,v) / Σ_u w(u,v)·g(u,v), with g = γ for same-group pairs and 1 otherwise.
/// Without group labels, or with γ = 1, w' = w exactly.
/// </para>
/// <para>
/// <b>Compliance</b> (the LT rule on the identification-weighted share): a node adopts publicly at t + 1 when
/// Σ_{u adopting at t} w'(u,v) ≥ θ_v, θ_v ~ U(0, 1]. It counts as an <i>identification</i> adopter when the plain share
/// Σ_{u adopting at t} w(u,v) is below θ_v, as a <i>compliance</i> adopter otherwise. When
/// <see cref="ReversibleCompliance"/> is set, a merely compliant adopter drops out in a period where its share is below
/// θ_v (which happens when seeds stop after <see cref="SeedPeriods"/> or other compliant adopters drop out).
/// </para>
/// <para>
/// <b>Internalization</b> (Friedkin–Johnsen): the private attitude x_v ∈ [0, 1] follows
/// x_v(t+1) = s_v·x_v(0) + (1 − s_v)·Σ_u T_uv·y_u(t), with y_u = 1 for adopters and x_u otherwise, T_uv = w'(u,v) / Σ_u w'(u,v)
/// the row-normalised in-weights and s_v the stubbornness (a node without in-weight keeps x_v(0)). When x_v(t+1) ≥ τ
/// (<see cref="InternalizationThreshold"/>) the node adopts by internalization, permanently.
/// </para>
/// <para>
/// Special cases (both are tests of this library): with γ = 1, τ &gt; 1 and irreversible compliance the adopters are
/// exactly those of <see cref="LinearThreshold"/> on the same random stream (both draw θ_v in node order first and nothing
/// else); with compliance off and no seeds the attitudes converge to the Friedkin–Johnsen fixed point
/// x* = (I − (I − S)W)⁻¹ S x(0), W_vu = T_uv.
/// </para>
/// <para>
/// The run stops after the first period that changes no adoption and moves no attitude by more than
/// <see cref="AttitudeTolerance"/>, or after <see cref="MaxPeriods"/>. Each period costs O(n + m).
/// </para>
/// <para>
/// The defaults of γ, s, x(0) and τ are illustrative, not estimates: calibrate them to the population studied.
/// References: Kelman, H. C. (1958), "Compliance, identification, and internalization: three processes of attitude
/// change", Journal of Conflict Resolution 2(1); Friedkin, N. E. and Johnsen, E. C. (1990), "Social influence and
/// opinions", Journal of Mathematical Sociology 15(3–4); Granovetter (1978) and Kempe et al. (2003) for the threshold rule.
/// </para>
/// </remarks>
public sealed class KelmanInfluence : DiffusionModel
{
    private const byte None = 0, Seeded = 1, Complied = 2, Identified = 3, Internalized = 4;

    private readonly double _identification = 1.5;
    private readonly double _stubbornness = 0.5;
    private readonly double _initialAttitude;
    private readonly double _internalizationThreshold = 0.75;
    private readonly int _maxPeriods = 100;
    private readonly double _attitudeTolerance = 1e-9;
    private readonly int? _seedPeriods;
    private readonly IReadOnlyList<double>? _stubbornnessByNode;
    private readonly IReadOnlyList<double>? _initialAttitudes;

    /// <inheritdoc/>
    public override string Name => "Kelman";

    /// <summary>γ ≥ 1, the weight multiplier for same-group in-neighbours (then renormalised). Default 1.5; 1 turns identification off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1, NaN or infinite.</exception>
    public double Identification
    {
        get => _identification;
        init => _identification = Guard.InRange(value, 1.0, double.MaxValue, nameof(Identification));
    }

    /// <summary>The stubbornness s ∈ [0, 1] of every node (weight on its initial attitude). Default 0.5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double Stubbornness
    {
        get => _stubbornness;
        init => _stubbornness = Guard.Probability(value, nameof(Stubbornness));
    }

    /// <summary>Optional per-node stubbornness s_v ∈ [0, 1] in dense-index order, overriding <see cref="Stubbornness"/>. Default null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An element is outside [0, 1].</exception>
    public IReadOnlyList<double>? StubbornnessByNode
    {
        get => _stubbornnessByNode;
        init => _stubbornnessByNode = CopyUnitValues(value, nameof(StubbornnessByNode));
    }

    /// <summary>The initial private attitude x(0) ∈ [0, 1] of every node. Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double InitialAttitude
    {
        get => _initialAttitude;
        init => _initialAttitude = Guard.Probability(value, nameof(InitialAttitude));
    }

    /// <summary>Optional per-node initial attitudes x_v(0) ∈ [0, 1] in dense-index order, overriding <see cref="InitialAttitude"/>. Default null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An element is outside [0, 1].</exception>
    public IReadOnlyList<double>? InitialAttitudes
    {
        get => _initialAttitudes;
        init => _initialAttitudes = CopyUnitValues(value, nameof(InitialAttitudes));
    }

    /// <summary>τ ≥ 0: the attitude at which adoption is internalized (permanent). Default 0.75; any τ &gt; 1 turns internalized adoption off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double InternalizationThreshold
    {
        get => _internalizationThreshold;
        init => _internalizationThreshold = Guard.NonNegative(value, nameof(InternalizationThreshold));
    }

    /// <summary>Whether the compliance (LT) process runs. Default <see langword="true"/>; off leaves seeds, attitudes and internalization.</summary>
    public bool Compliance { get; init; } = true;

    /// <summary>Whether a merely compliant adopter drops out when its share falls below θ_v. Default <see langword="true"/> (Kelman: compliance lasts while the influence is present).</summary>
    public bool ReversibleCompliance { get; init; } = true;

    /// <summary>
    /// How many periods the seeds adopt because they are seeded (periods 0..k−1); afterwards they follow the rules like
    /// any node (a campaign that stops). Null (the default) keeps them adopting for ever. Range 1 to 1,000,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 1,000,000.</exception>
    public int? SeedPeriods
    {
        get => _seedPeriods;
        init => _seedPeriods = value is { } k ? Guard.InRange(k, 1, 1_000_000, nameof(SeedPeriods)) : null;
    }

    /// <summary>The largest number of periods simulated. Range 1 to 1,000,000; default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 1,000,000.</exception>
    public int MaxPeriods
    {
        get => _maxPeriods;
        init => _maxPeriods = Guard.InRange(value, 1, 1_000_000, nameof(MaxPeriods));
    }

    /// <summary>The run stops once no adoption changes and no attitude moves by more than this. Range (0, 1); default 1e-9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1).</exception>
    public double AttitudeTolerance
    {
        get => _attitudeTolerance;
        init => _attitudeTolerance = Guard.InOpenRange(value, 0, 1, nameof(AttitudeTolerance));
    }

    internal override Func<CascadeRun> Prepare(SocialGraph graph)
    {
        EdgeProbabilities.ValidateLinearThreshold(graph);
        int n = graph.NodeCount;
        CheckLength(_stubbornnessByNode, n, nameof(StubbornnessByNode));
        CheckLength(_initialAttitudes, n, nameof(InitialAttitudes));
        var data = new Shared(this, graph);
        return () => new Runner(data);
    }

    private static double[]? CopyUnitValues(IReadOnlyList<double>? values, string name)
    {
        if (values is null)
        {
            return null;
        }

        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = Guard.Probability(values[i], name);
        }

        return copy;
    }

    private static void CheckLength(IReadOnlyList<double>? values, int nodeCount, string name)
    {
        if (values is not null && values.Count != nodeCount)
        {
            throw new ArgumentException($"{name} must have one value per node ({nodeCount}); it has {values.Count}.", name);
        }
    }

    /// <summary>Per-graph data shared by all runners: in-CSR, plain and identification weights, T, s, x(0).</summary>
    private sealed class Shared
    {
        public Shared(KelmanInfluence model, SocialGraph graph)
        {
            Model = model;
            int n = graph.NodeCount;
            Offsets = graph.InOffsetArray;
            Sources = graph.InSourceArray;
            float[] w = graph.InWeightArray;
            int[]? groups = graph.GroupArray;
            Plain = new double[w.Length];
            for (int e = 0; e < w.Length; e++)
            {
                Plain[e] = w[e];
            }

            Weighted = Plain;
            if (groups is not null && model.Identification != 1.0)
            {
                Weighted = new double[w.Length];
                for (int v = 0; v < n; v++)
                {
                    double total = 0, boosted = 0;
                    for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                    {
                        double g = groups[Sources[e]] == groups[v] ? model.Identification : 1.0;
                        total += Plain[e];
                        boosted += Plain[e] * g;
                    }

                    double scale = boosted > 0 ? total / boosted : 0;
                    for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                    {
                        double g = groups[Sources[e]] == groups[v] ? model.Identification : 1.0;
                        Weighted[e] = Plain[e] * g * scale;
                    }
                }
            }

            Row = new double[w.Length];
            HasInfluence = new bool[n];
            for (int v = 0; v < n; v++)
            {
                double total = 0;
                for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                {
                    total += Weighted[e];
                }

                HasInfluence[v] = total > 0;
                for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                {
                    Row[e] = total > 0 ? Weighted[e] / total : 0;
                }
            }

            Stubbornness = new double[n];
            Initial = new double[n];
            for (int v = 0; v < n; v++)
            {
                Stubbornness[v] = model.StubbornnessByNode?[v] ?? model.Stubbornness;
                Initial[v] = model.InitialAttitudes?[v] ?? model.InitialAttitude;
            }
        }

        public KelmanInfluence Model { get; }

        public int[] Offsets { get; }

        public int[] Sources { get; }

        public double[] Plain { get; }

        public double[] Weighted { get; }

        public double[] Row { get; }

        public bool[] HasInfluence { get; }

        public double[] Stubbornness { get; }

        public double[] Initial { get; }
    }

    private sealed class Runner(Shared data) : CascadeRun
    {
        private readonly double[] _threshold = new double[data.Initial.Length];
        private byte[] _state = new byte[data.Initial.Length];
        private byte[] _next = new byte[data.Initial.Length];
        private double[] _x = new double[data.Initial.Length];
        private double[] _xNext = new double[data.Initial.Length];
        private readonly bool[] _isSeed = new bool[data.Initial.Length];

        public override int Run(ReadOnlySpan<int> seeds, ref Xoshiro256 rng, List<DiffusionPeriod>? trace)
        {
            LinearThreshold.DrawThresholds(_threshold, ref rng);
            var m = data.Model;
            int n = _threshold.Length;
            Array.Clear(_state);
            Array.Clear(_isSeed);
            Array.Copy(data.Initial, _x, n);
            int adopters = 0;
            foreach (int seedNode in seeds)
            {
                if (!_isSeed[seedNode])
                {
                    _isSeed[seedNode] = true;
                    _state[seedNode] = Seeded;
                    adopters++;
                }
            }

            trace?.Add(new DiffusionPeriod(0, adopters, adopters, 0, Count(_state)));
            int[] offsets = data.Offsets, sources = data.Sources;
            double[] plain = data.Plain, weighted = data.Weighted, row = data.Row, s = data.Stubbornness, x0 = data.Initial;
            for (int period = 1; period <= m.MaxPeriods; period++)
            {
                // One period is an O(n + m) sweep: on a large graph a single run can outlast the 100 ms cancellation budget.
                CancellationToken.ThrowIfCancellationRequested();
                bool seedsForced = m.SeedPeriods is not { } k || period < k;
                byte[] state = _state, next = _next;
                double[] x = _x, xNext = _xNext;
                int joined = 0, dropped = 0;
                double maxDelta = 0;
                for (int v = 0; v < n; v++)
                {
                    double shareWeighted = 0, sharePlain = 0, pull = 0;
                    for (int e = offsets[v]; e < offsets[v + 1]; e++)
                    {
                        int u = sources[e];
                        if (state[u] != None)
                        {
                            shareWeighted += weighted[e];
                            sharePlain += plain[e];
                            pull += row[e];
                        }
                        else
                        {
                            pull += row[e] * x[u];
                        }
                    }

                    double attitude = data.HasInfluence[v] ? (s[v] * x0[v]) + ((1 - s[v]) * pull) : x0[v];
                    xNext[v] = attitude;
                    maxDelta = Math.Max(maxDelta, Math.Abs(attitude - x[v]));
                    byte now = state[v], then;
                    if (now == Internalized)
                    {
                        then = Internalized;
                    }
                    else if (_isSeed[v] && seedsForced)
                    {
                        then = Seeded;
                    }
                    else if (attitude >= m.InternalizationThreshold)
                    {
                        then = Internalized;
                    }
                    else if (m.Compliance && shareWeighted >= _threshold[v])
                    {
                        then = sharePlain >= _threshold[v] ? Complied : Identified;
                    }
                    else
                    {
                        then = now != None && !m.ReversibleCompliance ? now : None;
                    }

                    next[v] = then;
                    if (now == None && then != None)
                    {
                        joined++;
                    }
                    else if (now != None && then == None)
                    {
                        dropped++;
                    }
                }

                _state = next;
                _next = state;
                _x = xNext;
                _xNext = x;
                bool adoptionChanged = joined > 0 || dropped > 0 || !SameMechanisms(state, next);
                if (!adoptionChanged && maxDelta <= m.AttitudeTolerance)
                {
                    break;
                }

                adopters += joined - dropped;
                trace?.Add(new DiffusionPeriod(period, adopters, joined, dropped, Count(next)));
            }

            return adopters;
        }

        public override void AddAdopters(int[] counts)
        {
            for (int v = 0; v < counts.Length; v++)
            {
                if (_state[v] != None)
                {
                    counts[v]++;
                }
            }
        }

        public override IReadOnlyList<NodeValue>? Attitudes(SocialGraph graph)
        {
            var result = new NodeValue[_x.Length];
            for (int v = 0; v < result.Length; v++)
            {
                result[v] = new NodeValue(graph.NodeId(v), _x[v]);
            }

            return result;
        }

        private static bool SameMechanisms(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);

        private static AdoptionMechanisms Count(byte[] state)
        {
            Span<int> c = stackalloc int[5];
            foreach (byte b in state)
            {
                c[b]++;
            }

            return new AdoptionMechanisms(c[Seeded], c[Complied], c[Identified], c[Internalized]);
        }
    }
}
