namespace InfluenceModel.Networks;

/// <summary>A growable list of arcs as three flat arrays (no per-arc objects).</summary>
internal sealed class EdgeBuffer(int capacity)
{
    public int[] Sources = new int[Math.Max(capacity, 4)];
    public int[] Targets = new int[Math.Max(capacity, 4)];
    public float[] Weights = new float[Math.Max(capacity, 4)];

    /// <summary>A buffer of <paramref name="count"/> arcs to be filled in place (arrays of exactly that length, at least 4).</summary>
    public EdgeBuffer(int capacity, int count)
        : this(capacity)
    {
        Count = count;
    }

    public int Count { get; private set; }

    public void Add(int source, int target, float weight)
    {
        if (Count == Sources.Length)
        {
            int size = checked(Count * 2);
            Array.Resize(ref Sources, size);
            Array.Resize(ref Targets, size);
            Array.Resize(ref Weights, size);
        }

        Sources[Count] = source;
        Targets[Count] = target;
        Weights[Count] = weight;
        Count++;
    }
}

/// <summary>Turns an arc list into the two CSR orders of a <see cref="SocialGraph"/>.</summary>
internal static class GraphBuilder
{
    /// <summary>
    /// Builds the graph: undirected arcs doubled, self-loops and repeated arcs dropped unless kept (the first occurrence
    /// in input order wins), out-rows sorted by target and in-rows by source. O(m log d) time, 16 bytes per arc kept.
    /// </summary>
    public static SocialGraph Build(int nodeCount, EdgeBuffer edges, EdgeListOptions options, int[]? groups, NodeIdMap ids, CancellationToken cancellationToken = default)
    {
        int[] src = edges.Sources, dst = edges.Targets;
        float[] w = edges.Weights;
        int count = edges.Count;

        // 1. Out-degree counts (each undirected tie gives both arcs; a kept self-loop only once).
        var outOffsets = new int[nodeCount + 1];
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            int u = src[i], v = dst[i];
            if (u == v)
            {
                if (options.KeepSelfLoops)
                {
                    outOffsets[u + 1]++;
                    total++;
                }

                continue;
            }

            outOffsets[u + 1]++;
            total++;
            if (options.Undirected)
            {
                outOffsets[v + 1]++;
                total++;
            }
        }

        if (total > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(edges), total, $"The graph has {total} arcs; at most {Array.MaxLength} are supported.");
        }

        for (int u = 0; u < nodeCount; u++)
        {
            outOffsets[u + 1] += outOffsets[u];
        }

        // 2. Scatter in input order (stable), so that within a row the input order is kept for "first occurrence wins".
        var targets = new int[total];
        var weights = new float[total];
        var cursor = new int[nodeCount];
        Array.Copy(outOffsets, cursor, nodeCount);
        for (int i = 0; i < count; i++)
        {
            int u = src[i], v = dst[i];
            if (u == v && !options.KeepSelfLoops)
            {
                continue;
            }

            int at = cursor[u]++;
            targets[at] = v;
            weights[at] = w[i];
            if (options.Undirected && u != v)
            {
                at = cursor[v]++;
                targets[at] = u;
                weights[at] = w[i];
            }
        }

        // 3. Sort every row by (target, input position) and drop repeated arcs unless kept; compact in place.
        int write = 0;
        long[] keys = [];
        float[] rowWeights = [];
        for (int u = 0; u < nodeCount; u++)
        {
            if ((u & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int start = outOffsets[u], end = outOffsets[u + 1], length = end - start;
            outOffsets[u] = write;
            if (length > keys.Length)
            {
                keys = new long[Math.Max(length, keys.Length * 2)];
                rowWeights = new float[keys.Length];
            }

            bool sorted = true;
            for (int k = start + 1; k < end && sorted; k++)
            {
                sorted = targets[k - 1] < targets[k];
            }

            if (sorted)
            {
                // Already strictly ascending: no duplicates, nothing to reorder.
                Array.Copy(targets, start, targets, write, length);
                Array.Copy(weights, start, weights, write, length);
                write += length;
                continue;
            }

            for (int k = 0; k < length; k++)
            {
                keys[k] = ((long)targets[start + k] << 32) | (uint)k;
                rowWeights[k] = weights[start + k];
            }

            Array.Sort(keys, rowWeights, 0, length);
            int previous = -1;
            for (int k = 0; k < length; k++)
            {
                int v = (int)(keys[k] >> 32);
                if (v == previous && !options.KeepDuplicateArcs)
                {
                    continue;
                }

                targets[write] = v;
                weights[write] = rowWeights[k];
                write++;
                previous = v;
            }
        }

        outOffsets[nodeCount] = write;
        if (write != targets.Length)
        {
            Array.Resize(ref targets, write);
            Array.Resize(ref weights, write);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return FromOutCsr(outOffsets, targets, weights, groups, ids);
    }

    /// <summary>
    /// Builds the in-CSR from a finished out-CSR (rows sorted by source because sources are scanned in order). Without
    /// weights (<paramref name="hasWeights"/> false, every weight 1) both orders share the one weight array.
    /// </summary>
    public static SocialGraph FromOutCsr(int[] outOffsets, int[] targets, float[] weights, int[]? groups, NodeIdMap ids, bool hasWeights = true)
    {
        int nodeCount = outOffsets.Length - 1;
        var inOffsets = new int[nodeCount + 1];
        foreach (int v in targets)
        {
            inOffsets[v + 1]++;
        }

        for (int v = 0; v < nodeCount; v++)
        {
            inOffsets[v + 1] += inOffsets[v];
        }

        var sources = new int[targets.Length];
        var cursor = new int[nodeCount];
        Array.Copy(inOffsets, cursor, nodeCount);
        float[] inWeights;
        if (hasWeights)
        {
            inWeights = new float[targets.Length];
            for (int u = 0; u < nodeCount; u++)
            {
                for (int e = outOffsets[u]; e < outOffsets[u + 1]; e++)
                {
                    int at = cursor[targets[e]]++;
                    sources[at] = u;
                    inWeights[at] = weights[e];
                }
            }
        }
        else
        {
            inWeights = weights;
            for (int u = 0; u < nodeCount; u++)
            {
                for (int e = outOffsets[u]; e < outOffsets[u + 1]; e++)
                {
                    sources[cursor[targets[e]]++] = u;
                }
            }
        }

        return new SocialGraph(outOffsets, targets, weights, inOffsets, sources, inWeights, groups, ids, hasWeights);
    }
}
