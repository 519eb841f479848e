using InfluenceModel.Internal;

namespace InfluenceModel.Seeding;

/// <summary>
/// The inverted index of an <see cref="RrSetCollection"/>: for each node, the ids of the RR sets that contain it
/// (compressed rows). <see cref="Degree"/>(v) is v's coverage Λ(v), the number of sets it hits.
/// </summary>
internal sealed class CoverageIndex
{
    private CoverageIndex(int[] offsets, int[] setIds)
    {
        Offsets = offsets;
        SetIds = setIds;
    }

    /// <summary>Sets containing v are SetIds[Offsets[v]..Offsets[v+1]), in increasing id order.</summary>
    public int[] Offsets { get; }

    public int[] SetIds { get; }

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    /// <summary>
    /// Builds the index by counting sort over the flat node array: O(total size + n). With
    /// <paramref name="parallelism"/> ≥ 2 and enough entries the sets are split into two halves counted and filled on
    /// two threads (each node's list is still in increasing set order, so the index is the same).
    /// </summary>
    public static CoverageIndex Build(RrSetCollection sets, int nodeCount, int parallelism = 1)
    {
        int[] nodes = sets.Nodes;
        int[] setOffsets = sets.Offsets;
        int total = sets.TotalSize;
        // Split point: the first set starting at or after half of the entries.
        int split = parallelism >= 2 && total >= ParallelThreshold ? FirstSetAtOrAfter(setOffsets, sets.Count, total / 2) : sets.Count;
        var offsets = new int[nodeCount + 1];
        bool twoHalves = split < sets.Count;
        int[] secondCounts = twoHalves ? new int[nodeCount] : [];
        int middle = setOffsets[split];
        if (twoHalves)
        {
            Parallel.Invoke(
                ParallelScheduler.Options(2),
                () => Count(nodes, 0, middle, offsets.AsSpan(1)),
                () => Count(nodes, middle, total, secondCounts));
        }
        else
        {
            Count(nodes, 0, total, offsets.AsSpan(1));
        }

        // offsets[v + 1] holds the first half's count of v; turn it into the start of v's row, then per-half cursors.
        var firstCursor = new int[nodeCount];
        int running = 0;
        for (int v = 0; v < nodeCount; v++)
        {
            int first = offsets[v + 1];
            int second = twoHalves ? secondCounts[v] : 0;
            offsets[v] = running;
            firstCursor[v] = running;
            if (twoHalves)
            {
                secondCounts[v] = running + first;
            }

            running += first + second;
        }

        offsets[nodeCount] = running;
        var setIds = new int[total];
        if (twoHalves)
        {
            Parallel.Invoke(
                ParallelScheduler.Options(2),
                () => Fill(nodes, setOffsets, 0, split, firstCursor, setIds),
                () => Fill(nodes, setOffsets, split, sets.Count, secondCounts, setIds));
        }
        else
        {
            Fill(nodes, setOffsets, 0, sets.Count, firstCursor, setIds);
        }

        return new CoverageIndex(offsets, setIds);
    }

    /// <summary>Below this many entries one thread is faster than two.</summary>
    private const int ParallelThreshold = 200_000;

    private static void Count(int[] nodes, int from, int to, Span<int> counts)
    {
        for (int j = from; j < to; j++)
        {
            counts[nodes[j]]++;
        }
    }

    private static void Fill(int[] nodes, int[] setOffsets, int firstSet, int endSet, int[] cursor, int[] setIds)
    {
        for (int r = firstSet; r < endSet; r++)
        {
            for (int j = setOffsets[r], end = setOffsets[r + 1]; j < end; j++)
            {
                setIds[cursor[nodes[j]]++] = r;
            }
        }
    }

    private static int FirstSetAtOrAfter(int[] setOffsets, int count, int entry)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (setOffsets[mid] < entry)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
