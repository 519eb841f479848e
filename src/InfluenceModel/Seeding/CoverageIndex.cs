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

    /// <summary>Builds the index by counting sort over the flat node array: O(total size + n).</summary>
    public static CoverageIndex Build(RrSetCollection sets, int nodeCount)
    {
        var offsets = new int[nodeCount + 1];
        int[] nodes = sets.Nodes;
        int total = sets.TotalSize;
        for (int j = 0; j < total; j++)
        {
            offsets[nodes[j] + 1]++;
        }

        for (int v = 0; v < nodeCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        var setIds = new int[total];
        // Fill with a moving cursor per node; offsets[v] is restored afterwards by shifting.
        int[] setOffsets = sets.Offsets;
        for (int r = 0; r < sets.Count; r++)
        {
            for (int j = setOffsets[r], end = setOffsets[r + 1]; j < end; j++)
            {
                setIds[offsets[nodes[j]]++] = r;
            }
        }

        for (int v = nodeCount; v > 0; v--)
        {
            offsets[v] = offsets[v - 1];
        }

        offsets[0] = 0;
        return new CoverageIndex(offsets, setIds);
    }
}
