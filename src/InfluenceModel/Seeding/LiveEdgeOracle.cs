using System.Runtime.CompilerServices;
using InfluenceModel.Diffusion;
using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Seeding;

/// <summary>
/// CELF's Monte-Carlo spread oracle for independent cascade and linear threshold on shared live-edge samples (Kempe,
/// Kleinberg and Tardos 2003): sample i is one random live-edge graph G_i, fixed by (seed, i) alone, and the spread of
/// a set S is the mean over the samples of |nodes reachable from S in G_i|. Every evaluation of every set reads the same
/// samples (common random numbers in the strongest form), so the estimate is itself a monotone submodular function of
/// S and CELF's lazy rule returns exactly what the plain greedy returns on it.
/// </summary>
/// <remarks>
/// <para>
/// IC: arc e of sample i is live iff h(k_i, e) · 2⁻⁵³ &lt; p_e, with k_i the first output of the stream (seed, i) and
/// h a SplitMix64 finaliser of k_i + (e + 1)·φ (random access, so a cascade decides only the arcs it reaches).
/// LT: node v of sample i keeps the in-arc e (CSR order) with r_v ∈ [C_{e−1}, C_e), r_v = h(k_i, m + v) · 2⁻⁵³ and C the
/// running sum of v's in-weights, or none when r_v ≥ Σ w; the reach in that graph has the LT spread's distribution.
/// </para>
/// <para>
/// The samples are not those of <see cref="SpreadEstimator"/> (its cascades draw coins in traversal order, so the coins
/// of an arc depend on the set simulated): an estimate of this oracle equals the model's spread in expectation, not bit
/// for bit.
/// </para>
/// <para>
/// <see cref="SingletonBounds"/>: on each sample the live graph is condensed (Tarjan) and every component C gets
/// U(C) = |C| + Σ_{live arcs C→D} U(D), capped at n, which bounds the reach of each of its nodes (it counts a node twice
/// only where two live paths lead to it). Summed over the samples it bounds the singleton spread times the sample count
/// in O(n + m) per sample, against a cascade per node and sample for the exact values.
/// </para>
/// </remarks>
internal sealed class LiveEdgeOracle
{
    private const ulong Phi = 0x9E3779B97F4A7C15UL;
    private const double Unit = 1.0 / (1UL << 53);

    private readonly int _n;
    private readonly int[] _outOffsets;
    private readonly int[] _outTargets;
    private readonly ulong[]? _arcLimits;
    private readonly int[]? _inOffsets;
    private readonly int[]? _inSources;
    private readonly double[]? _inCumulative;
    private readonly ulong _seed;
    private readonly int _simulations;
    private readonly int _parallelism;
    private readonly CancellationToken _cancellationToken;
    private readonly WorkerPool<Scratch> _pool;
    private long _evaluations;

    /// <summary>An oracle for <paramref name="model"/> (IC or LT) on <paramref name="graph"/>, samples (options.Seed, 0..Simulations−1).</summary>
    public LiveEdgeOracle(SocialGraph graph, DiffusionModel model, SimulationOptions options, CancellationToken cancellationToken)
    {
        _n = graph.NodeCount;
        int n = _n;
        _pool = new WorkerPool<Scratch>(() => new Scratch(n));
        _outOffsets = graph.OutOffsetArray;
        _outTargets = graph.OutTargetArray;
        if (model is LinearThreshold)
        {
            _inOffsets = graph.InOffsetArray;
            _inSources = graph.InSourceArray;
            float[] w = graph.InWeightArray;
            _inCumulative = new double[w.Length];
            for (int v = 0; v < _n; v++)
            {
                double sum = 0;
                for (int e = _inOffsets[v]; e < _inOffsets[v + 1]; e++)
                {
                    sum += w[e];
                    _inCumulative[e] = sum;
                }
            }
        }
        else if (model is IndependentCascade)
        {
            float[] p = graph.OutWeightArray;
            _arcLimits = new ulong[p.Length];
            for (int e = 0; e < p.Length; e++)
            {
                // Live iff (h >> 11) < p·2⁵³: p = 1 is always live, p = 0 never.
                _arcLimits[e] = (ulong)Math.Round(p[e] * (double)(1UL << 53));
            }
        }
        else
        {
            throw new ArgumentException($"Live-edge samples exist for IC and LT only; the model was {model.Name}.", nameof(model));
        }

        _seed = options.Seed;
        _simulations = options.Simulations;
        _parallelism = options.EffectiveParallelism;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Samples per evaluation.</summary>
    public int Simulations => _simulations;

    /// <summary>Number of seed sets evaluated so far.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>The mean reach of <paramref name="seeds"/> (dense indices) over the samples; samples spread over the workers, integer sums.</summary>
    public double Mean(int[] seeds) => (double)Total(seeds) / _simulations;

    /// <summary>The summed reach of <paramref name="seeds"/> over the samples (independent of the parallelism).</summary>
    public long Total(int[] seeds)
    {
        long total = 0;
        var gate = new Lock();
        DeterministicParallel.For(
            _simulations,
            _parallelism,
            () => 0,
            (_, start, end) =>
            {
                Scratch scratch = _pool.Rent();
                long sum = 0;
                try
                {
                    for (int i = start; i < end; i++)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        sum += Reach(seeds, Key(i), scratch);
                    }
                }
                finally
                {
                    _pool.Return(scratch);
                }

                lock (gate)
                {
                    total += sum;
                }
            },
            _cancellationToken);
        _cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _evaluations);
        return total;
    }

    /// <summary>
    /// For every node v, an upper bound on Σ_i |reach of {v} in G_i| (so bound / <see cref="Simulations"/> ≥ the
    /// singleton spread estimate). <paramref name="advance"/> is called once per finished sample.
    /// </summary>
    public long[] SingletonBounds(Action advance)
    {
        var bounds = new long[_n];
        var gate = new Lock();
        DeterministicParallel.For(
            _simulations,
            _parallelism,
            () => new Condensation(_n, _outTargets.Length),
            (work, start, end) =>
            {
                Array.Clear(work.Sums);
                for (int i = start; i < end; i++)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    BuildLiveGraph(Key(i), work);
                    work.AddBounds(_n);
                    advance();
                }

                lock (gate)
                {
                    for (int v = 0; v < bounds.Length; v++)
                    {
                        bounds[v] += work.Sums[v];
                    }
                }
            },
            _cancellationToken);
        _cancellationToken.ThrowIfCancellationRequested();
        return bounds;
    }

    /// <summary>The live arcs of the sample with key <paramref name="key"/> as a CSR in <paramref name="work"/>.</summary>
    private void BuildLiveGraph(ulong key, Condensation work)
    {
        int[] offsets = work.LiveOffsets, targets = work.LiveTargets;
        int count = 0;
        if (_arcLimits is { } limits)
        {
            for (int u = 0; u < _n; u++)
            {
                offsets[u] = count;
                for (int e = _outOffsets[u]; e < _outOffsets[u + 1]; e++)
                {
                    if ((Hash(key, e) >> 11) < limits[e])
                    {
                        targets[count++] = _outTargets[e];
                    }
                }
            }

            offsets[_n] = count;
            return;
        }

        // LT: each node keeps at most one in-arc; the live graph is the reverse of those choices.
        int[] chosen = work.Chosen;
        Array.Clear(offsets);
        for (int v = 0; v < _n; v++)
        {
            int u = ChooseSource(v, key);
            chosen[v] = u;
            if (u >= 0)
            {
                offsets[u + 1]++;
            }
        }

        for (int u = 0; u < _n; u++)
        {
            offsets[u + 1] += offsets[u];
        }

        int[] cursor = work.Cursor;
        Array.Copy(offsets, cursor, _n);
        for (int v = 0; v < _n; v++)
        {
            if (chosen[v] is var u and >= 0)
            {
                targets[cursor[u]++] = v;
            }
        }
    }

    /// <summary>The number of nodes reachable from <paramref name="seeds"/> in the sample with key <paramref name="key"/>.</summary>
    private int Reach(int[] seeds, ulong key, Scratch scratch)
    {
        int stamp = scratch.NextStamp();
        int[] visited = scratch.Visited, queue = scratch.Queue;
        int tail = 0;
        foreach (int s in seeds)
        {
            if (visited[s] != stamp)
            {
                visited[s] = stamp;
                queue[tail++] = s;
            }
        }

        ulong[]? limits = _arcLimits;
        int[] chosenStamp = scratch.ChosenStamp, chosen = scratch.Chosen;
        for (int head = 0; head < tail; head++)
        {
            int u = queue[head];
            for (int e = _outOffsets[u]; e < _outOffsets[u + 1]; e++)
            {
                int w = _outTargets[e];
                if (visited[w] == stamp)
                {
                    continue;
                }

                bool live;
                if (limits is not null)
                {
                    live = (Hash(key, e) >> 11) < limits[e];
                }
                else
                {
                    if (chosenStamp[w] != stamp)
                    {
                        chosenStamp[w] = stamp;
                        chosen[w] = ChooseSource(w, key);
                    }

                    live = chosen[w] == u;
                }

                if (live)
                {
                    visited[w] = stamp;
                    queue[tail++] = w;
                }
            }
        }

        return tail;
    }

    /// <summary>LT: the source of the in-arc node <paramref name="v"/> keeps in the sample with key <paramref name="key"/>, or −1.</summary>
    private int ChooseSource(int v, ulong key)
    {
        int start = _inOffsets![v], end = _inOffsets[v + 1];
        if (start == end)
        {
            return -1;
        }

        double r = (Hash(key, _outTargets.Length + (long)v) >> 11) * Unit;
        double[] cumulative = _inCumulative!;
        if (r >= cumulative[end - 1])
        {
            return -1;
        }

        for (int e = start; e < end; e++)
        {
            if (r < cumulative[e])
            {
                return _inSources![e];
            }
        }

        return -1;
    }

    /// <summary>k_i, the key of sample <paramref name="sample"/>: the first output of the stream (seed, i), recomputed rather than stored (up to 10⁸ samples).</summary>
    private ulong Key(int sample) => new Xoshiro256(_seed, (ulong)sample).NextUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ulong key, long index)
    {
        ulong z = key + ((ulong)(index + 1) * Phi);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>One worker's cascade buffers, reused across samples and evaluations (stamps instead of clearing).</summary>
    private sealed class Scratch(int n)
    {
        private int _stamp;

        public int[] Visited { get; } = new int[n];

        public int[] Queue { get; } = new int[n];

        public int[] Chosen { get; } = new int[n];

        public int[] ChosenStamp { get; } = new int[n];

        public int NextStamp()
        {
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(Visited);
                Array.Clear(ChosenStamp);
                _stamp = 1;
            }

            return _stamp;
        }
    }

    /// <summary>One worker's live graph, Tarjan state and bound sums.</summary>
    private sealed class Condensation(int n, int arcs)
    {
        public int[] LiveOffsets { get; } = new int[n + 1];

        public int[] LiveTargets { get; } = new int[arcs];

        public int[] Chosen { get; } = new int[n];

        public int[] Cursor { get; } = new int[n];

        public long[] Sums { get; } = new long[n];

        private readonly int[] _index = new int[n];
        private readonly int[] _low = new int[n];
        private readonly int[] _component = new int[n];
        private readonly int[] _stack = new int[n];
        private readonly int[] _callNode = new int[n];
        private readonly int[] _callArc = new int[n];
        private readonly long[] _componentBound = new long[n];

        /// <summary>Tarjan's strongly connected components on the live CSR; adds each node's component bound to <see cref="Sums"/>.</summary>
        public void AddBounds(int n)
        {
            int[] offsets = LiveOffsets, targets = LiveTargets, index = _index, low = _low, component = _component;
            int[] stack = _stack, callNode = _callNode, callArc = _callArc;
            long[] bound = _componentBound, sums = Sums;
            int counter = 0, top = 0, components = 0;
            for (int v = 0; v < n; v++)
            {
                // A node without a live out-arc is a finished component of reach 1 before the search starts (most nodes
                // of a sparse live graph): the search below never pushes it.
                if (offsets[v] == offsets[v + 1])
                {
                    index[v] = counter++;
                    component[v] = components;
                    bound[components++] = 1;
                    sums[v]++;
                }
                else
                {
                    index[v] = -1;
                }
            }

            for (int root = 0; root < n; root++)
            {
                if (index[root] >= 0)
                {
                    continue;
                }

                int depth = 0;
                callNode[0] = root;
                callArc[0] = offsets[root];
                index[root] = low[root] = counter++;
                stack[top++] = root;
                component[root] = -1;
                while (depth >= 0)
                {
                    int u = callNode[depth];
                    int e = callArc[depth];
                    if (e < offsets[u + 1])
                    {
                        callArc[depth] = e + 1;
                        int w = targets[e];
                        if (index[w] < 0)
                        {
                            index[w] = low[w] = counter++;
                            stack[top++] = w;
                            component[w] = -1;
                            depth++;
                            callNode[depth] = w;
                            callArc[depth] = offsets[w];
                        }
                        else if (component[w] < 0)
                        {
                            // On the stack: same component as u.
                            low[u] = Math.Min(low[u], index[w]);
                        }

                        continue;
                    }

                    if (low[u] == index[u])
                    {
                        // u roots a component: pop it, then bound it by its members' arcs to finished components.
                        int id = components++;
                        int first = top;
                        long size = 0;
                        do
                        {
                            int x = stack[--first];
                            component[x] = id;
                            size++;
                            if (x == u)
                            {
                                break;
                            }
                        }
                        while (true);

                        long b = size;
                        for (int k = first; k < top && b < n; k++)
                        {
                            int x = stack[k];
                            for (int a = offsets[x]; a < offsets[x + 1]; a++)
                            {
                                int c = component[targets[a]];
                                if (c != id)
                                {
                                    b += bound[c];
                                }
                            }
                        }

                        b = Math.Min(b, n);
                        bound[id] = b;
                        for (int k = first; k < top; k++)
                        {
                            sums[stack[k]] += b;
                        }

                        top = first;
                    }

                    depth--;
                    if (depth >= 0)
                    {
                        int parent = callNode[depth];
                        low[parent] = Math.Min(low[parent], low[u]);
                    }
                }
            }
        }
    }
}
