using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    /// <summary>
    /// The fast path when p(u,v) depends on v only: node v's threshold p·2³¹ − 1 lives in one pinned int array and is set
    /// to −1 when v activates (restored after the run), so an arc fires iff its 31-bit draw d ≤ open[v]. Each out-row is
    /// processed eight arcs at a time: with AVX2 one gather and one compare decide the eight coins; the rare hits are
    /// then applied in arc order (re-checked, so repeated arcs behave as in a sequential loop). Draws come from a
    /// four-lane vectorised xoshiro256** seeded from the simulation's stream and are consumed one per arc on every code path,
    /// so the result does not depend on the instruction set.
    /// </summary>
    private sealed unsafe class TargetThresholdRunner : CascadeRun
    {
        private const int Block = 256;

        private readonly int[] _offsets;
        private readonly int[] _targets;
        private readonly int[] _thresholds;
        private readonly int[] _open;
        private readonly int* _openPointer;
        private readonly int[] _queue;
        private readonly int[] _draws = new int[Block];
        private int _count;

        public TargetThresholdRunner(int[] offsets, int[] targets, uint[] thresholds)
        {
            _offsets = offsets;
            _targets = new int[targets.Length + 8];
            targets.CopyTo(_targets, 0);
            _thresholds = new int[thresholds.Length];
            for (int v = 0; v < thresholds.Length; v++)
            {
                _thresholds[v] = (int)((long)thresholds[v] - 1);
            }

            _open = GC.AllocateArray<int>(thresholds.Length, pinned: true);
            _thresholds.CopyTo(_open, 0);
            _openPointer = (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_open));
            _queue = new int[thresholds.Length];
        }

        public override int Run(ReadOnlySpan<int> seeds, ref Xoshiro256 rng, List<DiffusionPeriod>? trace)
        {
            int[] openArray = _open, queueArray = _queue, thresholds = _thresholds;
            for (int i = 0; i < _count; i++)
            {
                int v = queueArray[i];
                openArray[v] = thresholds[v];
            }

            int tail = 0;
            foreach (int s in seeds)
            {
                // Seeds are distinct (DiffusionModel.CheckInputs).
                openArray[s] = -1;
                queueArray[tail++] = s;
            }

            trace?.Add(new DiffusionPeriod(0, tail, tail, 0, null));
            var lanes = new VectorXoshiro(ref rng);
            ref int open = ref MemoryMarshal.GetArrayDataReference(openArray);
            ref int queue = ref MemoryMarshal.GetArrayDataReference(queueArray);
            ref int target = ref MemoryMarshal.GetArrayDataReference(_targets);
            ref int offset = ref MemoryMarshal.GetArrayDataReference(_offsets);
            ref int draws = ref MemoryMarshal.GetArrayDataReference(_draws);
            int* openPointer = _openPointer;
            bool gather = Avx2.IsSupported;
            int pos = Block;
            int head = 0, levelEnd = tail, period = 0;
            while (head < tail)
            {
                int u = Unsafe.Add(ref queue, head++);
                int e = Unsafe.Add(ref offset, u), end = Unsafe.Add(ref offset, u + 1);
                while (e < end)
                {
                    if (pos > Block - 8)
                    {
                        lanes.Fill(ref draws, Block);
                        pos = 0;
                    }

                    int count = Math.Min(8, end - e);
                    uint hits;
                    if (gather)
                    {
                        // The targets array is padded with 8 zeros, so a short row reads valid indices past its end;
                        // those lanes are masked off.
                        var index = Vector256.LoadUnsafe(ref target, (nuint)e);
                        var limit = Avx2.GatherVector256(openPointer, index, 4);
                        var draw = Vector256.LoadUnsafe(ref draws, (nuint)pos);
                        hits = Vector256.LessThanOrEqual(draw, limit).ExtractMostSignificantBits() & ((1u << count) - 1);
                    }
                    else
                    {
                        hits = 0;
                        for (int k = 0; k < count; k++)
                        {
                            if (Unsafe.Add(ref draws, pos + k) <= Unsafe.Add(ref open, Unsafe.Add(ref target, e + k)))
                            {
                                hits |= 1u << k;
                            }
                        }
                    }

                    while (hits != 0)
                    {
                        int k = BitOperations.TrailingZeroCount(hits);
                        hits &= hits - 1;
                        int v = Unsafe.Add(ref target, e + k);
                        ref int limit = ref Unsafe.Add(ref open, v);
                        if (Unsafe.Add(ref draws, pos + k) <= limit)
                        {
                            limit = -1;
                            Unsafe.Add(ref queue, tail++) = v;
                        }
                    }

                    pos += count;
                    e += count;
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

    /// <summary>
    /// Four independent xoshiro256** lanes in one 256-bit vector (multiplications by 5 and 9 as shifts and adds, so
    /// AVX2 suffices), seeded from 16 outputs of the simulation's own generator. Produces 31-bit draws as ints.
    /// </summary>
    private struct VectorXoshiro
    {
        private Vector256<ulong> _s0, _s1, _s2, _s3;

        public VectorXoshiro(ref Xoshiro256 rng)
        {
            _s0 = Vector256.Create(rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64());
            _s1 = Vector256.Create(rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64());
            _s2 = Vector256.Create(rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64());
            _s3 = Vector256.Create(rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64()) | Vector256<ulong>.One;
        }

        /// <summary>Writes <paramref name="count"/> (a multiple of 8) 31-bit draws.</summary>
        public void Fill(ref int destination, int count)
        {
            Vector256<ulong> s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
            for (int i = 0; i < count; i += 8)
            {
                var times5 = (s1 << 2) + s1;
                var rotated = (times5 << 7) | (times5 >> 57);
                var result = (rotated << 3) + rotated;
                var t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = (s3 << 45) | (s3 >> 19);
                (result.AsInt32() >>> 1).StoreUnsafe(ref destination, (nuint)i);
            }

            _s0 = s0;
            _s1 = s1;
            _s2 = s2;
            _s3 = s3;
        }
    }
}
