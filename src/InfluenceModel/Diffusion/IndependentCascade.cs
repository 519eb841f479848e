using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Diffusion;

/// <summary>
/// The independent cascade model (Kempe, Kleinberg and Tardos 2003): when a node u becomes active in period t it gets
/// one chance to activate each inactive out-neighbour v in period t + 1, succeeding with probability p(u,v) = the arc's
/// weight, independently of everything else. The cascade stops when a period activates nobody.
/// </summary>
/// <remarks>
/// Arc weights must lie in [0, 1]: set them with <see cref="SocialGraph.WithEdgeProbabilities(EdgeProbabilities)"/>.
/// Each coin flip compares 31 random bits with p(u,v)·2³¹ (so p = 0 never and p = 1 always fires, and any other p is
/// represented to within 2⁻³¹); every arc scanned consumes one draw (also arcs into already-active nodes, whose flip cannot change the outcome), which keeps the loop free of unpredictable branches.
/// Immutable and thread-safe.
/// </remarks>
public sealed class IndependentCascade : DiffusionModel
{
    /// <inheritdoc/>
    public override string Name => "IC";

    internal override Func<CascadeRun> Prepare(SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.NodeCount;
        int[] offsets = graph.OutOffsetArray;
        int[] targets = graph.OutTargetArray;
        float[] weights = graph.OutWeightArray;
        for (int e = 0; e < weights.Length; e++)
        {
            if (!(weights[e] >= 0f && weights[e] <= 1f))
            {
                throw new ArgumentException($"Independent-cascade arc probabilities must lie in [0, 1]; an arc from node '{graph.NodeId(SourceOf(offsets, e))}' has {weights[e]} (use EdgeProbabilities).", nameof(graph));
            }
        }

        // When every arc into v has the same probability (weighted cascade, uniform) the threshold is a property of v:
        // one 4-byte array, zeroed for active nodes, so each arc costs one random read and one compare.
        uint[]? nodeThresholds = ThresholdsByTarget(graph);
        if (nodeThresholds is not null)
        {
            return () => new TargetThresholdRunner(offsets, targets, nodeThresholds);
        }

        // Otherwise one 64-bit word per arc: the scaled probability in the high half, the head in the low half.
        var arcs = new ulong[targets.Length];
        for (int e = 0; e < arcs.Length; e++)
        {
            arcs[e] = ((ulong)Scale(weights[e]) << 32) | (uint)targets[e];
        }

        return () => new ArcThresholdRunner(offsets, arcs, n);
    }

    /// <summary>p·2³¹ rounded: 0 never fires, 2³¹ always fires against a 31-bit draw.</summary>
    private static uint Scale(float p) => (uint)Math.Round(p * (double)(1u << 31));

    private static uint[]? ThresholdsByTarget(SocialGraph graph)
    {
        int[] inOffsets = graph.InOffsetArray;
        float[] inWeights = graph.InWeightArray;
        var thresholds = new uint[graph.NodeCount];
        for (int v = 0; v < thresholds.Length; v++)
        {
            int start = inOffsets[v], end = inOffsets[v + 1];
            if (start == end)
            {
                continue;
            }

            float w = inWeights[start];
            for (int e = start + 1; e < end; e++)
            {
                if (inWeights[e] != w)
                {
                    return null;
                }
            }

            thresholds[v] = Scale(w);
        }

        return thresholds;
    }

    private static int SourceOf(int[] offsets, int arc)
    {
        int u = Array.BinarySearch(offsets, arc);
        if (u < 0)
        {
            return ~u - 1;
        }

        while (u + 1 < offsets.Length && offsets[u + 1] == arc)
        {
            u++;
        }

        return u;
    }

    private sealed class ArcThresholdRunner(int[] offsets, ulong[] arcs, int nodeCount) : CascadeRun
    {
        private readonly byte[] _active = new byte[nodeCount];
        private readonly int[] _queue = new int[nodeCount];
        private readonly uint[] _draws = new uint[DrawBlock];
        private int _count;

        public override int Run(ReadOnlySpan<int> seeds, ref Xoshiro256 rng, List<DiffusionPeriod>? trace)
        {
            byte[] activeArray = _active;
            int[] queueArray = _queue;
            // Clear only what the previous run touched.
            for (int i = 0; i < _count; i++)
            {
                activeArray[queueArray[i]] = 0;
            }

            int tail = 0;
            foreach (int s in seeds)
            {
                if (activeArray[s] == 0)
                {
                    activeArray[s] = 1;
                    queueArray[tail++] = s;
                }
            }

            trace?.Add(new DiffusionPeriod(0, tail, tail, 0, null));
            var r = rng;
            ref byte active = ref MemoryMarshal.GetArrayDataReference(activeArray);
            ref int queue = ref MemoryMarshal.GetArrayDataReference(queueArray);
            ref ulong arc0 = ref MemoryMarshal.GetArrayDataReference(arcs);
            ref int offset = ref MemoryMarshal.GetArrayDataReference(offsets);
            ref uint draws = ref MemoryMarshal.GetArrayDataReference(_draws);
            int left = 0;
            int head = 0, levelEnd = tail, period = 0;
            while (head < tail)
            {
                int u = Unsafe.Add(ref queue, head++);
                int end = Unsafe.Add(ref offset, u + 1);
                for (int e = Unsafe.Add(ref offset, u); e < end; e++)
                {
                    if (left == 0)
                    {
                        Refill(ref draws, ref r);
                        left = DrawBlock;
                    }

                    // A draw for every arc, used or not: the test below is then one rarely-true branch.
                    uint draw = Unsafe.Add(ref draws, --left);
                    ulong arc = Unsafe.Add(ref arc0, e);
                    int v = (int)(uint)arc;
                    ref byte state = ref Unsafe.Add(ref active, v);
                    if ((draw < (uint)(arc >> 32)) & (state == 0))
                    {
                        state = 1;
                        Unsafe.Add(ref queue, tail++) = v;
                    }
                }

                if (head == levelEnd && trace is not null)
                {
                    if (tail > levelEnd)
                    {
                        period++;
                        trace.Add(new DiffusionPeriod(period, tail, tail - levelEnd, 0, null));
                    }

                    levelEnd = tail;
                }
            }

            rng = r;
            _count = tail;
            return tail;
        }

        public override void AddAdopters(int[] counts)
        {
            for (int i = 0; i < _count; i++)
            {
                counts[_queue[i]]++;
            }
        }

    }

    /// <summary>31-bit draws are produced in blocks (two per 64-bit output), so the arc loop has no generator branch to mispredict.</summary>
    private const int DrawBlock = 128;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Refill(ref uint draws, ref Xoshiro256 rng)
    {
        var local = rng; // a local copy lets the JIT keep the generator state in registers
        for (int k = 0; k < DrawBlock; k += 2)
        {
            ulong x = local.NextUInt64();
            Unsafe.Add(ref draws, k) = (uint)(x >> 33);
            Unsafe.Add(ref draws, k + 1) = (uint)x >> 1;
        }

        rng = local;
    }

    /// <summary>Each node's threshold lives in one array that is zeroed when the node activates (restored after the run).</summary>
    private sealed class TargetThresholdRunner(int[] offsets, int[] targets, uint[] thresholds) : CascadeRun
    {
        private readonly uint[] _open = (uint[])thresholds.Clone();
        private readonly int[] _queue = new int[thresholds.Length];
        private readonly uint[] _draws = new uint[DrawBlock];
        private int _count;

        public override int Run(ReadOnlySpan<int> seeds, ref Xoshiro256 rng, List<DiffusionPeriod>? trace)
        {
            uint[] openArray = _open;
            int[] queueArray = _queue;
            // Undo the previous run: restore the thresholds of the nodes it activated.
            for (int i = 0; i < _count; i++)
            {
                int v = queueArray[i];
                openArray[v] = thresholds[v];
            }

            _count = 0;
            int tail = 0;
            foreach (int s in seeds)
            {
                if (openArray[s] != 0 || Array.IndexOf(queueArray, s, 0, tail) < 0)
                {
                    openArray[s] = 0;
                    queueArray[tail++] = s;
                }
            }

            trace?.Add(new DiffusionPeriod(0, tail, tail, 0, null));
            var r = rng;
            ref uint open = ref MemoryMarshal.GetArrayDataReference(openArray);
            ref int queue = ref MemoryMarshal.GetArrayDataReference(queueArray);
            ref int target = ref MemoryMarshal.GetArrayDataReference(targets);
            ref int offset = ref MemoryMarshal.GetArrayDataReference(offsets);
            ref uint draws = ref MemoryMarshal.GetArrayDataReference(_draws);
            int left = 0;
            int head = 0, levelEnd = tail, period = 0;
            while (head < tail)
            {
                int u = Unsafe.Add(ref queue, head++);
                int end = Unsafe.Add(ref offset, u + 1);
                for (int e = Unsafe.Add(ref offset, u); e < end; e++)
                {
                    if (left == 0)
                    {
                        Refill(ref draws, ref r);
                        left = DrawBlock;
                    }

                    uint draw = Unsafe.Add(ref draws, --left);
                    int v = Unsafe.Add(ref target, e);
                    ref uint threshold = ref Unsafe.Add(ref open, v);
                    if (draw < threshold)
                    {
                        threshold = 0;
                        Unsafe.Add(ref queue, tail++) = v;
                    }
                }

                if (head == levelEnd && trace is not null)
                {
                    if (tail > levelEnd)
                    {
                        period++;
                        trace.Add(new DiffusionPeriod(period, tail, tail - levelEnd, 0, null));
                    }

                    levelEnd = tail;
                }
            }

            rng = r;
            _count = tail;
            return tail;
        }

        public override void AddAdopters(int[] counts)
        {
            for (int i = 0; i < _count; i++)
            {
                counts[_queue[i]]++;
            }
        }
    }
}
