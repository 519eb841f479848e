namespace InfluenceModel.Seeding;

/// <summary>
/// Reverse-reachable sets stored flat: the nodes of set i are <c>Nodes[Offsets[i]..Offsets[i+1])</c>. Sets are kept
/// in stream-index order, so the collection's content never depends on how many threads generated it. Appending is
/// single-threaded (the sampler merges its chunks in index order).
/// </summary>
internal sealed class RrSetCollection
{
    private int[] _nodes = [];
    private int[] _offsets = [0];

    /// <summary>Number of RR sets.</summary>
    public int Count { get; private set; }

    /// <summary>Total number of node entries over all sets.</summary>
    public int TotalSize => _offsets[Count];

    /// <summary>Node entries of all sets, back to back (only the first <see cref="TotalSize"/> are used).</summary>
    public int[] Nodes => _nodes;

    /// <summary>Start of each set in <see cref="Nodes"/>; entry <see cref="Count"/> is the end of the last set.</summary>
    public int[] Offsets => _offsets;

    /// <summary>The nodes of set <paramref name="index"/>.</summary>
    public ReadOnlySpan<int> this[int index] => _nodes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>Makes room for <paramref name="sets"/> more sets holding <paramref name="entries"/> more nodes.</summary>
    public void Reserve(int sets, long entries)
    {
        long needEntries = (long)TotalSize + entries;
        if (needEntries > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"The RR sets would hold {needEntries:N0} node entries, more than one array can hold ({Array.MaxLength:N0}); use a larger epsilon or a smaller k.");
        }

        if (needEntries > _nodes.Length)
        {
            Array.Resize(ref _nodes, (int)needEntries);
        }

        if (Count + sets + 1 > _offsets.Length)
        {
            Array.Resize(ref _offsets, Count + sets + 1);
        }
    }

    /// <summary>Appends sets given back to back in <paramref name="nodes"/> with their lengths in <paramref name="lengths"/>.</summary>
    public void Append(ReadOnlySpan<int> nodes, ReadOnlySpan<int> lengths)
    {
        Reserve(lengths.Length, nodes.Length);
        int at = TotalSize;
        nodes.CopyTo(_nodes.AsSpan(at));
        for (int i = 0; i < lengths.Length; i++)
        {
            at += lengths[i];
            _offsets[++Count] = at;
        }
    }

    /// <summary>Adds one set (used by tests and benchmarks); capacity grows by doubling, so n adds cost O(total size).</summary>
    public void Add(ReadOnlySpan<int> nodes)
    {
        if (TotalSize + nodes.Length > _nodes.Length || Count + 2 > _offsets.Length)
        {
            Reserve(Math.Max(1, Count), Math.Max(nodes.Length, TotalSize));
        }

        Span<int> length = [nodes.Length];
        Append(nodes, length);
    }

    /// <summary>Number of sets that contain at least one node flagged in <paramref name="inSet"/>.</summary>
    public int CountCovered(ReadOnlySpan<bool> inSet)
    {
        int covered = 0;
        for (int i = 0; i < Count; i++)
        {
            for (int j = _offsets[i], end = _offsets[i + 1]; j < end; j++)
            {
                if (inSet[_nodes[j]])
                {
                    covered++;
                    break;
                }
            }
        }

        return covered;
    }
}
