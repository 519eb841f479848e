namespace InfluenceModel.Seeding;

/// <summary>The outcome of a greedy maximum-coverage run over RR sets.</summary>
/// <param name="Seeds">Forced seeds first (in the given order), then the chosen ones in selection order.</param>
/// <param name="Gains">Number of RR sets newly covered by each seed, aligned with <paramref name="Seeds"/>.</param>
/// <param name="Covered">Number of RR sets covered by all seeds together.</param>
/// <param name="UpperBound">
/// OPIM-C's bound on the best coverage of (forced ∪ any k free nodes): the minimum over greedy steps i of
/// Λ(S_i) + (sum of the k largest marginal coverages given S_i); <see cref="long.MaxValue"/> when not computed.
/// </param>
internal readonly record struct CoverageResult(int[] Seeds, int[] Gains, long Covered, long UpperBound);

/// <summary>
/// Greedy maximum coverage over RR sets: the (1 − 1/e)-approximate greedy for a cardinality constraint, with a lazy
/// max-heap (a covered set only decrements its members' coverage; stale heap entries are refreshed when popped), and the
/// cost-aware greedy for a budget (lazy evaluation, Leskovec et al. 2007). Ties go to the smaller node id.
/// </summary>
internal static class MaxCoverage
{
    /// <summary>
    /// Picks <paramref name="k"/> free nodes (after the forced ones) maximizing the number of covered RR sets.
    /// <paramref name="candidate"/> (null = every node) restricts the free choice. Stops early only when no candidate is left.
    /// </summary>
    public static CoverageResult Greedy(
        RrSetCollection sets,
        CoverageIndex index,
        int nodeCount,
        bool[]? candidate,
        ReadOnlySpan<int> forced,
        int k,
        bool computeUpperBound,
        CancellationToken cancellationToken = default) =>
        Greedy(new CoverState(sets, index, nodeCount), nodeCount, candidate, forced, k, computeUpperBound, cancellationToken);

    /// <summary>
    /// The greedy over any <see cref="ICoverageState"/> (the local index, or counts reduced over machines): the same picks
    /// for the same coverage counts.
    /// </summary>
    public static CoverageResult Greedy(
        ICoverageState state,
        int nodeCount,
        bool[]? candidate,
        ReadOnlySpan<int> forced,
        int k,
        bool computeUpperBound,
        CancellationToken cancellationToken = default)
    {
        var seeds = new List<int>(forced.Length + k);
        var gains = new List<int>(forced.Length + k);
        foreach (int f in forced)
        {
            cancellationToken.ThrowIfCancellationRequested();
            seeds.Add(f);
            gains.Add(state.Cover(f));
        }

        // Lazy max-heap on (coverage desc, id asc): coverages only fall, so a popped entry whose key is still current
        // is the true maximum, and the smallest id among equal maxima. A covered set costs one decrement per member.
        var entries = new List<(int Node, long Priority)>(nodeCount);
        for (int v = 0; v < nodeCount; v++)
        {
            if ((candidate is null || candidate[v]) && !state.IsSeed[v])
            {
                entries.Add((v, Priority(state.Coverage[v], v)));
            }
        }

        var heap = new PriorityQueue<int, long>(entries);
        var top = new List<int>(k);
        long bound = long.MaxValue;
        for (int step = 0; ; step++)
        {
            if (computeUpperBound)
            {
                bound = Math.Min(bound, state.Covered + SumOfTop(heap, k, state.Coverage, top));
            }

            if (step == k || heap.Count == 0)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();

            int best = PopFresh(heap, state.Coverage);
            seeds.Add(best);
            gains.Add(state.Cover(best));
        }

        return new CoverageResult([.. seeds], [.. gains], state.Covered, bound);
    }

    /// <summary>
    /// Budgeted greedy: adds, while affordable, the node with the largest gain (<paramref name="byRatio"/> false) or the
    /// largest gain per unit cost (true), at most <paramref name="maxSeeds"/> seeds in total, never a node of zero gain.
    /// Forced seeds come first and their cost counts.
    /// </summary>
    public static CoverageResult BudgetedGreedy(
        RrSetCollection sets,
        CoverageIndex index,
        int nodeCount,
        bool[]? candidate,
        ReadOnlySpan<int> forced,
        ReadOnlySpan<double> costs,
        double budget,
        int maxSeeds,
        bool byRatio,
        CancellationToken cancellationToken = default) =>
        BudgetedGreedy(new CoverState(sets, index, nodeCount), nodeCount, candidate, forced, costs, budget, maxSeeds, byRatio, cancellationToken);

    /// <summary>The budgeted greedy over any <see cref="ICoverageState"/>: the same picks for the same coverage counts.</summary>
    public static CoverageResult BudgetedGreedy(
        ICoverageState state,
        int nodeCount,
        bool[]? candidate,
        ReadOnlySpan<int> forced,
        ReadOnlySpan<double> costs,
        double budget,
        int maxSeeds,
        bool byRatio,
        CancellationToken cancellationToken = default)
    {
        var seeds = new List<int>();
        var gains = new List<int>();
        double spent = 0;
        foreach (int f in forced)
        {
            seeds.Add(f);
            gains.Add(state.Cover(f));
            spent += costs[f];
        }

        // Min-heap on (−key, id): largest key first, ties to the smaller id. Keys only fall, so a popped entry whose key
        // is still current is the true maximum (lazy evaluation).
        var heap = new PriorityQueue<int, (double, int)>();
        for (int v = 0; v < nodeCount; v++)
        {
            if ((candidate is null || candidate[v]) && !state.IsSeed[v] && state.Coverage[v] > 0)
            {
                heap.Enqueue(v, (-Key(state.Coverage[v], costs[v], byRatio), v));
            }
        }

        while (seeds.Count < maxSeeds && heap.TryDequeue(out int v, out var priority))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (spent + costs[v] > budget)
            {
                continue; // the remaining budget only shrinks: v never becomes affordable again
            }

            int gain = state.Coverage[v];
            if (gain == 0)
            {
                continue;
            }

            double key = Key(gain, costs[v], byRatio);
            if (-priority.Item1 != key)
            {
                heap.Enqueue(v, (-key, v));
                continue;
            }

            seeds.Add(v);
            gains.Add(state.Cover(v));
            spent += costs[v];
        }

        return new CoverageResult([.. seeds], [.. gains], state.Covered, long.MaxValue);
    }

    private static double Key(int gain, double cost, bool byRatio) => byRatio ? gain / cost : gain;

    /// <summary>Heap priority: larger coverage first, then the smaller node id.</summary>
    private static long Priority(int coverage, int node) => (-(long)coverage << 32) + node;

    /// <summary>Pops the node of largest current coverage (smallest id on ties), refreshing stale entries on the way.</summary>
    private static int PopFresh(PriorityQueue<int, long> heap, int[] coverage)
    {
        while (true)
        {
            heap.TryDequeue(out int node, out long priority);
            long current = Priority(coverage[node], node);
            if (current == priority)
            {
                return node;
            }

            heap.Enqueue(node, current);
        }
    }

    /// <summary>Sum of the <paramref name="k"/> largest current coverages in the heap (fewer when it holds fewer nodes); the heap keeps its nodes.</summary>
    private static long SumOfTop(PriorityQueue<int, long> heap, int k, int[] coverage, List<int> buffer)
    {
        buffer.Clear();
        long sum = 0;
        while (buffer.Count < k && heap.Count > 0)
        {
            int node = PopFresh(heap, coverage);
            buffer.Add(node);
            sum += coverage[node];
        }

        foreach (int node in buffer)
        {
            heap.Enqueue(node, Priority(coverage[node], node));
        }

        return sum;
    }

    /// <summary>Covered flags per set and current marginal coverage per node.</summary>
    internal sealed class CoverState : ICoverageState
    {
        private readonly RrSetCollection _sets;
        private readonly CoverageIndex _index;
        private readonly bool[] _setCovered;

        public CoverState(RrSetCollection sets, CoverageIndex index, int nodeCount)
        {
            _sets = sets;
            _index = index;
            _setCovered = new bool[sets.Count];
            Coverage = new int[nodeCount];
            IsSeed = new bool[nodeCount];
            for (int v = 0; v < nodeCount; v++)
            {
                Coverage[v] = index.Degree(v);
            }
        }

        public int[] Coverage { get; }

        public bool[] IsSeed { get; }

        public long Covered { get; private set; }

        /// <summary>Makes <paramref name="seed"/> a seed, marks its sets covered, lowers the other nodes' coverage; returns its gain.</summary>
        public int Cover(int seed) => Cover(seed, null);

        /// <summary>
        /// <see cref="Cover(int)"/> that also appends to <paramref name="decremented"/> (when given) every node whose coverage it lowers,
        /// once per decrement (so a node may appear more than once): a partition can report what changed without scanning
        /// every node.
        /// </summary>
        public int Cover(int seed, List<int>? decremented)
        {
            if (IsSeed[seed])
            {
                return 0;
            }

            IsSeed[seed] = true;
            int gain = 0;
            int[] setIds = _index.SetIds;
            int[] nodes = _sets.Nodes;
            int[] offsets = _sets.Offsets;
            for (int j = _index.Offsets[seed], end = _index.Offsets[seed + 1]; j < end; j++)
            {
                int r = setIds[j];
                if (_setCovered[r])
                {
                    continue;
                }

                _setCovered[r] = true;
                gain++;
                for (int t = offsets[r], tEnd = offsets[r + 1]; t < tEnd; t++)
                {
                    Coverage[nodes[t]]--;
                    decremented?.Add(nodes[t]);
                }
            }

            Covered += gain;
            return gain;
        }
    }
}
