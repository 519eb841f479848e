using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Opinions;

/// <summary>
/// The out-neighbour CSR (heads padded with 8 zeros for the eight-lane loop), the seeds (initially telling nodes), the
/// period cap and the pre-scaled 31-bit thresholds shared by the word-of-mouth runs: per arc p(u,v)·2³¹ − 1 when the
/// model reads its transmission from the arcs, and the stint and delay tables of <see cref="WordOfMouthRun"/>.
/// </summary>
internal sealed class WordOfMouthData
{
    /// <summary>Stints up to this length use the tables; longer ones (rare unless γ is small) compute their threshold once per stint.</summary>
    public const int TableLength = 32;

    public WordOfMouthData(OpinionRequest request, double transmission, double recovery, bool perArc)
    {
        var graph = request.Graph;
        NodeCount = graph.NodeCount;
        OutOffsets = graph.OutOffsetArray;
        int[] targets = graph.OutTargetArray;
        PaddedTargets = new int[targets.Length + 8];
        targets.CopyTo(PaddedTargets, 0);
        Seeds = request.NodesHoldingOne();
        MaxPeriods = request.MaxPeriods;
        Transmission = transmission;
        Recovery = recovery;
        for (int u = 0; u < NodeCount; u++)
        {
            MaxDegree = Math.Max(MaxDegree, OutOffsets[u + 1] - OutOffsets[u]);
        }

        if (perArc)
        {
            EdgeProbabilities.ValidateIndependentCascade(graph);
            float[] weights = graph.OutWeightArray;
            ArcThresholds = new int[targets.Length + 8];
            ArcThresholds.AsSpan(targets.Length).Fill(-1);
            for (int e = 0; e < weights.Length; e++)
            {
                ArcThresholds[e] = Threshold(weights[e]);
            }
        }

        // Stint thresholds: T ~ Geometric(γ) on {1, 2, …}, P(T ≤ k) = 1 − (1 − γ)^k, as 31-bit draw bounds.
        StintBounds = new int[TableLength + 1];
        for (int k = 1; k <= TableLength; k++)
        {
            StintBounds[k] = Bound(1 - Math.Pow(1 - recovery, k));
        }

        // Uniform β: an arc succeeds within a window of w periods with q(w) = 1 − (1 − β)^w; given success, its first
        // success D has P(D ≤ d | D ≤ w) = q(d) / q(w).
        WindowThresholds = new int[TableLength + 1];
        DelayBounds = new int[(TableLength + 1) * (TableLength + 1)];
        for (int w = 1; w <= TableLength; w++)
        {
            double qw = WindowShare(w);
            WindowThresholds[w] = Threshold(qw);
            for (int d = 1; d <= w && qw > 0; d++)
            {
                DelayBounds[(w * (TableLength + 1)) + d] = d == w ? int.MaxValue : Bound(WindowShare(d) / qw);
            }
        }
    }

    public int NodeCount { get; }

    public int[] OutOffsets { get; }

    /// <summary>Out-CSR heads followed by 8 zeros.</summary>
    public int[] PaddedTargets { get; }

    /// <summary>The largest out-degree (the candidate buffer of one row pass).</summary>
    public int MaxDegree { get; }

    public int[] Seeds { get; }

    /// <summary>The request's period cap: nothing is scheduled after it.</summary>
    public int MaxPeriods { get; }

    /// <summary>β (uniform transmission; ignored when <see cref="ArcThresholds"/> is set).</summary>
    public double Transmission { get; }

    /// <summary>γ.</summary>
    public double Recovery { get; }

    /// <summary>Per arc p(u,v)·2³¹ − 1 (−1: never fires) followed by 8 × −1, or null for a uniform β.</summary>
    public int[]? ArcThresholds { get; }

    /// <summary>[k] = P(T ≤ k)·2³¹ for k = 1 … <see cref="TableLength"/>: a 31-bit draw below it means T ≤ k.</summary>
    public int[] StintBounds { get; }

    /// <summary>[w] = q(w)·2³¹ − 1: a 31-bit draw at most this means the arc succeeds within w periods (uniform β).</summary>
    public int[] WindowThresholds { get; }

    /// <summary>[w·(TableLength + 1) + d] = P(D ≤ d | D ≤ w)·2³¹ (int.MaxValue at d = w): a draw below it means D ≤ d.</summary>
    public int[] DelayBounds { get; }

    /// <summary>q(w) = 1 − (1 − β)^w for a uniform β.</summary>
    public double WindowShare(int w) => -double.ExpM1(w * double.LogP1(-Transmission));

    /// <summary>p·2³¹ − 1 in [−1, 2³¹ − 1]: a 31-bit draw d fires iff d ≤ the threshold (IC's convention: p = 0 never, p = 1 always).</summary>
    public static int Threshold(double p) => (int)(Math.Round(p * 2147483648.0) - 1);

    /// <summary>p·2³¹ clamped to int.MaxValue: a 31-bit draw d is "within" iff d &lt; the bound.</summary>
    private static int Bound(double p) => (int)Math.Min(Math.Round(p * 2147483648.0), int.MaxValue);
}

/// <summary>
/// SIR (stop for good) and SIS (lapse to susceptible) word of mouth, sampled event by event with exactly the
/// distribution of the synchronous model (every telling node tells each susceptible out-neighbour with probability β —
/// or the arc's p(u,v) — in each period, then stops with probability γ).
/// </summary>
/// <remarks>
/// <para>
/// All the synchronous model's coins are independent, so they can be drawn when a node starts telling instead of period
/// by period. A node told in period t tells in periods t + 1, …, t + T with T ~ Geometric(γ) on {1, 2, …} and stops at
/// the end of period t + T; only the window of w = min(T, cap − t) periods matters. <b>SIR</b>: the first success on arc
/// (u, v) comes after D ~ Geometric(β) periods, so v is told at min over u of t_u + D_uv with D_uv ≤ w (first-passage
/// percolation; Kenah and Robins 2007). With a uniform β an arc succeeds within the window with q(w) = 1 − (1 − β)^w:
/// one pre-scaled 31-bit threshold per window length (a table), one eight-arc compare per eight arcs of the out-row (IC's
/// engine), and D | D ≤ w drawn from a table only for the successes into susceptible heads. With per-arc p(u,v) the row
/// is compared w times with the arcs' own thresholds, pass j standing for period t + j (a later success on an arc is
/// harmless: its head was told by the earlier one). <b>SIS</b>: a told node may be told again after it lapses, so every
/// success counts: the row is compared once per period of the window and every success is an attempt on the arc's head
/// in its period that takes effect only if the head is susceptible then. Where the per-arc share is below
/// <see cref="SparseShare"/> (uniform β only) the successes are found by geometric skipping instead (a logarithm per
/// success, nothing per failed arc).
/// </para>
/// <para>
/// Attempts and stops wait in a bucket queue indexed by period; a period processes its attempts (against the state at its
/// start), then its stops. Stints and delays are drawn by table look-up from the same 31-bit stream as the coins (a
/// four-lane vector xoshiro256** seeded from the run's own stream when the run starts), so the result does not depend
/// on the instruction set or the thread count.
/// </para>
/// </remarks>
internal sealed class WordOfMouthRun : OpinionRun
{
    private const byte Susceptible = 0, Telling = 1; // SIR: Telling means told (stops are counted per period)
    private const int DrawBlock = 256;
    private const int TableLength = WordOfMouthData.TableLength;

    /// <summary>
    /// Below this success share per arc (or cell), geometric skipping (a logarithm per success, ~20 ns) beats eight-arc
    /// compares (~0.5 ns an arc). Either way the distribution is the same.
    /// </summary>
    private const double SparseShare = 0.02;

    /// <summary><see cref="SparseShare"/> as a 31-bit threshold.</summary>
    private const int SparseThreshold = (int)(SparseShare * 2147483648.0);

    /// <summary>From this γ on, stints come from the table (1/γ compares on average); below it, by inversion (a logarithm).</summary>
    private const double TableRecovery = 1.0 / 16;

    private readonly WordOfMouthData _data;
    private readonly bool _lapses;
    private readonly double _logMiss; // ln(1 − β): 0 when β = 0, −∞ when β = 1
    private readonly double _logStay; // ln(1 − γ): −∞ when γ = 1
    private readonly byte[] _state;
    private readonly int[] _touched;
    private readonly int[] _stamp;

    /// <summary>
    /// Per node, valid when <see cref="_dueRun"/> holds the run: SIR, the earliest period an attempt on it is queued for
    /// (a later attempt would find it told: not queued); SIS, while it is telling, the period its stint ends (an attempt
    /// up to then would find it telling: not queued).
    /// </summary>
    private readonly int[] _due;
    private readonly int[] _dueRun;
    private readonly int[] _candidates;
    private readonly int[] _draws = new int[DrawBlock];
    private VectorXoshiro _lanes;
    private int _pos = DrawBlock;
    private int[] _seeds = [];
    private int _seedCount;
    private int[] _attemptHead = new int[64];
    private int[] _stopHead = new int[64];
    private int[] _entryNode = new int[1024];
    private int[] _entryNext = new int[1024];
    private int _entries, _horizon, _period;
    private int _tellingCount, _stopped, _touchedCount, _runId;
    private bool _seedsPending;

    public WordOfMouthRun(WordOfMouthData data, bool lapses)
    {
        _data = data;
        _lapses = lapses;
        _logMiss = double.LogP1(-data.Transmission);
        _logStay = double.LogP1(-data.Recovery);
        _state = new byte[data.NodeCount];
        _touched = new int[data.NodeCount];
        _stamp = new int[data.NodeCount];
        _due = new int[data.NodeCount];
        _dueRun = new int[data.NodeCount];
        _candidates = new int[data.MaxDegree + 8];
    }

    /// <summary>Tests set this to run the portable loop instead of the AVX2 one; results must not change.</summary>
    internal static bool ScalarOnly { get; set; }

    public override int ShareCount => _lapses ? 2 : 3;

    public override bool Start() => StartFrom(_data.Seeds);

    public override bool StartFrom(ReadOnlySpan<int> ones)
    {
        for (int i = 0; i < _touchedCount; i++)
        {
            _state[_touched[i]] = Susceptible;
        }

        Array.Clear(_attemptHead, 0, Math.Min(_horizon + 1, _attemptHead.Length));
        Array.Clear(_stopHead, 0, Math.Min(_horizon + 1, _stopHead.Length));
        _entries = 1; // entry 0 ends a bucket's list
        _horizon = 0;
        _period = 0;
        _touchedCount = 0;
        _tellingCount = 0;
        _stopped = 0;
        _runId++;
        if (_seeds.Length < ones.Length)
        {
            _seeds = new int[ones.Length];
        }

        _seedCount = 0;
        foreach (int s in ones)
        {
            if (_state[s] == Susceptible)
            {
                _state[s] = Telling;
                _seeds[_seedCount++] = s;
                _tellingCount++;
                Touch(s);
            }
        }

        // The seeds' stints and attempts need random draws: they are drawn at the start of period 1.
        _seedsPending = true;
        return _tellingCount == 0;
    }

    public override bool Step(ref Xoshiro256 rng)
    {
        int p = ++_period;
        if (_seedsPending)
        {
            // The run's coin stream starts here, from the run's own generator: nothing carries over between runs.
            _seedsPending = false;
            _lanes = new VectorXoshiro(ref rng);
            _pos = DrawBlock;
            for (int i = 0; i < _seedCount; i++)
            {
                BeginTelling(_seeds[i], 0, ref rng);
            }
        }

        if (p < _attemptHead.Length)
        {
            // Attempts first, against the state at the start of the period (a node stopping at its end still tells in it).
            for (int e = _attemptHead[p]; e != 0; e = _entryNext[e])
            {
                int v = _entryNode[e];
                if (_state[v] == Susceptible)
                {
                    _state[v] = Telling;
                    _tellingCount++;
                    Touch(v);
                    BeginTelling(v, p, ref rng); // schedules only after p: this bucket's list is not changed
                }
            }

            if (!_lapses)
            {
                // SIR: _stopHead counts the stops; a told node keeps state Telling (told), the counts say which stopped.
                _tellingCount -= _stopHead[p];
                _stopped += _stopHead[p];
            }
            else
            {
                for (int e = _stopHead[p]; e != 0; e = _entryNext[e])
                {
                    _state[_entryNode[e]] = Susceptible;
                    _tellingCount--;
                }
            }
        }

        return _tellingCount == 0;
    }

    /// <summary>Node <paramref name="u"/> was told in period <paramref name="t"/>: draws its stint and schedules its stop and its successful attempts.</summary>
    private void BeginTelling(int u, int t, ref Xoshiro256 rng)
    {
        int cap = _data.MaxPeriods;
        int stint = DrawStint(cap, ref rng);
        if (_lapses)
        {
            _due[u] = (int)Math.Min((long)t + stint, int.MaxValue);
            _dueRun[u] = _runId;
        }

        if ((long)t + stint <= cap)
        {
            if (_lapses)
            {
                Push(true, t + stint, u);
            }
            else
            {
                // SIR: a stop changes no coin or attempt (attempts test "not yet told"), only the counts: count it.
                if (t + stint >= _stopHead.Length)
                {
                    Grow(t + stint);
                }

                _stopHead[t + stint]++;
                _horizon = Math.Max(_horizon, t + stint);
            }
        }

        int start = _data.OutOffsets[u], end = _data.OutOffsets[u + 1];
        int window = Math.Min(stint, cap - t); // periods t + 1 … t + window are within the cap
        if (end == start || window <= 0)
        {
            return;
        }

        if (_data.ArcThresholds is not null)
        {
            // Per-arc p(u,v): pass j is period t + j.
            for (int j = 1; j <= window; j++)
            {
                int found = Pass(start, end, 0);
                ScheduleAll(found, t + j);
            }
        }
        else if (_data.Transmission == 0)
        {
            return;
        }
        else if (_lapses)
        {
            if (_data.Transmission < SparseShare)
            {
                SkipToEveryAttempt(start, end - start, t, window, ref rng);
                return;
            }

            int threshold = _data.WindowThresholds[1];
            for (int j = 1; j <= window; j++)
            {
                int found = Pass(start, end, threshold);
                ScheduleAll(found, t + j);
            }
        }
        else
        {
            double q = window <= TableLength ? 0 : _data.WindowShare(window); // only read for long windows
            int threshold = window <= TableLength ? _data.WindowThresholds[window] : WordOfMouthData.Threshold(q);
            if (threshold < SparseThreshold)
            {
                SkipToFirstAttempts(start, end - start, t, window, ref rng);
                return;
            }

            int found = Pass(start, end, threshold);
            for (int k = 0; k < found; k++)
            {
                int v = _candidates[k];
                if (!Settled(v, t + 1))
                {
                    Attempt(v, t + DrawDelay(window, q, ref rng));
                }
            }
        }
    }

    /// <summary>SIR or SIS per period: every candidate of a pass is an attempt in <paramref name="period"/>, unless it is known to change nothing.</summary>
    private void ScheduleAll(int found, int period)
    {
        for (int k = 0; k < found; k++)
        {
            Attempt(_candidates[k], period);
        }
    }

    /// <summary>
    /// Queues an attempt on <paramref name="v"/> in <paramref name="period"/> unless it would change nothing: SIR, v is
    /// told already or has an attempt queued no later; SIS, v is telling now and still will be then.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Attempt(int v, int period)
    {
        bool known = _dueRun[v] == _runId;
        if (_lapses)
        {
            if (known && _state[v] == Telling && period <= _due[v])
            {
                return;
            }
        }
        else
        {
            if (_state[v] != Susceptible || (known && _due[v] <= period))
            {
                return;
            }

            _due[v] = period;
            _dueRun[v] = _runId;
        }

        Push(false, period, v);
    }

    /// <summary>SIR: whether <paramref name="v"/> is told already or has an attempt queued for <paramref name="period"/> or earlier (so a delay draw is not needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Settled(int v, int period) => _state[v] != Susceptible || (_dueRun[v] == _runId && _due[v] <= period);

    /// <summary>
    /// One coin per arc of the out-row [start, end): eight 31-bit draws against eight thresholds (the arcs' own, or
    /// <paramref name="uniform"/> for all) per compare, the successful heads compressed, in order, into the candidates.
    /// </summary>
    /// <returns>The number of candidates.</returns>
    private int Pass(int start, int end, int uniform)
    {
        int[]? arcThresholds = _data.ArcThresholds;
        bool perArc = arcThresholds is not null;
        ref int target = ref MemoryMarshal.GetArrayDataReference(_data.PaddedTargets);
        ref int threshold = ref perArc ? ref MemoryMarshal.GetArrayDataReference(arcThresholds!) : ref target;
        ref int draws = ref MemoryMarshal.GetArrayDataReference(_draws);
        ref int candidates = ref MemoryMarshal.GetArrayDataReference(_candidates);
        ref int compress = ref MemoryMarshal.GetArrayDataReference(VectorXoshiro.CompressTable);
        bool vector = Avx2.IsSupported && !ScalarOnly;
        var broadcast = Vector256.Create(uniform);
        int pos = _pos, found = 0;
        for (int e = start; e < end;)
        {
            if (pos > DrawBlock - 8)
            {
                _lanes.Fill(ref draws, DrawBlock);
                pos = 0;
            }

            int count = Math.Min(8, end - e);
            if (vector)
            {
                found = VectorXoshiro.KeepSuccesses(
                    Vector256.LoadUnsafe(ref target, (nuint)e), perArc ? Vector256.LoadUnsafe(ref threshold, (nuint)e) : broadcast, Vector256.LoadUnsafe(ref draws, (nuint)pos), count, ref compress, ref candidates, found);
            }
            else
            {
                for (int k = 0; k < count; k++)
                {
                    if (Unsafe.Add(ref draws, pos + k) <= (perArc ? Unsafe.Add(ref threshold, e + k) : uniform))
                    {
                        Unsafe.Add(ref candidates, found++) = Unsafe.Add(ref target, e + k);
                    }
                }
            }

            pos += count;
            e += count;
        }

        _pos = pos;
        return found;
    }

    /// <summary>The next 31-bit draw of the run's coin stream.</summary>
    private int NextDraw()
    {
        if (_pos == DrawBlock)
        {
            _lanes.Fill(ref MemoryMarshal.GetArrayDataReference(_draws), DrawBlock);
            _pos = 0;
        }

        return _draws[_pos++];
    }

    /// <summary>T ~ Geometric(γ) on {1, 2, …}; any length beyond <paramref name="cap"/> is returned as cap + 1 or more (it does not matter).</summary>
    private int DrawStint(int cap, ref Xoshiro256 rng)
    {
        double gamma = _data.Recovery;
        if (gamma == 1)
        {
            return 1;
        }

        if (gamma < TableRecovery)
        {
            // T − 1 failures by inversion, U in (0, 1].
            double extra = Math.Floor(Math.Log(1 - rng.NextDouble()) / _logStay);
            return 1 + (int)Math.Min(extra, cap);
        }

        int[] bounds = _data.StintBounds;
        for (int past = 0; ; past += TableLength)
        {
            int draw = NextDraw();
            for (int k = 1; k <= TableLength; k++)
            {
                if (draw < bounds[k])
                {
                    return past + k;
                }
            }

            // T > past + TableLength: by memorylessness the rest is again Geometric(γ).
            if (past + TableLength > cap)
            {
                return past + TableLength + 1;
            }
        }
    }

    /// <summary>SIR, uniform β: D | D ≤ <paramref name="window"/>, the period of an arc's first success given one within the window.</summary>
    private int DrawDelay(int window, double q, ref Xoshiro256 rng)
    {
        if (window == 1 || double.IsNegativeInfinity(_logMiss))
        {
            return 1;
        }

        if (window <= TableLength)
        {
            int draw = NextDraw(), d = 1, row = window * (TableLength + 1);
            while (d < window && draw >= _data.DelayBounds[row + d])
            {
                d++;
            }

            return d;
        }

        // By inversion of P(D ≤ d) = (1 − (1 − β)^d) / q.
        double step = Math.Floor(Math.Log(1 - (rng.NextDouble() * q)) / _logMiss);
        return 1 + (int)Math.Min(step, window - 1);
    }

    /// <summary>SIR, sparse uniform β: the arcs that succeed within the window (share q(w)) by geometric skipping, each scheduled at t + D.</summary>
    private void SkipToFirstAttempts(int start, int degree, int t, int window, ref Xoshiro256 rng)
    {
        int[] targets = _data.PaddedTargets;
        double logFail = window * _logMiss; // ln(1 − q)
        double q = -double.ExpM1(logFail);
        long k = -1;
        while (true)
        {
            double gap = Math.Floor(Math.Log(1 - rng.NextDouble()) / logFail);
            if (gap >= degree - 1 - k)
            {
                return;
            }

            k += (long)gap + 1;
            int v = targets[start + (int)k];
            if (!Settled(v, t + 1))
            {
                Attempt(v, t + DrawDelay(window, q, ref rng));
            }
        }
    }

    /// <summary>SIS, sparse β: every success among the window × degree (period, arc) cells by geometric skipping, an attempt in its period.</summary>
    private void SkipToEveryAttempt(int start, int degree, int t, int window, ref Xoshiro256 rng)
    {
        int[] targets = _data.PaddedTargets;
        long cells = (long)window * degree, c = -1;
        while (true)
        {
            double gap = Math.Floor(Math.Log(1 - rng.NextDouble()) / _logMiss);
            if (gap >= cells - 1 - c)
            {
                return;
            }

            c += (long)gap + 1;

            // Period-major cells: cell c is period t + 1 + c / degree on arc c % degree.
            Attempt(targets[start + (int)(c % degree)], t + 1 + (int)(c / degree));
        }
    }

    /// <summary>Adds <paramref name="node"/> to period <paramref name="period"/>'s list of stops or of attempts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(bool stop, int period, int node)
    {
        if (period >= _attemptHead.Length || _entries == _entryNode.Length)
        {
            Grow(period);
        }

        int[] heads = stop ? _stopHead : _attemptHead;
        _entryNode[_entries] = node;
        _entryNext[_entries] = heads[period];
        heads[period] = _entries++;
        _horizon = Math.Max(_horizon, period);
    }

    private void Grow(int period)
    {
        if (period >= _attemptHead.Length)
        {
            int size = Math.Max(period + 1, _attemptHead.Length * 2);
            Array.Resize(ref _attemptHead, size);
            Array.Resize(ref _stopHead, size);
        }

        if (_entries == _entryNode.Length)
        {
            Array.Resize(ref _entryNode, _entries * 2);
            Array.Resize(ref _entryNext, _entries * 2);
        }
    }

    public override (double Mean, double Min, double Max) Summarise(Span<long> shares)
    {
        int n = _state.Length;
        int valued = _lapses ? _tellingCount : _tellingCount + _stopped; // telling (SIS) or ever told (SIR)
        shares[0] += n - _tellingCount - _stopped;
        shares[1] += _tellingCount;
        if (!_lapses)
        {
            shares[2] += _stopped;
        }

        return n == 0 ? (0, 0, 0) : ((double)valued / n, valued == n ? 1 : 0, valued > 0 ? 1 : 0);
    }

    public override void AddFinal(long[] sums)
    {
        // SIR: every touched node was told; SIS: the touched nodes telling now.
        for (int i = 0; i < _touchedCount; i++)
        {
            int v = _touched[i];
            if (!_lapses || _state[v] == Telling)
            {
                sums[v] += (long)FixedScale;
            }
        }
    }

    public override double[] Values()
    {
        var values = new double[_state.Length];
        for (int v = 0; v < values.Length; v++)
        {
            values[v] = _lapses ? (_state[v] == Telling ? 1 : 0) : (_state[v] == Susceptible ? 0 : 1);
        }

        return values;
    }

    private void Touch(int v)
    {
        if (_stamp[v] != _runId)
        {
            _stamp[v] = _runId;
            _touched[_touchedCount++] = v;
        }
    }
}
