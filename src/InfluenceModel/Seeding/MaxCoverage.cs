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
/// Greedy maximum coverage over RR sets: the (1 − 1/e)-approximate greedy for a cardinality constraint, with a bucket
/// queue (nodes bucketed by marginal coverage; a covered set moves each of its nodes down one bucket in O(1)), and the
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
        bool computeUpperBound)
    {
        var state = new CoverState(sets, index, nodeCount);
        var seeds = new List<int>(forced.Length + k);
        var gains = new List<int>(forced.Length + k);
        foreach (int f in forced)
        {
            seeds.Add(f);
            gains.Add(state.Cover(f, null));
        }

        int maxKey = 0;
        for (int v = 0; v < nodeCount; v++)
        {
            maxKey = Math.Max(maxKey, state.Coverage[v]);
        }

        var queue = new BucketQueue(nodeCount, maxKey);
        for (int v = nodeCount - 1; v >= 0; v--)
        {
            if ((candidate is null || candidate[v]) && !state.IsSeed[v])
            {
                queue.Insert(v, state.Coverage[v]);
            }
        }

        long bound = long.MaxValue;
        for (int step = 0; ; step++)
        {
            if (computeUpperBound)
            {
                bound = Math.Min(bound, state.Covered + queue.SumOfTop(k));
            }

            if (step == k || queue.Count == 0)
            {
                break;
            }

            int best = queue.PopMax();
            seeds.Add(best);
            gains.Add(state.Cover(best, queue));
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
        bool byRatio)
    {
        var state = new CoverState(sets, index, nodeCount);
        var seeds = new List<int>();
        var gains = new List<int>();
        double spent = 0;
        foreach (int f in forced)
        {
            seeds.Add(f);
            gains.Add(state.Cover(f, null));
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
            gains.Add(state.Cover(v, null));
            spent += costs[v];
        }

        return new CoverageResult([.. seeds], [.. gains], state.Covered, long.MaxValue);
    }

    private static double Key(int gain, double cost, bool byRatio) => byRatio ? gain / cost : gain;

    /// <summary>Covered flags per set and current marginal coverage per node.</summary>
    private sealed class CoverState
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
        public int Cover(int seed, BucketQueue? queue)
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
                    int u = nodes[t];
                    int c = Coverage[u]--;
                    if (queue is not null && queue.Contains(u))
                    {
                        queue.Move(u, c, c - 1);
                    }
                }
            }

            Covered += gain;
            return gain;
        }
    }

    /// <summary>
    /// Nodes in buckets by integer key with doubly linked lists: insert, move down one bucket and pop-max in O(1)
    /// amortized (the max pointer only falls, since keys only fall).
    /// </summary>
    private sealed class BucketQueue
    {
        private readonly int[] _head;
        private readonly int[] _next;
        private readonly int[] _prev;
        private readonly bool[] _in;
        private int _max;

        public BucketQueue(int nodeCount, int maxKey)
        {
            _head = new int[maxKey + 1];
            Array.Fill(_head, -1);
            _next = new int[nodeCount];
            _prev = new int[nodeCount];
            _in = new bool[nodeCount];
        }

        public int Count { get; private set; }

        public bool Contains(int node) => _in[node];

        public void Insert(int node, int key)
        {
            _in[node] = true;
            Count++;
            Link(node, key);
            if (key > _max)
            {
                _max = key;
            }
        }

        public void Move(int node, int from, int to)
        {
            Unlink(node, from);
            Link(node, to);
        }

        public int PopMax()
        {
            while (_head[_max] < 0)
            {
                _max--;
            }

            int node = _head[_max];
            Unlink(node, _max);
            _in[node] = false;
            Count--;
            return node;
        }

        /// <summary>Sum of the <paramref name="k"/> largest keys in the queue (fewer when the queue is smaller).</summary>
        public long SumOfTop(int k)
        {
            long sum = 0;
            int taken = 0;
            for (int key = _max; key >= 0 && taken < k; key--)
            {
                for (int v = _head[key]; v >= 0 && taken < k; v = _next[v])
                {
                    sum += key;
                    taken++;
                }
            }

            return sum;
        }

        private void Link(int node, int key)
        {
            int h = _head[key];
            _next[node] = h;
            _prev[node] = -1;
            if (h >= 0)
            {
                _prev[h] = node;
            }

            _head[key] = node;
        }

        private void Unlink(int node, int key)
        {
            int p = _prev[node], n = _next[node];
            if (p >= 0)
            {
                _next[p] = n;
            }
            else
            {
                _head[key] = n;
            }

            if (n >= 0)
            {
                _prev[n] = p;
            }
        }
    }
}
