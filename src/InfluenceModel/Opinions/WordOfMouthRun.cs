using InfluenceModel.Internal;

namespace InfluenceModel.Opinions;

/// <summary>The out-neighbour CSR, the seeds (initially telling nodes) and the period cap, shared by the word-of-mouth runs.</summary>
internal sealed class WordOfMouthData
{
    public WordOfMouthData(OpinionRequest request)
    {
        var graph = request.Graph;
        NodeCount = graph.NodeCount;
        OutOffsets = graph.OutOffsetArray;
        OutTargets = graph.OutTargetArray;
        Seeds = request.NodesHoldingOne();
        MaxPeriods = request.MaxPeriods;
    }

    public int NodeCount { get; }

    public int[] OutOffsets { get; }

    public int[] OutTargets { get; }

    public int[] Seeds { get; }

    /// <summary>The request's period cap: nothing is scheduled after it.</summary>
    public int MaxPeriods { get; }
}

/// <summary>
/// SIR (stop for good) and SIS (lapse to susceptible) word of mouth, sampled event by event with exactly the
/// distribution of the synchronous model (every telling node tells each susceptible out-neighbour with probability β in
/// each period, then stops with probability γ).
/// </summary>
/// <remarks>
/// <para>
/// All the synchronous model's coins are independent, so they can be drawn when a node starts telling instead of period
/// by period. A node told in period t tells in periods t + 1, …, t + T with T ~ Geometric(γ) on {1, 2, …} (drawn once,
/// by inversion) and stops at the end of period t + T. <b>SIR</b>: the first success on arc (u, v) comes after
/// D ~ Geometric(β) periods, so v is told at min over u of t_u + D_uv with D_uv ≤ T_u (first-passage percolation; Kenah
/// and Robins 2007). Arc (u, v) succeeds within T with probability q = 1 − (1 − β)^T: the successful arcs are found by
/// geometric skipping (the gap to the next one is ⌊ln U / (T·ln(1 − β))⌋) and each D is drawn from its truncated law.
/// <b>SIS</b>: a told node may be told again after it lapses, so every success counts: the successes over the T × degree
/// grid of (period, arc) cells of a telling stint are found by geometric skipping with gap ⌊ln U / ln(1 − β)⌋, and each is
/// an attempt on the arc's head in its period that takes effect only if the head is susceptible then.
/// </para>
/// <para>
/// Attempts and stops wait in a bucket queue indexed by period; a period processes its attempts (against the state at its
/// start), then its stops. Work per run: O(told nodes + successful attempts + periods) random draws and queue entries
/// (with β = 0.01 a hundredth of the arcs that a per-period scan visits); the per-period shares are exact counts.
/// </para>
/// </remarks>
internal sealed class WordOfMouthRun : OpinionRun
{
    private const byte Susceptible = 0, Telling = 1, Stopped = 2;

    /// <summary>
    /// From this success probability per arc (or cell) on, one coin per arc replaces geometric skipping (a logarithm per
    /// success). Measured on email-enron (1,000 SIR runs, loaded machine): at q ≈ 0.05–0.2 skipping was 25–40 % cheaper
    /// than a coin per arc, so coins only pay for dense successes. Either way the distribution is the same.
    /// </summary>
    private const double DenseShare = 0.25;

    private readonly WordOfMouthData _data;
    private readonly bool _lapses;
    private readonly double _transmission;
    private readonly double _logMiss; // ln(1 − β): 0 when β = 0, −∞ when β = 1
    private readonly double _logStay; // ln(1 − γ): −∞ when γ = 1
    private readonly byte[] _state;
    private readonly int[] _touched;
    private readonly int[] _stamp;
    private int[] _seeds = [];
    private int _seedCount;
    private int[] _attemptHead = new int[64];
    private int[] _stopHead = new int[64];
    private int[] _entryNode = new int[1024];
    private int[] _entryNext = new int[1024];
    private int _entries, _horizon, _period;
    private int _tellingCount, _stopped, _touchedCount, _runId;
    private bool _seedsPending;

    public WordOfMouthRun(WordOfMouthData data, double transmission, double recovery, bool lapses)
    {
        _data = data;
        _lapses = lapses;
        _transmission = transmission;
        _logMiss = Math.Log(1 - transmission);
        _logStay = Math.Log(1 - recovery);
        _state = new byte[data.NodeCount];
        _touched = new int[data.NodeCount];
        _stamp = new int[data.NodeCount];
    }

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
            _seedsPending = false;
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

            for (int e = _stopHead[p]; e != 0; e = _entryNext[e])
            {
                _state[_entryNode[e]] = _lapses ? Susceptible : Stopped;
                _tellingCount--;
                _stopped += _lapses ? 0 : 1;
            }
        }

        return _tellingCount == 0;
    }

    /// <summary>Node <paramref name="u"/> was told in period <paramref name="t"/>: draws its stint and schedules its stop and its successful attempts.</summary>
    private void BeginTelling(int u, int t, ref Xoshiro256 rng)
    {
        int cap = _data.MaxPeriods;
        int stint = 1;
        if (!double.IsNegativeInfinity(_logStay))
        {
            // T − 1 ~ Geometric(γ) failures by inversion, U in (0, 1]; beyond the cap the length does not matter.
            double extra = Math.Floor(Math.Log(1 - rng.NextDouble()) / _logStay);
            stint = 1 + (int)Math.Min(extra, cap);
        }

        if ((long)t + stint <= cap)
        {
            Push(true, t + stint, u);
        }

        int start = _data.OutOffsets[u], degree = _data.OutOffsets[u + 1] - start;
        int periods = Math.Min(stint, cap - t); // periods t + 1 … t + periods are within the cap
        if (degree == 0 || periods <= 0 || _transmission == 0)
        {
            return;
        }

        if (_lapses)
        {
            ScheduleEveryAttempt(start, degree, t, periods, ref rng);
        }
        else
        {
            ScheduleFirstAttempts(start, degree, t, stint, ref rng);
        }
    }

    /// <summary>SIR: each out-arc whose first success D ~ Geometric(β) comes within the stint schedules an attempt at t + D.</summary>
    private void ScheduleFirstAttempts(int start, int degree, int t, int stint, ref Xoshiro256 rng)
    {
        int[] targets = _data.OutTargets;
        bool certain = double.IsNegativeInfinity(_logMiss); // β = 1: every arc succeeds in the first period
        double logFail = stint * _logMiss;                  // ln(1 − q), q = 1 − (1 − β)^T
        double q = certain ? 1 : stint == 1 ? _transmission : 1 - Math.Exp(logFail);
        if (!certain && q >= DenseShare)
        {
            // Dense: one coin per arc into a susceptible head (a told head's coin could change nothing).
            for (int arc = start; arc < start + degree; arc++)
            {
                int v = targets[arc];
                if (_state[v] == Susceptible && rng.NextDouble() < q)
                {
                    ScheduleFirstAttempt(v, t, stint, q, ref rng);
                }
            }

            return;
        }

        long k = -1;
        while (true)
        {
            if (!certain)
            {
                double gap = Math.Floor(Math.Log(1 - rng.NextDouble()) / logFail);
                if (gap >= degree - 1 - k)
                {
                    return;
                }

                k += (long)gap;
            }

            if (++k >= degree)
            {
                return;
            }

            int v = targets[start + (int)k];
            if (_state[v] == Susceptible)
            {
                ScheduleFirstAttempt(v, t, certain ? 1 : stint, q, ref rng);
            }
        }
    }

    /// <summary>Arc u → <paramref name="v"/> succeeds within the stint: draws D | D ≤ T and schedules the attempt at t + D.</summary>
    private void ScheduleFirstAttempt(int v, int t, int stint, double q, ref Xoshiro256 rng)
    {
        int d = 1;
        if (stint > 1)
        {
            // D | D ≤ T by inversion of P(D ≤ d) = (1 − (1 − β)^d) / q.
            double draw = Math.Floor(Math.Log(1 - (rng.NextDouble() * q)) / _logMiss);
            d = 1 + (int)Math.Min(draw, stint - 1);
        }

        if ((long)t + d <= _data.MaxPeriods)
        {
            Push(false, t + d, v);
        }
    }

    /// <summary>SIS: every success among the periods × degree (period, arc) cells of the stint schedules an attempt in its period.</summary>
    private void ScheduleEveryAttempt(int start, int degree, int t, int periods, ref Xoshiro256 rng)
    {
        int[] targets = _data.OutTargets;
        bool certain = double.IsNegativeInfinity(_logMiss);
        if (!certain && _transmission >= DenseShare)
        {
            // Dense: one coin per cell.
            for (int j = 1; j <= periods; j++)
            {
                for (int k = 0; k < degree; k++)
                {
                    if (rng.NextDouble() < _transmission)
                    {
                        Push(false, t + j, targets[start + k]);
                    }
                }
            }

            return;
        }

        long cells = (long)periods * degree, c = -1;
        while (true)
        {
            if (!certain)
            {
                double gap = Math.Floor(Math.Log(1 - rng.NextDouble()) / _logMiss);
                if (gap >= cells - 1 - c)
                {
                    return;
                }

                c += (long)gap;
            }

            if (++c >= cells)
            {
                return;
            }

            // Period-major cells: cell c is period t + 1 + c / degree on arc c % degree.
            Push(false, t + 1 + (int)(c / degree), targets[start + (int)(c % degree)]);
        }
    }

    /// <summary>Adds <paramref name="node"/> to period <paramref name="period"/>'s list of stops or of attempts.</summary>
    private void Push(bool stop, int period, int node)
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

        int[] heads = stop ? _stopHead : _attemptHead;
        _entryNode[_entries] = node;
        _entryNext[_entries] = heads[period];
        heads[period] = _entries++;
        _horizon = Math.Max(_horizon, period);
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
