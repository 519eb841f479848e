using System.Buffers;
using System.Runtime.CompilerServices;
using InfluenceModel.Internal;

namespace InfluenceModel.Seeding;

/// <summary>
/// Generates random reverse-reachable (RR) sets (Borgs et al. 2014) in parallel. RR set number i is drawn from its
/// own stream <c>Xoshiro256(seed, i)</c>: a uniform root, then
/// <list type="bullet">
/// <item>IC: a reverse breadth-first search keeping each in-edge (u, v) with probability p(u, v). When all in-edges of
/// v share one p and few of them are expected live (weighted cascade: one on average) the number of live in-edges is
/// drawn from its binomial distribution with one 32-bit draw and that many distinct in-edges are picked uniformly, so a
/// node costs O(1 + live edges) draws and no logarithm; with many live edges expected the kept edges are found by
/// geometric skipping (SUBSIM, Guo et al. 2020): the gap to the next kept edge is ⌊ln U / ln(1 − p)⌋.</item>
/// <item>LT: a reverse random walk: from v pick in-neighbour u with probability w(u, v) (stop with probability
/// 1 − Σ w), stop at a node already visited (Tang et al. 2014).</item>
/// </list>
/// Chunks of consecutive indices run on any thread and are merged in index order, so the collection is identical at
/// any degree of parallelism.
/// </summary>
internal static class RrSampler
{
    private const int CancellationCheckMask = 1023;

    /// <summary>Floyd's picks up to this count use the worker's scratch array (more is astronomically rare: d·p ≤ 4).</summary>
    private const int MaxPickScratch = 64;

    /// <summary>Appends RR sets with stream indices [firstIndex, firstIndex + count) to <paramref name="target"/>.</summary>
    public static void Generate(
        ReverseInfluenceGraph graph,
        RrSetCollection target,
        ulong seed,
        long firstIndex,
        int count,
        int maxDegreeOfParallelism,
        CancellationToken cancellationToken,
        ProgressReporter? progress = null)
    {
        if (count <= 0)
        {
            return;
        }

        // Size chunk buffers from what the collection has seen so far (average set size), so growth is rare.
        double averageSize = target.Count > 0 ? (double)target.TotalSize / target.Count : 4.0;
        var chunks = new List<Chunk>();
        var gate = new Lock();
        DeterministicParallel.For(
            count,
            maxDegreeOfParallelism,
            () => new Scratch(new int[graph.NodeCount], new int[MaxPickScratch]),
            (scratch, start, end) =>
            {
                var chunk = new Chunk(start, end - start, (int)Math.Min(Array.MaxLength, (long)((end - start) * averageSize * 1.25) + 64));
                int reported = start;
                for (int i = start; i < end; i++)
                {
                    if ((i & CancellationCheckMask) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        progress?.Advance(i - reported);
                        reported = i;
                    }

                    long index = firstIndex + i;
                    var rng = new Xoshiro256(seed, (ulong)index);
                    // Stamps hold (index + 1) so the visited marks never need clearing; an int wraps only after 2^31 sets.
                    int stamp = (int)((index & int.MaxValue) + 1);
                    int setStart = chunk.Used;
                    if (graph.IsLinearThreshold)
                    {
                        SampleLinearThreshold(graph, ref rng, scratch.Stamps, stamp, chunk);
                    }
                    else
                    {
                        SampleIndependentCascade(graph, rng, scratch, stamp, chunk);
                    }

                    chunk.Lengths[i - start] = chunk.Used - setStart;
                }

                progress?.Advance(end - reported);

                lock (gate)
                {
                    chunks.Add(chunk);
                }
            },
            cancellationToken);

        chunks.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        long total = 0;
        foreach (var chunk in chunks)
        {
            total += chunk.Used;
        }

        target.Reserve(count, total);
        foreach (var chunk in chunks)
        {
            target.Append(chunk.Buffer.AsSpan(0, chunk.Used), chunk.Lengths);
            chunk.Release();
        }
    }

    /// <remarks>
    /// The generator is taken by value: a copy whose address never escapes (every helper below is inlined) lets the JIT
    /// keep its state in registers; through a ref parameter each draw would be a chain of memory read-modify-writes.
    /// </remarks>
    private static void SampleIndependentCascade(ReverseInfluenceGraph graph, Xoshiro256 rng, Scratch scratch, int stamp, Chunk chunk)
    {
        int[] stamps = scratch.Stamps;
        int[] inOffsets = graph.InOffsets;
        int[] inSources = graph.InSources;
        var modes = graph.Modes;
        // The chunk's buffer and fill level live in locals for the whole search; room for every in-edge of a node is made
        // before the node is expanded (it adds at most that many), so a visit is a plain store.
        int[] buffer = chunk.Buffer;
        int used = chunk.Used;
        int root = rng.NextInt(graph.NodeCount);
        stamps[root] = stamp;
        if (used == buffer.Length)
        {
            buffer = chunk.MakeRoom(used, 1);
        }

        int head = used;
        buffer[used++] = root;
        while (head < used)
        {
            int v = buffer[head++];
            int start = inOffsets[v], end = inOffsets[v + 1];
            if (buffer.Length - used < end - start)
            {
                buffer = chunk.MakeRoom(used, end - start);
            }

            switch (modes[v])
            {
                case ReverseInfluenceGraph.SamplingMode.UniformCoins:
                    ulong threshold = graph.NodeThreshold[v];
                    for (int e = start; e < end; e++)
                    {
                        if (rng.NextUInt32() < threshold)
                        {
                            Visit(inSources[e], stamps, stamp, buffer, ref used);
                        }
                    }

                    break;
                case ReverseInfluenceGraph.SamplingMode.UniformSkip:
                    // Geometric skipping: the number of failures before the next success is ⌊ln U / ln(1 − p)⌋, U ∈ (0, 1].
                    double logFail = graph.NodeValue[v];
                    for (int e = start - 1; ;)
                    {
                        double skip = Math.Log(1.0 - rng.NextDouble()) / logFail;
                        if (skip >= end - e - 1)
                        {
                            break;
                        }

                        e += 1 + (int)skip;
                        Visit(inSources[e], stamps, stamp, buffer, ref used);
                    }

                    break;
                case ReverseInfluenceGraph.SamplingMode.BinomialPick:
                    PickLiveInEdges(graph, v, start, end, ref rng, scratch, stamp, buffer, ref used);
                    break;
                case ReverseInfluenceGraph.SamplingMode.MixedCoins:
                    ulong[] thresholds = graph.EdgeThreshold;
                    for (int e = start; e < end; e++)
                    {
                        if (rng.NextUInt32() < thresholds[e])
                        {
                            Visit(inSources[e], stamps, stamp, buffer, ref used);
                        }
                    }

                    break;
                case ReverseInfluenceGraph.SamplingMode.All:
                    for (int e = start; e < end; e++)
                    {
                        Visit(inSources[e], stamps, stamp, buffer, ref used);
                    }

                    break;
                default:
                    break;
            }
        }

        chunk.Used = used;
    }

    /// <summary>
    /// Binomial-pick sampling of v's live in-edges: the count c from one 32-bit draw (four thresholds, a rare tail beyond), then
    /// c distinct in-edges uniformly by Floyd's algorithm — together exactly "each in-edge live with probability p".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PickLiveInEdges(ReverseInfluenceGraph graph, int v, int start, int end, ref Xoshiro256 rng, Scratch scratch, int stamp, int[] buffer, ref int used)
    {
        int[] stamps = scratch.Stamps;
        uint u = rng.NextUInt32();
        ref uint t = ref graph.CountThresholds[4 * v];
        int count = (u >= t ? 1 : 0) + (u >= Unsafe.Add(ref t, 1) ? 1 : 0) + (u >= Unsafe.Add(ref t, 2) ? 1 : 0) + (u >= Unsafe.Add(ref t, 3) ? 1 : 0);
        if (count == 0)
        {
            return;
        }

        int[] inSources = graph.InSources;
        int degree = end - start;
        if (count == 4)
        {
            count = graph.TailCount(v, u);
        }

        if (count >= degree)
        {
            for (int e = start; e < end; e++)
            {
                Visit(inSources[e], stamps, stamp, buffer, ref used);
            }

            return;
        }

        if (count == 1)
        {
            Visit(inSources[start + rng.NextInt(degree)], stamps, stamp, buffer, ref used);
            return;
        }

        // Floyd: for j = d − c … d − 1 pick t in [0, j]; if t was already picked, take j instead.
        // No stackalloc here: it would stop this method from being inlined (and the generator from living in registers).
        Span<int> picked = count <= MaxPickScratch ? scratch.Picked.AsSpan(0, count) : new int[count];
        int taken = 0;
        for (int j = degree - count; j < degree; j++)
        {
            int pick = rng.NextInt(j + 1);
            if (picked[..taken].Contains(pick))
            {
                pick = j;
            }

            picked[taken++] = pick;
            Visit(inSources[start + pick], stamps, stamp, buffer, ref used);
        }
    }

    private static void SampleLinearThreshold(ReverseInfluenceGraph graph, ref Xoshiro256 rng, int[] stamps, int stamp, Chunk chunk)
    {
        int[] inOffsets = graph.InOffsets;
        int[] inSources = graph.InSources;
        int v = rng.NextInt(graph.NodeCount);
        stamps[v] = stamp;
        chunk.Push(v);
        while (true)
        {
            int start = inOffsets[v], end = inOffsets[v + 1];
            int picked;
            switch (graph.Modes[v])
            {
                case ReverseInfluenceGraph.SamplingMode.UniformWalk:
                    double slot = rng.NextDouble() / graph.NodeValue[v];
                    if (slot >= end - start)
                    {
                        return;
                    }

                    picked = start + (int)slot;
                    break;
                case ReverseInfluenceGraph.SamplingMode.MixedWalk:
                    picked = FirstAbove(graph.CumulativeWeight, start, end, rng.NextDouble());
                    if (picked < 0)
                    {
                        return;
                    }

                    break;
                default:
                    return;
            }

            int next = inSources[picked];
            if (stamps[next] == stamp)
            {
                return;
            }

            stamps[next] = stamp;
            chunk.Push(next);
            v = next;
        }
    }

    /// <summary>The first edge e in [start, end) with cumulative[e] &gt; u, or -1 (binary search; cumulative is non-decreasing).</summary>
    private static int FirstAbove(double[] cumulative, int start, int end, double u)
    {
        if (cumulative[end - 1] <= u)
        {
            return -1;
        }

        int lo = start, hi = end - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>Adds <paramref name="node"/> to the set unless already in it; the caller has made room in <paramref name="buffer"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Visit(int node, int[] stamps, int stamp, int[] buffer, ref int used)
    {
        if (stamps[node] != stamp)
        {
            stamps[node] = stamp;
            buffer[used++] = node;
        }
    }

    /// <summary>One worker's reusable buffers: visited stamps per node and Floyd's picks.</summary>
    private sealed record Scratch(int[] Stamps, int[] Picked);

    /// <summary>The RR sets of one chunk of consecutive indices, in a pooled buffer until merged.</summary>
    private sealed class Chunk(int start, int count, int capacity)
    {
        public int Start { get; } = start;

        public int[] Buffer { get; private set; } = ArrayPool<int>.Shared.Rent(Math.Max(16, capacity));

        public int Used { get; set; }

        public int[] Lengths { get; } = new int[count];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Push(int node)
        {
            if (Used == Buffer.Length)
            {
                Grow();
            }

            Buffer[Used++] = node;
        }

        /// <summary>Grows the buffer so that <paramref name="extra"/> entries fit after the first <paramref name="used"/>; returns it.</summary>
        public int[] MakeRoom(int used, int extra)
        {
            Used = used;
            while (Buffer.Length - Used < extra)
            {
                Grow();
            }

            return Buffer;
        }

        public void Release()
        {
            ArrayPool<int>.Shared.Return(Buffer);
            Buffer = [];
        }

        private void Grow()
        {
            if (Buffer.Length >= Array.MaxLength)
            {
                throw new InvalidOperationException("An RR-set chunk outgrew the largest array; use a larger epsilon or a smaller k.");
            }

            int[] bigger = ArrayPool<int>.Shared.Rent((int)Math.Min(Array.MaxLength, 2L * Buffer.Length));
            Buffer.AsSpan(0, Used).CopyTo(bigger);
            ArrayPool<int>.Shared.Return(Buffer);
            Buffer = bigger;
        }
    }
}
