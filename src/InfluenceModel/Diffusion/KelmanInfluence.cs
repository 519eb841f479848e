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
/// <b>Internalization</b> (Friedkin–Johnsen, the update of <c>Opinions.FriedkinJohnsenModel</c>, written once for both): the private attitude x_v ∈ [0, 1] follows
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
/// The run stops after the first period that changes no adoption and moves no followed attitude (below) by more than
/// <see cref="AttitudeTolerance"/>, but not before period <see cref="SeedPeriods"/> (so the end of the seeds' campaign is
/// always simulated), or after <see cref="MaxPeriods"/>.
/// </para>
/// <para>
/// <b>Cost.</b> A period recomputes only the nodes with an in-neighbour whose adoption or followed attitude changed in
/// the previous period (each from its whole in-row, so the values are those of a full sweep, bit for bit), except a
/// head whose state a gain cannot change and whose attitude is not followed (internalized, a seed still forced, or a
/// compliant adopter when w' = w), which a new adopter among its in-neighbours does not make dirty; a run costs
/// O(n) for the thresholds plus work proportional to what changes. A node v can never internalize when
/// s_v·x_v(0) + (1 − s_v)·Σ_u T_uv &lt; τ (every y_u ≤ 1); Monte-Carlo estimates follow the attitudes only of the nodes
/// that can, and of the nodes with an in-path to one, because no other attitude can affect an adoption.
/// <see cref="DiffusionModel.Simulate"/> follows every attitude, to report them. With the defaults (s = 0.5, x(0) = 0,
/// τ = 0.75) no node can internalize, and a run costs about what a <see cref="LinearThreshold"/> run costs.
/// Following fewer attitudes can only stop a run earlier, and that changes an outcome only when a node that can
/// internalize is, at the stop, still creeping towards τ by less than the tolerance per period.
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

    /// <summary>
    /// Per-graph data shared by all runners: in- and out-CSR, plain and identification weights, T, s, x(0), which nodes'
    /// attitudes can affect adoption, and which nodes move without any adopter ("unstable" at period 1).
    /// </summary>
    private sealed class Shared
    {
        /// <summary>The fixed-point scale of the running shares: 2⁵².</summary>
        public const double FixedScale = 4503599627370496.0;

        /// <summary>2⁻⁵²: multiplying by it is exactly dividing by <see cref="FixedScale"/> (a power of two).</summary>
        public const double InverseFixedScale = 1.0 / FixedScale;

        /// <summary>Margin on the attitude bound: rounding cannot lift an attitude above its bound by anything near this.</summary>
        private const double BoundMargin = 1e-9;

        public Shared(KelmanInfluence model, SocialGraph graph)
        {
            Model = model;
            int n = graph.NodeCount;
            Offsets = graph.InOffsetArray;
            Sources = graph.InSourceArray;
            OutOffsets = graph.OutOffsetArray;
            OutTargets = graph.OutTargetArray;
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

            (Row, HasInfluence) = FriedkinJohnsen.Normalise(Offsets, Weighted);
            Stubbornness = new double[n];
            Initial = new double[n];
            for (int v = 0; v < n; v++)
            {
                Stubbornness[v] = model.StubbornnessByNode?[v] ?? model.Stubbornness;
                Initial[v] = model.InitialAttitudes?[v] ?? model.InitialAttitude;
            }

            // The in-weights again in out-arc order (u's arcs together), in fixed point: a change of u is pushed to its
            // out-neighbours' running shares exactly (integer sums do not depend on order).
            int arcs = Sources.Length;
            PushOffsets = new int[n + 1];
            for (int e = 0; e < arcs; e++)
            {
                PushOffsets[Sources[e] + 1]++;
            }

            for (int u = 0; u < n; u++)
            {
                PushOffsets[u + 1] += PushOffsets[u];
            }

            PushTargets = new int[arcs];
            PushWeighted = new long[arcs];
            PushPlain = ReferenceEquals(Weighted, Plain) ? PushWeighted : new long[arcs];
            int[] cursor = PushOffsets[..n];
            for (int v = 0; v < n; v++)
            {
                for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                {
                    int at = cursor[Sources[e]]++;
                    PushTargets[at] = v;
                    PushWeighted[at] = (long)Math.Round(Weighted[e] * FixedScale);
                    PushPlain[at] = (long)Math.Round(Plain[e] * FixedScale);
                }
            }

            Relevant = RelevantAttitudes(n);
            AnyRelevant = Array.IndexOf(Relevant, true) >= 0;
            var unstable = new List<int>();
            var unstableRelevant = new List<int>();
            for (int v = 0; v < n; v++)
            {
                // The period-1 attitude when nobody adopts, computed exactly as a run computes it. A node whose attitude would
                // not move and that would not internalize keeps its state until an in-neighbour changes.
                double attitude = FriedkinJohnsen.Update(HasInfluence[v], Stubbornness[v], Initial[v], FriedkinJohnsen.Pull(Offsets, Sources, Row, v, Initial));
                if (attitude != Initial[v] || attitude >= model.InternalizationThreshold)
                {
                    unstable.Add(v);
                    if (Relevant[v])
                    {
                        unstableRelevant.Add(v);
                    }
                }
            }

            Unstable = [.. unstable];
            UnstableRelevant = [.. unstableRelevant];
        }

        public KelmanInfluence Model { get; }

        public int[] Offsets { get; }

        public int[] Sources { get; }

        public int[] OutOffsets { get; }

        public int[] OutTargets { get; }

        public double[] Plain { get; }

        public double[] Weighted { get; }

        public double[] Row { get; }

        public bool[] HasInfluence { get; }

        /// <summary>Out-order offsets of <see cref="PushTargets"/> (the arcs leaving u are [PushOffsets[u], PushOffsets[u+1])).</summary>
        public int[] PushOffsets { get; }

        /// <summary>The heads of the arcs in out-order.</summary>
        public int[] PushTargets { get; }

        /// <summary>w'(u,v)·2⁵² rounded, in out-order.</summary>
        public long[] PushWeighted { get; }

        /// <summary>w(u,v)·2⁵² rounded, in out-order (the same array as <see cref="PushWeighted"/> when w' = w).</summary>
        public long[] PushPlain { get; }

        public double[] Stubbornness { get; }

        public double[] Initial { get; }

        /// <summary>
        /// Whether a node's attitude can affect any adoption: it can reach τ itself, or it feeds (through in-arcs, at any
        /// distance) a node that can. Closed under in-neighbours.
        /// </summary>
        public bool[] Relevant { get; }

        /// <summary>Whether any node is <see cref="Relevant"/> (with the defaults none is).</summary>
        public bool AnyRelevant { get; }

        /// <summary>Nodes whose period-1 state or attitude differs from period 0 when nobody adopts.</summary>
        public int[] Unstable { get; }

        /// <summary>The relevant nodes of <see cref="Unstable"/>.</summary>
        public int[] UnstableRelevant { get; }

        /// <summary>
        /// x_v(t) ≤ s_v·x_v(0) + (1 − s_v)·Σ_u T_uv for t ≥ 1 (every y_u ≤ 1), and x_v(0) for a node without in-weight; a
        /// node whose bound (plus a margin far above rounding) is below τ never internalizes. The relevant nodes are those
        /// that can, and every node with an in-path to one.
        /// </summary>
        private bool[] RelevantAttitudes(int n)
        {
            var relevant = new bool[n];
            var queue = new int[n];
            int tail = 0;
            double tau = Model.InternalizationThreshold;
            for (int v = 0; v < n; v++)
            {
                double rowSum = 0;
                for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                {
                    rowSum += Row[e];
                }

                double bound = FriedkinJohnsen.Update(HasInfluence[v], Stubbornness[v], Initial[v], rowSum);
                if (bound + BoundMargin >= tau)
                {
                    relevant[v] = true;
                    queue[tail++] = v;
                }
            }

            for (int head = 0; head < tail; head++)
            {
                int v = queue[head];
                for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                {
                    int u = Sources[e];
                    if (!relevant[u])
                    {
                        relevant[u] = true;
                        queue[tail++] = u;
                    }
                }
            }

            return relevant;
        }
    }

    /// <summary>
    /// One worker's run state. A period recomputes only the "dirty" nodes — those with an in-neighbour whose adoption
    /// or (followed) attitude changed in the previous period, the seeds when their campaign stops, and at period 1 the
    /// seeds, their out-neighbours and the unstable nodes; every other node provably keeps its state and attitude (its
    /// inputs are bit-identical to the previous period's, and the update is idempotent on equal inputs). A dirty node is
    /// recomputed from its whole in-row in CSR order, so its values are bit-identical to a full sweep's.
    /// </summary>
    private sealed class Runner : CascadeRun
    {
        /// <summary>
        /// Error bound per in-arc of a running share against the full sweep's sum: each fixed-point term is within 2⁻⁵³ of
        /// its weight, and the sweep's sum of k terms (total ≤ 1) is within about k·2⁻⁵³ of the exact sum; 2⁻⁴⁸ per arc
        /// (plus two) leaves a wide margin.
        /// </summary>
        private const double ShareSlack = 1.0 / (1L << 48);

        private readonly Shared _data;
        private readonly double[] _threshold;
        private readonly byte[] _state;
        private readonly double[] _x;
        private readonly bool[] _isSeed;
        private readonly int[] _dirtyMark;
        private readonly int[] _touchedMark;
        private readonly int[] _touched;
        private readonly long[] _shareWeighted;
        private readonly long[] _sharePlain;
        private readonly int[] _shareMark;
        private readonly byte[] _newState;
        private readonly double[] _newX;
        private readonly int[] _mechanisms = new int[5];
        private int[] _dirty;
        private readonly int[] _changed;
        private int[] _nextDirty;
        private readonly int[] _seeds;
        private int _seedCount;
        private int _touchedCount;
        private int _period;
        private int _run;

        public Runner(Shared data)
        {
            _data = data;
            int n = data.Initial.Length;
            _threshold = new double[n];
            _state = new byte[n];
            _x = (double[])data.Initial.Clone();
            _isSeed = new bool[n];
            _seeds = new int[n];
            _dirtyMark = new int[n];
            _touchedMark = new int[n];
            _touched = new int[n];
            _newState = new byte[n];
            _newX = new double[n];
            _shareWeighted = new long[n];
            _sharePlain = ReferenceEquals(data.PushWeighted, data.PushPlain) ? _shareWeighted : new long[n];
            _shareMark = new int[n];
            _dirty = new int[n];
            _changed = new int[n];
            _nextDirty = new int[n];
        }

        public override int Run(ReadOnlySpan<int> seeds, ref Xoshiro256 rng, List<DiffusionPeriod>? trace)
        {
            LinearThreshold.DrawThresholds(_threshold, ref rng);
            Shared data = _data;
            KelmanInfluence m = data.Model;
            Reset();
            bool followAll = ReportsAttitudes;
            bool[] relevant = data.Relevant;
            int[] offsets = data.Offsets, sources = data.Sources, outOffsets = data.OutOffsets, outTargets = data.OutTargets;
            double[] plain = data.Plain, weighted = data.Weighted, row = data.Row, s = data.Stubbornness, x0 = data.Initial;
            bool[] hasInfluence = data.HasInfluence;
            byte[] state = _state, newState = _newState;
            double[] x = _x, newX = _newX, threshold = _threshold;
            int[] mechanisms = _mechanisms;
            int[] pushOffsets = data.PushOffsets, pushTargets = data.PushTargets, shareMark = _shareMark;
            long[] pushWeighted = data.PushWeighted, pushPlain = data.PushPlain, runningWeighted = _shareWeighted, runningPlain = _sharePlain;
            bool samePush = ReferenceEquals(pushWeighted, pushPlain);
            bool anyFollowed = followAll || data.AnyRelevant;
            int[] changedNodes = _changed;
            double tau = m.InternalizationThreshold;
            int adopters = 0;
            foreach (int seedNode in seeds)
            {
                if (!_isSeed[seedNode])
                {
                    _isSeed[seedNode] = true;
                    state[seedNode] = Seeded;
                    mechanisms[Seeded]++;
                    Touch(seedNode);
                    _seeds[adopters++] = seedNode;
                    for (int e = pushOffsets[seedNode]; e < pushOffsets[seedNode + 1]; e++)
                    {
                        int w = pushTargets[e];
                        if (shareMark[w] != _run)
                        {
                            shareMark[w] = _run;
                            runningWeighted[w] = 0;
                            runningPlain[w] = 0;
                        }

                        runningWeighted[w] += pushWeighted[e];
                        if (!samePush)
                        {
                            runningPlain[w] += pushPlain[e];
                        }
                    }

                }
            }

            _seedCount = adopters;
            ReadOnlySpan<int> seedSet = _seeds.AsSpan(0, adopters);
            trace?.Add(new DiffusionPeriod(0, adopters, adopters, 0, Mechanisms()));

            // Period 1's dirty nodes: the seeds, their out-neighbours and the nodes that move without any adopter.
            int dirtyCount = 0;
            int mark = NextMark();
            foreach (int v in followAll ? data.Unstable : data.UnstableRelevant)
            {
                Mark(v, mark, ref dirtyCount);
            }

            foreach (int u in seedSet)
            {
                Mark(u, mark, ref dirtyCount);
                for (int e = outOffsets[u]; e < outOffsets[u + 1]; e++)
                {
                    Mark(outTargets[e], mark, ref dirtyCount);
                }
            }

            // A run does not stop before the seeds' campaign ends (period SeedPeriods), so the release is always simulated.
            int release = m.SeedPeriods ?? 0;
            for (int period = 1; period <= m.MaxPeriods; period++)
            {
                CancellationToken.ThrowIfCancellationRequested();
                if (dirtyCount == 0 && trace is null && period < release)
                {
                    // Nothing can change before the release: jump there (a traced run records the idle periods).
                    period = Math.Min(release, m.MaxPeriods);
                }

                bool seedsForced = m.SeedPeriods is not { } k || period < k;
                if (period == release)
                {
                    foreach (int u in seedSet)
                    {
                        Mark(u, mark, ref dirtyCount);
                    }
                }

                int[] dirty = _dirty;
                for (int i = 0; i < dirtyCount; i++)
                {
                    int v = dirty[i];
                    double shareWeighted = 0, sharePlain = 0, attitude = 0;
                    bool follow = anyFollowed && (followAll || relevant[v]);
                    if (follow)
                    {
                        double pull = 0;
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

                        attitude = FriedkinJohnsen.Update(hasInfluence[v], s[v], x0[v], pull);
                        newX[i] = attitude;
                    }
                    else
                    {
                        // This node's attitude cannot reach τ and feeds no node whose can: only its shares matter, and the
                        // running fixed-point shares decide the comparisons with θ_v unless θ_v lies within their error
                        // bound of them. Then, and only then, the shares are summed from the in-row as a full sweep sums them.
                        bool running = _shareMark[v] == _run;
                        shareWeighted = running ? _shareWeighted[v] * Shared.InverseFixedScale : 0;
                        sharePlain = samePush ? shareWeighted : running ? _sharePlain[v] * Shared.InverseFixedScale : 0;
                        double slack = (offsets[v + 1] - offsets[v] + 2) * ShareSlack;
                        if (Math.Abs(shareWeighted - threshold[v]) <= slack || (!samePush && Math.Abs(sharePlain - threshold[v]) <= slack))
                        {
                            shareWeighted = sharePlain = 0;
                            for (int e = offsets[v]; e < offsets[v + 1]; e++)
                            {
                                if (state[sources[e]] != None)
                                {
                                    shareWeighted += weighted[e];
                                    sharePlain += plain[e];
                                }
                            }
                        }
                    }

                    byte now = state[v];
                    newState[i] = now == Internalized ? Internalized
                        : seedsForced && _isSeed[v] ? Seeded
                        : follow && attitude >= tau ? Internalized
                        : m.Compliance && shareWeighted >= threshold[v] ? (sharePlain >= threshold[v] ? Complied : Identified)
                        : now != None && !m.ReversibleCompliance ? now : None;
                }

                // Apply the period (synchronously: every dirty node above read the previous period's state) and mark the
                // out-neighbours of what changed for the next period.
                int joined = 0, dropped = 0, nextCount = 0, changedCount = 0;
                bool changed = false;
                double maxDelta = 0;
                mark = NextMark();
                for (int i = 0; i < dirtyCount; i++)
                {
                    int v = dirty[i];
                    byte now = state[v], then = newState[i];
                    bool follow = anyFollowed && (followAll || relevant[v]);
                    bool moved = false;
                    if (follow)
                    {
                        double delta = Math.Abs(newX[i] - x[v]);
                        maxDelta = Math.Max(maxDelta, delta);
                        moved = newX[i] != x[v];
                        if (moved)
                        {
                            Touch(v);
                            x[v] = newX[i];
                        }
                    }

                    if (now == then)
                    {
                        if (moved && now == None)
                        {
                            // y_v = x_v moved: the followed out-neighbours read it.
                            for (int e = outOffsets[v]; e < outOffsets[v + 1]; e++)
                            {
                                int w = outTargets[e];
                                if (followAll || relevant[w])
                                {
                                    MarkNext(w, mark, ref nextCount);
                                }
                            }
                        }

                        continue;
                    }

                    changed = true;
                    Touch(v);
                    state[v] = then;
                    mechanisms[now]--;
                    mechanisms[then]++;
                    if (now == None)
                    {
                        joined++;
                    }
                    else if (then == None)
                    {
                        dropped++;
                    }

                    if ((now == None) != (then == None))
                    {
                        // v started (v) or stopped (~v) adopting: pushed below, once every state of the period is applied.
                        changedNodes[changedCount++] = now == None ? v : ~v;
                    }
                }

                // The weights of the nodes that started or stopped adopting enter or leave their out-neighbours' shares,
                // and those out-neighbours are recomputed next period — except, for a gain, a head whose state a gain
                // cannot change and whose attitude is not followed: an internalized node, a seed still forced next period,
                // or (without identification weights) a compliant adopter, whose share only grows (the in-row sums are
                // monotone in the adopters, in floating point too: rounding is monotone). LT likewise skips active heads.
                bool forcedNext = m.SeedPeriods is not { } seedPeriods || period + 1 < seedPeriods;
                for (int c = 0; c < changedCount; c++)
                {
                    int entry = changedNodes[c];
                    bool gain = entry >= 0;
                    int v = gain ? entry : ~entry;
                    long sign = gain ? 1 : -1;
                    for (int e = pushOffsets[v]; e < pushOffsets[v + 1]; e++)
                    {
                        int w = pushTargets[e];
                        if (shareMark[w] != _run)
                        {
                            shareMark[w] = _run;
                            runningWeighted[w] = 0;
                            runningPlain[w] = 0;
                        }

                        runningWeighted[w] += sign * pushWeighted[e];
                        if (!samePush)
                        {
                            runningPlain[w] += sign * pushPlain[e];
                        }

                        if (gain && !(anyFollowed && (followAll || relevant[w])))
                        {
                            byte head = state[w];
                            if (head == Internalized || (head == Complied && samePush) || (head == Seeded && forcedNext))
                            {
                                continue;
                            }
                        }

                        MarkNext(w, mark, ref nextCount);
                    }
                }

                if (!changed && FriedkinJohnsen.IsFixedPoint(maxDelta, m.AttitudeTolerance) && period >= release)
                {
                    break;
                }

                adopters += joined - dropped;
                trace?.Add(new DiffusionPeriod(period, adopters, joined, dropped, Mechanisms()));
                (_dirty, _nextDirty) = (_nextDirty, _dirty);
                dirtyCount = nextCount;
            }

            return adopters;
        }

        public override void AddAdopters(int[] counts)
        {
            for (int i = 0; i < _touchedCount; i++)
            {
                int v = _touched[i];
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

        /// <summary>Returns the previous run's nodes to period 0 (state None, attitude x(0)) and clears the counters.</summary>
        private void Reset()
        {
            if (++_run == int.MaxValue)
            {
                Array.Clear(_touchedMark);
                Array.Clear(_shareMark);
                _run = 1;
            }

            double[] x0 = _data.Initial;
            for (int i = 0; i < _touchedCount; i++)
            {
                int v = _touched[i];
                _state[v] = None;
                _x[v] = x0[v];
            }

            for (int i = 0; i < _seedCount; i++)
            {
                _isSeed[_seeds[i]] = false;
            }

            _touchedCount = 0;
            Array.Clear(_mechanisms);
        }

        private void Touch(int v)
        {
            if (_touchedMark[v] != _run)
            {
                _touchedMark[v] = _run;
                _touched[_touchedCount++] = v;
            }
        }

        private int NextMark()
        {
            if (++_period == int.MaxValue)
            {
                Array.Clear(_dirtyMark);
                _period = 1;
            }

            return _period;
        }

        private void Mark(int v, int mark, ref int count)
        {
            if (_dirtyMark[v] != mark)
            {
                _dirtyMark[v] = mark;
                _dirty[count++] = v;
            }
        }

        private void MarkNext(int v, int mark, ref int count)
        {
            if (_dirtyMark[v] != mark)
            {
                _dirtyMark[v] = mark;
                _nextDirty[count++] = v;
            }
        }

        private AdoptionMechanisms Mechanisms() =>
            new(_mechanisms[Seeded], _mechanisms[Complied], _mechanisms[Identified], _mechanisms[Internalized]);
    }
}
