using static InfluenceModel.Channels.ChannelSelector;

namespace InfluenceModel.Channels;

/// <summary>Exact branch and bound and the Khuller–Moss–Naor greedy for the Reach objective.</summary>
internal sealed class ReachSearch
{
    private readonly Problem _p;
    private readonly CancellationToken _ct;
    private readonly double[][] _u;
    private readonly int[][] _order;
    private readonly int[][] _cands;
    private readonly double[][] _gain;
    private readonly double[] _ratio;
    private readonly int[] _byRatio;
    private readonly List<int> _stack = [];
    private readonly int[][] _segmentOrder;
    private readonly int[][] _segmentRatioOrder;
    private readonly double[] _weight;
    private readonly long[] _available;
    private double _best;
    private int[] _bestSet;
    private long _nodes;
    private long _stamp;
    private bool _aborted;

    private ReachSearch(Problem p, int depthMax, CancellationToken ct)
    {
        _p = p;
        _ct = ct;
        int m = p.Candidates.Count;
        _u = new double[depthMax + 2][];
        _order = new int[depthMax + 2][];
        _cands = new int[depthMax + 2][];
        _gain = new double[depthMax + 2][];
        for (int d = 0; d < _u.Length; d++)
        {
            _u[d] = new double[p.G];
            _order[d] = new int[m];
            _cands[d] = new int[m];
            _gain[d] = new double[p.N];
        }

        _ratio = new double[m];
        _byRatio = new int[m];
        _bestSet = [];
        _available = new long[p.N];
        // Per segment, the candidates by decreasing reach share (for the per-segment bound).
        // w_{c,g} = −ln(1 − r_{c,g}): coverage of segment g is 1 − exp(−Σ w), so bounds on Σ w bound the coverage.
        _weight = new double[p.N * p.G];
        for (int i = 0; i < _weight.Length; i++)
        {
            _weight[i] = p.R[i] >= 1 ? double.PositiveInfinity : -Math.Log(1 - p.R[i]);
        }

        _segmentOrder = new int[p.G][];
        _segmentRatioOrder = new int[p.G][];
        for (int g = 0; g < p.G; g++)
        {
            int segment = g;
            _segmentOrder[g] = [.. p.Candidates.Where(c => p.R[(c * p.G) + segment] > 0).OrderByDescending(c => p.R[(c * p.G) + segment]).ThenBy(c => c)];
            _segmentRatioOrder[g] = [.. _segmentOrder[g].OrderByDescending(c => p.Cost[c] > 0 ? _weight[(c * p.G) + segment] / p.Cost[c] : double.PositiveInfinity).ThenBy(c => c)];
        }
    }

    public static Result Run(Problem p, int free, bool exact, CancellationToken ct)
    {
        // The exact search only needs a good incumbent: the cheap single-seed greedy (O(m³) gains) is enough.
        Result greedy = Greedy(p, free, exact ? 1 : (p.Candidates.Count <= 60 ? 3 : 1), ct);
        if (!exact)
        {
            return greedy;
        }

        var search = new ReachSearch(p, free, ct) { _best = greedy.Value, _bestSet = greedy.Set };
        double[] u0 = p.Uncovered(p.Required);
        Array.Copy(u0, search._u[0], p.G);
        search._stack.AddRange(p.Required);
        var cands = p.Candidates.ToArray();
        search.Dfs(0, cands, cands.Length, p.Reach(p.Required), p.Budget - p.RequiredCost, free);
        return new Result(search._bestSet, search._best, !search._aborted, search._nodes + greedy.Nodes);
    }

    private bool Improves(double bound) => bound > _best + (1e-12 * Math.Max(1, Math.Abs(_best)));

    private void Dfs(int depth, int[] cands, int m, double reach, double budgetLeft, int slots)
    {
        if (++_nodes > NodeLimit)
        {
            _aborted = true;
            return;
        }

        if ((_nodes & 0xFFF) == 0)
        {
            _ct.ThrowIfCancellationRequested();
        }

        if (Improves(reach))
        {
            _best = reach;
            _bestSet = [.. _stack];
        }

        if (slots == 0 || m == 0)
        {
            return;
        }

        double[] u = _u[depth];
        int[] order = _order[depth];
        double[] gain = _gain[depth];
        int mm = 0;
        for (int i = 0; i < m; i++)
        {
            int c = cands[i];
            if (_p.Cost[c] <= budgetLeft)
            {
                double g = _p.Gain(u, c);
                if (g > 0)
                {
                    gain[c] = g;
                    order[mm++] = c;
                }
            }
        }

        // Insertion sort by decreasing gain, ties by index (deterministic).
        for (int i = 1; i < mm; i++)
        {
            int c = order[i];
            int j = i - 1;
            while (j >= 0 && (gain[order[j]] < gain[c] || (gain[order[j]] == gain[c] && order[j] > c)))
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = c;
        }

        double topK = 0;
        for (int i = 0; i < Math.Min(slots, mm); i++)
        {
            topK += gain[order[i]];
        }

        // Prune if any of the three bounds fails, cheapest first (the overlap-aware segment bound costs the most).
        if (!Improves(reach + topK) ||
            !Improves(reach + FractionalKnapsack(order, gain, mm, budgetLeft)) ||
            !Improves(reach + SegmentBound(u, order, mm, slots, budgetLeft)))
        {
            return;
        }

        // Window sum of the next `slots` gains: the bound for "none of order[0..i) is added".
        double window = topK;
        for (int i = 0; i < mm; i++)
        {
            if (!Improves(reach + window))
            {
                break;
            }

            int c = order[i];
            double[] child = _u[depth + 1];
            Array.Copy(u, child, _p.G);
            _p.Cover(child, c);
            _stack.Add(c);
            int[] childCands = _cands[depth + 1];
            Array.Copy(order, i + 1, childCands, 0, mm - i - 1);
            Dfs(depth + 1, childCands, mm - i - 1, reach + gain[c], budgetLeft - _p.Cost[c], slots - 1);
            _stack.RemoveAt(_stack.Count - 1);
            if (_aborted)
            {
                return;
            }

            window -= gain[c];
            if (i + slots < mm)
            {
                window += gain[order[i + slots]];
            }
        }
    }

    /// <summary>
    /// Overlap-aware bound: each segment g can at best be covered by the <paramref name="slots"/> available channels
    /// with the largest shares r_{c,g}, so the gain is at most Σ_g u_g·(1 − Π_{top slots} (1 − r_{c,g})).
    /// </summary>
    private double SegmentBound(double[] u, int[] order, int mm, int slots, double budget)
    {
        long stamp = ++_stamp;
        for (int i = 0; i < mm; i++)
        {
            _available[order[i]] = stamp;
        }

        double bound = 0;
        for (int g = 0; g < _p.G; g++)
        {
            if (u[g] <= 0)
            {
                continue;
            }

            // Cardinality: the k largest weights.
            double byCount = 0;
            int taken = 0;
            foreach (int c in _segmentOrder[g])
            {
                if (_available[c] == stamp)
                {
                    byCount += _weight[(c * _p.G) + g];
                    if (++taken == slots)
                    {
                        break;
                    }
                }
            }

            // Budget: fractional knapsack of the weights.
            double byBudget = 0, left = budget;
            foreach (int c in _segmentRatioOrder[g])
            {
                if (_available[c] != stamp)
                {
                    continue;
                }

                double w = _weight[(c * _p.G) + g], cost = _p.Cost[c];
                if (cost <= left)
                {
                    byBudget += w;
                    left -= cost;
                }
                else
                {
                    byBudget += left > 0 ? w * left / cost : 0;
                    break;
                }
            }

            bound += u[g] * (1 - Math.Exp(-Math.Min(byCount, byBudget)));
        }

        return bound;
    }

    /// <summary>Fractional knapsack of the gains under the remaining budget (ignores the cap): a valid upper bound.</summary>
    private double FractionalKnapsack(int[] order, double[] gain, int mm, double budget)
    {
        // Dfs puts only channels with a positive gain into order.
        for (int i = 0; i < mm; i++)
        {
            int c = order[i];
            _byRatio[i] = c;
            _ratio[i] = _p.Cost[c] > 0 ? -gain[c] / _p.Cost[c] : double.NegativeInfinity;
        }

        Array.Sort(_ratio, _byRatio, 0, mm);
        double value = 0, left = budget;
        for (int i = 0; i < mm; i++)
        {
            int c = _byRatio[i];
            double cost = _p.Cost[c];
            double profit = gain[c];
            if (cost <= left)
            {
                value += profit;
                left -= cost;
            }
            else
            {
                value += profit * left / cost;
                break;
            }
        }

        return value;
    }

    /// <summary>Khuller, Moss and Naor (1999): best set of ≤ 2 channels, and every triple completed by the cost-effective greedy.</summary>
    internal static Result Greedy(Problem p, int free, int seedSize, CancellationToken ct)
    {
        var cands = p.Candidates;
        int m = cands.Count;
        double budgetLeft = p.Budget - p.RequiredCost;
        double[] u0 = p.Uncovered(p.Required);
        double reach0 = p.Reach(p.Required);
        int[] best = [.. p.Required];
        double bestValue = reach0;
        long evaluated = 1;
        var seed = new List<int>();

        void Consider(List<int> set, double value)
        {
            if (value > bestValue + (1e-12 * Math.Max(1, bestValue)))
            {
                bestValue = value;
                best = [.. p.Required, .. set];
            }
        }

        // Sets of fewer than seedSize channels, by plain enumeration.
        void Enumerate(int start, double[] u, double reach, double left, int slots)
        {
            evaluated++;
            Consider(seed, reach);
            if (seed.Count == seedSize)
            {
                Complete(u, reach, left, slots);
                return;
            }

            for (int i = start; i < m && slots > 0; i++)
            {
                int c = cands[i];
                if (p.Cost[c] > left)
                {
                    continue;
                }

                if (seed.Count == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var child = (double[])u.Clone();
                double gain = p.Gain(u, c);
                p.Cover(child, c);
                seed.Add(c);
                Enumerate(i + 1, child, reach + gain, left - p.Cost[c], slots - 1);
                seed.RemoveAt(seed.Count - 1);
            }
        }

        void Complete(double[] u, double reach, double left, int slots)
        {
            var u2 = (double[])u.Clone();
            var set = new List<int>(seed);
            var open = new List<int>();
            foreach (int c in cands)
            {
                if (!seed.Contains(c))
                {
                    open.Add(c);
                }
            }

            while (slots > 0 && open.Count > 0)
            {
                int pick = -1;
                double pickRatio = -1, pickGain = 0;
                for (int i = 0; i < open.Count; i++)
                {
                    int c = open[i];
                    double gain = p.Gain(u2, c);
                    double ratio = p.Cost[c] > 0 ? gain / p.Cost[c] : (gain > 0 ? double.PositiveInfinity : 0);
                    if (ratio > pickRatio || (ratio == pickRatio && gain > pickGain))
                    {
                        pick = i;
                        pickRatio = ratio;
                        pickGain = gain;
                    }
                }

                int chosen = open[pick];
                open.RemoveAt(pick);
                if (pickGain <= 0)
                {
                    break;
                }

                if (p.Cost[chosen] <= left)
                {
                    set.Add(chosen);
                    p.Cover(u2, chosen);
                    reach += pickGain;
                    left -= p.Cost[chosen];
                    slots--;
                }
            }

            evaluated++;
            Consider(set, reach);
        }

        if (seedSize == 1)
        {
            // Cost-effective greedy from the required set alone, plus every single channel (KMN's modified greedy).
            Complete(u0, reach0, budgetLeft, free);
        }

        Enumerate(0, u0, reach0, budgetLeft, free);
        return new Result(best, bestValue, false, evaluated);
    }
}
