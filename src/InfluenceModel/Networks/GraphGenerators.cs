using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// Random graph generators, deterministic by seed (same arguments and seed ⇒ the same graph on every machine and
/// thread count). Node ids are "0".."n−1". Undirected models store each tie as both arcs.
/// </summary>
public static class GraphGenerators
{
    /// <summary>
    /// Erdős–Rényi G(n, m): exactly <paramref name="edgeCount"/> distinct ties chosen uniformly among all possible ones
    /// (Erdős and Rényi 1959), without self-loops. Sampled with Floyd's algorithm in O(m) expected time.
    /// </summary>
    /// <param name="nodeCount">n ≥ 0.</param>
    /// <param name="edgeCount">m: arcs when directed (at most n(n−1)), undirected ties when not (at most n(n−1)/2, giving 2m arcs).</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="directed">Whether ties are directed arcs. Default true.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is negative or <paramref name="edgeCount"/> is outside [0, maximum].</exception>
    public static SocialGraph ErdosRenyi(int nodeCount, int edgeCount, ulong seed, bool directed = true)
    {
        Guard.NonNegative(nodeCount);
        long possible = directed ? (long)nodeCount * (nodeCount - 1) : (long)nodeCount * (nodeCount - 1) / 2;
        if (edgeCount < 0 || edgeCount > possible)
        {
            throw new ArgumentOutOfRangeException(nameof(edgeCount), edgeCount, $"edgeCount must be in [0, {possible}] for {nodeCount} {(directed ? "directed" : "undirected")} nodes; it was {edgeCount}.");
        }

        var rng = new Xoshiro256(seed, 0);
        var chosen = new HashSet<long>(edgeCount);
        var edges = new EdgeBuffer(edgeCount);
        // Floyd (1987): for j = N−m .. N−1 pick t in [0, j]; take t if new, else j. Every m-subset is equally likely.
        for (long j = possible - edgeCount; j < possible; j++)
        {
            long t = NextLong(ref rng, j + 1);
            long k = chosen.Add(t) ? t : (chosen.Add(j) ? j : throw new InvalidOperationException("Floyd sampling invariant broken."));
            (int u, int v) = directed ? DecodeOrdered(k, nodeCount) : DecodeUnordered(k, nodeCount);
            edges.Add(u, v, 1f);
        }

        return GraphBuilder.Build(nodeCount, edges, new EdgeListOptions { Undirected = !directed }, null, NodeIdMap.Identity(nodeCount));
    }

    /// <summary>
    /// Barabási–Albert preferential attachment (Barabási and Albert 1999), undirected: starting from
    /// <paramref name="edgesPerNode"/> isolated nodes, each new node attaches to <paramref name="edgesPerNode"/> distinct
    /// existing nodes chosen with probability proportional to their degree (the first new node attaches to all initial
    /// nodes), as in NetworkX's classic <c>barabasi_albert_graph</c>.
    /// </summary>
    /// <param name="nodeCount">n &gt; <paramref name="edgesPerNode"/>.</param>
    /// <param name="edgesPerNode">m ≥ 1, the ties each new node brings.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The graph with 2·m·(n − m) arcs.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="edgesPerNode"/> &lt; 1 or <paramref name="nodeCount"/> ≤ <paramref name="edgesPerNode"/>.</exception>
    public static SocialGraph BarabasiAlbert(int nodeCount, int edgesPerNode, ulong seed)
    {
        Guard.Positive(edgesPerNode);
        if (nodeCount <= edgesPerNode)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount, $"nodeCount must exceed edgesPerNode ({edgesPerNode}); it was {nodeCount}.");
        }

        var rng = new Xoshiro256(seed, 0);
        var edges = new EdgeBuffer(edgesPerNode * (nodeCount - edgesPerNode));
        var repeated = new List<int>(2 * edgesPerNode * (nodeCount - edgesPerNode));
        var targets = new List<int>(edgesPerNode);
        for (int i = 0; i < edgesPerNode; i++)
        {
            targets.Add(i);
        }

        var picked = new HashSet<int>();
        for (int source = edgesPerNode; source < nodeCount; source++)
        {
            foreach (int t in targets)
            {
                edges.Add(source, t, 1f);
                repeated.Add(t);
                repeated.Add(source);
            }

            picked.Clear();
            targets.Clear();
            while (targets.Count < edgesPerNode)
            {
                int candidate = repeated[rng.NextInt(repeated.Count)];
                if (picked.Add(candidate))
                {
                    targets.Add(candidate);
                }
            }
        }

        return GraphBuilder.Build(nodeCount, edges, new EdgeListOptions { Undirected = true }, null, NodeIdMap.Identity(nodeCount));
    }

    /// <summary>
    /// Watts–Strogatz small world (Watts and Strogatz 1998), undirected: a ring where each node is tied to its
    /// <paramref name="nearestNeighbors"/>/2 nearest neighbours on each side, then each tie (u, u+j) is rewired with
    /// probability <paramref name="rewiring"/> to (u, w), w uniform among nodes that are neither u nor already tied to u.
    /// </summary>
    /// <param name="nodeCount">n &gt; <paramref name="nearestNeighbors"/>.</param>
    /// <param name="nearestNeighbors">k, even, ≥ 2: the ring degree.</param>
    /// <param name="rewiring">β ∈ [0, 1]: 0 keeps the ring lattice, 1 gives a near-random graph.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The graph with n·k arcs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">k is odd or below 2; n ≤ k; β outside [0, 1].</exception>
    public static SocialGraph WattsStrogatz(int nodeCount, int nearestNeighbors, double rewiring, ulong seed)
    {
        if (nearestNeighbors < 2 || nearestNeighbors % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nearestNeighbors), nearestNeighbors, $"nearestNeighbors must be an even number ≥ 2; it was {nearestNeighbors}.");
        }

        if (nodeCount <= nearestNeighbors)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount, $"nodeCount must exceed nearestNeighbors ({nearestNeighbors}); it was {nodeCount}.");
        }

        Guard.Probability(rewiring);
        var rng = new Xoshiro256(seed, 0);
        var ties = new HashSet<long>();
        static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
        var list = new List<(int U, int V)>();
        for (int j = 1; j <= nearestNeighbors / 2; j++)
        {
            for (int u = 0; u < nodeCount; u++)
            {
                int v = (u + j) % nodeCount;
                ties.Add(Key(u, v));
                list.Add((u, v));
            }
        }

        // Rewire in NetworkX order: by ring distance j, then by node u.
        for (int i = 0; i < list.Count; i++)
        {
            (int u, int v) = list[i];
            if (rng.NextDouble() >= rewiring)
            {
                continue;
            }

            int w;
            int attempts = 0;
            do
            {
                w = rng.NextInt(nodeCount);
                attempts++;
            }
            while ((w == u || ties.Contains(Key(u, w))) && attempts < 64 * nodeCount);

            if (w == u || ties.Contains(Key(u, w)))
            {
                continue; // u is tied to every node: nothing to rewire to.
            }

            ties.Remove(Key(u, v));
            ties.Add(Key(u, w));
            list[i] = (u, w);
        }

        var edges = new EdgeBuffer(list.Count);
        foreach ((int u, int v) in list)
        {
            edges.Add(u, v, 1f);
        }

        return GraphBuilder.Build(nodeCount, edges, new EdgeListOptions { Undirected = true }, null, NodeIdMap.Identity(nodeCount));
    }

    /// <summary>
    /// Stochastic block model (Holland, Laskey and Leinhardt 1983): nodes are split into consecutive blocks of the given
    /// sizes; each pair of distinct nodes u (block a), v (block b) is tied independently with probability P[a][b]. The
    /// block of each node is kept as its group label (<see cref="SocialGraph.GroupOf(int)"/>), which the Kelman model's
    /// identification uses. Pairs are sampled by geometric skipping (Batagelj and Brandes 2005), O(n + m) expected.
    /// </summary>
    /// <param name="blockSizes">The size (≥ 0) of each block; at least one block.</param>
    /// <param name="probabilities">The k×k matrix of tie probabilities in [0, 1], symmetric when undirected.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="directed">Whether ties are directed arcs (P[a][b] for u→v). Default false.</param>
    /// <returns>The graph with group labels.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The matrix is not k×k, or not symmetric when undirected; no blocks.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative or a probability outside [0, 1].</exception>
    public static SocialGraph StochasticBlockModel(IReadOnlyList<int> blockSizes, IReadOnlyList<IReadOnlyList<double>> probabilities, ulong seed, bool directed = false)
    {
        ArgumentNullException.ThrowIfNull(blockSizes);
        ArgumentNullException.ThrowIfNull(probabilities);
        int k = blockSizes.Count;
        if (k == 0 || probabilities.Count != k)
        {
            throw new ArgumentException($"probabilities must be a {k}×{k} matrix with at least one block.", nameof(probabilities));
        }

        var start = new int[k + 1];
        for (int a = 0; a < k; a++)
        {
            Guard.NonNegative(blockSizes[a], nameof(blockSizes));
            start[a + 1] = checked(start[a] + blockSizes[a]);
            if (probabilities[a] is null || probabilities[a].Count != k)
            {
                throw new ArgumentException($"probabilities must be a {k}×{k} matrix; row {a} is not.", nameof(probabilities));
            }

            for (int b = 0; b < k; b++)
            {
                Guard.Probability(probabilities[a][b], nameof(probabilities));
                if (!directed && probabilities[a][b] != probabilities[b][a])
                {
                    throw new ArgumentException($"probabilities must be symmetric for an undirected model; [{a}][{b}] ≠ [{b}][{a}].", nameof(probabilities));
                }
            }
        }

        int n = start[k];
        var groups = new int[n];
        for (int a = 0; a < k; a++)
        {
            Array.Fill(groups, a, start[a], blockSizes[a]);
        }

        var rng = new Xoshiro256(seed, 0);
        var edges = new EdgeBuffer(16);
        for (int a = 0; a < k; a++)
        {
            for (int b = directed ? 0 : a; b < k; b++)
            {
                int sa = blockSizes[a], sb = blockSizes[b];
                long pairs = a != b ? (long)sa * sb : directed ? (long)sa * (sa - 1) : (long)sa * (sa - 1) / 2;
                foreach (long index in SkipSample(pairs, probabilities[a][b], ref rng))
                {
                    (int u, int v) = a != b ? ((int)(index / sb), (int)(index % sb))
                        : directed ? DecodeOrdered(index, sa) : DecodeUnordered(index, sa);
                    edges.Add(start[a] + u, start[b] + v, 1f);
                }
            }
        }

        return GraphBuilder.Build(n, edges, new EdgeListOptions { Undirected = !directed }, groups, NodeIdMap.Identity(n));
    }

    /// <summary>
    /// R-MAT (Chakrabarti, Zhan and Faloutsos 2004), directed: each of <paramref name="edgeCount"/> draws picks one cell
    /// (u, v) of the 2^scale × 2^scale adjacency matrix by descending <paramref name="scale"/> levels, at each level
    /// choosing the quadrant top-left, top-right, bottom-left or bottom-right with probabilities
    /// <paramref name="a"/>, <paramref name="b"/>, <paramref name="c"/>, <paramref name="d"/> (independently per level, no
    /// noise), so a draw lands in cell (u, v) with probability ∏ over levels of the chosen quadrant's probability. The
    /// defaults are Graph500's (0.57, 0.19, 0.19, 0.05). Node labels are not permuted: node 0 is the heaviest.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Repeats and self-loops: by default a draw on the diagonal (u = v) is dropped and a cell drawn again adds nothing,
    /// so the graph is simple and has at most <paramref name="edgeCount"/> arcs (Graph500 likewise generates with repeats
    /// and builds a simple graph); with <paramref name="keepSelfLoopsAndRepeats"/> every draw is an arc, so the graph
    /// has exactly <paramref name="edgeCount"/> arcs, some of them parallel or loops.
    /// </para>
    /// <para>
    /// Determinism: the draws are cut into blocks of 65,536 and block k draws from the random stream (seed, k), so the
    /// graph is the same at every <paramref name="maxDegreeOfParallelism"/>. The arcs carry no weights
    /// (<see cref="SocialGraph.HasWeights"/> is false; every weight reads 1): give them probabilities with
    /// <see cref="SocialGraph.WithEdgeProbabilities(EdgeProbabilities)"/>, e.g. weighted cascade.
    /// </para>
    /// <para>
    /// Cost: scale random numbers per draw (about 100 M draws of scale 23 take seconds per core), then the CSR build;
    /// the build holds 12 bytes per draw plus the graph's 16 bytes per arc. Times in
    /// <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/performance.md">docs/performance.md</see>.
    /// </para>
    /// </remarks>
    /// <param name="scale">log2 of the node count, 1 to 30.</param>
    /// <param name="edgeCount">Draws (arcs before dropping self-loops and repeats), 0 to <see cref="Array.MaxLength"/>.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="a">Top-left quadrant probability (u and v both stay in the lower half), in (0, 1). Default 0.57.</param>
    /// <param name="b">Top-right quadrant probability (v moves to the upper half), in (0, 1). Default 0.19.</param>
    /// <param name="c">Bottom-left quadrant probability (u moves to the upper half), in (0, 1). Default 0.19.</param>
    /// <param name="d">Bottom-right quadrant probability (both move), in (0, 1). Default 0.05. a + b + c + d must be 1 within 1e-9.</param>
    /// <param name="keepSelfLoopsAndRepeats">Keep every draw as an arc (a multigraph with exactly <paramref name="edgeCount"/> arcs). Default false (a simple graph).</param>
    /// <param name="maxDegreeOfParallelism">Threads drawing: −1 (all cores, the default) or 1 to 1,024; the graph does not depend on it.</param>
    /// <param name="progress">Optional progress ("R-MAT draws", in draws).</param>
    /// <param name="cancellationToken">Cancels the generation (checked every block and during the build).</param>
    /// <returns>The graph with 2^scale nodes whose ids are "0".."2^scale − 1".</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// scale outside 1..30; edgeCount negative or above <see cref="Array.MaxLength"/>; a, b, c or d outside (0, 1) or
    /// their sum not 1 (named <paramref name="d"/>); maxDegreeOfParallelism not −1 or 1..1,024.
    /// </exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SocialGraph RMat(int scale, int edgeCount, ulong seed, double a = 0.57, double b = 0.19, double c = 0.19, double d = 0.05,
        bool keepSelfLoopsAndRepeats = false, int maxDegreeOfParallelism = -1, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.InRange(scale, 1, 30);
        Guard.InRange(edgeCount, 0, Array.MaxLength);
        Guard.InOpenRange(a, 0, 1);
        Guard.InOpenRange(b, 0, 1);
        Guard.InOpenRange(c, 0, 1);
        Guard.InOpenRange(d, 0, 1);
        Guard.Parallelism(maxDegreeOfParallelism);
        double sum = a + b + c + d;
        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, $"a + b + c + d must be 1 (within 1e-9); it was {sum:R} (a {a:R}, b {b:R}, c {c:R}, d {d:R}).");
        }

        int n = 1 << scale;
        var edges = new EdgeBuffer(edgeCount, edgeCount);
        DrawRMat(edgeCount, edges.Sources, edges.Targets, scale, seed, a, a + b, a + b + c, maxDegreeOfParallelism, progress, cancellationToken);
        Array.Fill(edges.Weights, 1f);
        var options = new EdgeListOptions { KeepSelfLoops = keepSelfLoopsAndRepeats, KeepDuplicateArcs = keepSelfLoopsAndRepeats };
        return GraphBuilder.Build(n, edges, options, null, NodeIdMap.Identity(n), cancellationToken).WithoutWeights();
    }

    /// <summary>Draws <paramref name="count"/> R-MAT cells into the arrays; block k of <see cref="RMatBlock"/> draws uses stream (seed, k).</summary>
    internal static void DrawRMat(int count, int[] sources, int[] targets, int scale, ulong seed, double a, double ab, double abc,
        int maxDegreeOfParallelism, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        int blocks = (int)(((long)count + RMatBlock - 1) / RMatBlock);
        var reporter = new ProgressReporter(progress, "R-MAT draws", count);
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, blocks, options, block =>
        {
            var rng = new Xoshiro256(seed, (ulong)block);
            int start = block * RMatBlock, end = (int)Math.Min(count, (long)start + RMatBlock);
            for (int i = start; i < end; i++)
            {
                int u = 0, v = 0;
                for (int level = scale - 1; level >= 0; level--)
                {
                    double r = rng.NextDouble();
                    if (r < a)
                    {
                        continue;
                    }

                    if (r < ab)
                    {
                        v |= 1 << level;
                    }
                    else if (r < abc)
                    {
                        u |= 1 << level;
                    }
                    else
                    {
                        u |= 1 << level;
                        v |= 1 << level;
                    }
                }

                sources[i] = u;
                targets[i] = v;
            }

            reporter.Advance(end - start);
        });
        reporter.Complete();
    }

    /// <summary>Draws per random stream in <see cref="RMat"/>; fixed, so the graph never depends on the thread count.</summary>
    internal const int RMatBlock = 1 << 16;

    /// <summary>Indices in [0, count) each kept independently with probability p, ascending, by geometric skips.</summary>
    private static List<long> SkipSample(long count, double p, ref Xoshiro256 rng)
    {
        var result = new List<long>();
        if (p <= 0 || count <= 0)
        {
            return result;
        }

        if (p >= 1)
        {
            for (long i = 0; i < count; i++)
            {
                result.Add(i);
            }

            return result;
        }

        double logQ = Math.Log(1 - p);
        long index = -1;
        while (true)
        {
            double u = 1.0 - rng.NextDouble(); // (0, 1]
            double skip = Math.Floor(Math.Log(u) / logQ);
            if (skip >= count - index - 1)
            {
                return result;
            }

            index += 1 + (long)skip;
            result.Add(index);
        }
    }

    private static long NextLong(ref Xoshiro256 rng, long maxExclusive)
    {
        if (maxExclusive <= int.MaxValue)
        {
            return rng.NextInt((int)maxExclusive);
        }

        // Rejection on the smallest power-of-two range above maxExclusive.
        ulong mask = ulong.MaxValue >> System.Numerics.BitOperations.LeadingZeroCount((ulong)maxExclusive - 1);
        ulong x;
        do
        {
            x = rng.NextUInt64() & mask;
        }
        while (x >= (ulong)maxExclusive);
        return (long)x;
    }

    /// <summary>Index in [0, n(n−1)) → ordered pair (u, v), u ≠ v.</summary>
    internal static (int U, int V) DecodeOrdered(long k, int n)
    {
        int u = (int)(k / (n - 1));
        int r = (int)(k % (n - 1));
        return (u, r < u ? r : r + 1);
    }

    /// <summary>Index in [0, n(n−1)/2) → unordered pair (i, j), i &lt; j, in row-major order of the upper triangle.</summary>
    internal static (int U, int V) DecodeUnordered(long k, int n)
    {
        // Row i starts at S(i) = i·n − i(i+1)/2. Estimate i from the quadratic, then correct for rounding.
        double nn = n;
        long i = (long)Math.Floor(nn - 0.5 - Math.Sqrt(((nn - 0.5) * (nn - 0.5)) - (2.0 * k)));
        i = Math.Clamp(i, 0, n - 2);
        while (i > 0 && RowStart(i, n) > k)
        {
            i--;
        }

        while (i < n - 2 && RowStart(i + 1, n) <= k)
        {
            i++;
        }

        long j = k - RowStart(i, n) + i + 1;
        return ((int)i, (int)j);
    }

    private static long RowStart(long i, long n) => (i * n) - (i * (i + 1) / 2);
}
