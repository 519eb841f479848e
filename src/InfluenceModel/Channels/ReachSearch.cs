using InfluenceModel.Internal;
using static InfluenceModel.Channels.ChannelSelector;

namespace InfluenceModel.Channels;

/// <summary>Exact branch and bound (on <see cref="SubsetSearch"/>) and the Khuller–Moss–Naor greedy for the Reach objective.</summary>
internal sealed class ReachSearch : SubsetSearch
{
    /// <summary>
    /// Reach is a sum of products of the inputs computed the same way at every node, so a bound only needs to beat
    /// the incumbent by more than rounding to be worth exploring.
    /// </summary>
    private const double PruneTolerance = 1e-12;

    // Per depth d of the search (preallocated, no allocation per node):
    private readonly double[][] _uncoveredAt;   // people per segment the node's set misses
    private readonly int[][] _orderAt;          // the node's candidates by decreasing gain
    private readonly int[][] _candidatesAt;     // the candidates handed to the node
    private readonly double[][] _gainAt;        // gain by channel index
    private readonly double[][] _scoreAt;       // gain by position in _orderAt

    // Scratch for the bounds:
    private readonly double[] _ratio;
    private readonly int[] _byRatio;
    private readonly int[][] _bySegmentShare;        // per segment, candidates by decreasing share
    private readonly int[][] _bySegmentWeightPerCost; // per segment, candidates by decreasing weight per unit of fixed cost
    private readonly double[] _weight;              // w_{c,g} = −ln(1 − r_{c,g})
    private readonly long[] _availableStamp;
    private long _stamp;

    private ReachSearch(Problem problem, int maxDepth, Result incumbent, ProgressReporter progress, CancellationToken cancellationToken)
        : base(problem, incumbent, PruneTolerance, progress, cancellationToken)
    {
        int m = problem.Candidates.Count;
        int levels = maxDepth + 2;
        _uncoveredAt = new double[levels][];
        _orderAt = new int[levels][];
        _candidatesAt = new int[levels][];
        _gainAt = new double[levels][];
        _scoreAt = new double[levels][];
        for (int d = 0; d < levels; d++)
        {
            _uncoveredAt[d] = new double[problem.SegmentCount];
            _orderAt[d] = new int[m];
            _candidatesAt[d] = new int[m];
            _gainAt[d] = new double[problem.ChannelCount];
            _scoreAt[d] = new double[m];
        }

        _ratio = new double[m];
        _byRatio = new int[m];
        _availableStamp = new long[problem.ChannelCount];
        // w_{c,g} = −ln(1 − r_{c,g}): coverage of segment g is 1 − exp(−Σ w), so bounds on Σ w bound the coverage.
        int segments = problem.SegmentCount;
        double[] share = problem.Share;
        _weight = new double[share.Length];
        for (int i = 0; i < _weight.Length; i++)
        {
            _weight[i] = share[i] >= 1 ? double.PositiveInfinity : -Math.Log(1 - share[i]);
        }

        _bySegmentShare = new int[segments][];
        _bySegmentWeightPerCost = new int[segments][];
        for (int g = 0; g < segments; g++)
        {
            int segment = g;
            _bySegmentShare[g] = [.. problem.Candidates.Where(c => share[(c * segments) + segment] > 0).OrderByDescending(c => share[(c * segments) + segment]).ThenBy(c => c)];
            _bySegmentWeightPerCost[g] = [.. _bySegmentShare[g].OrderByDescending(c => problem.FixedCost[c] > 0 ? _weight[(c * segments) + segment] / problem.FixedCost[c] : double.PositiveInfinity).ThenBy(c => c)];
        }
    }

    public static Result Run(Problem problem, int free, bool exact, ProgressReporter progress, CancellationToken cancellationToken)
    {
        // The exact search only needs a good incumbent: the cheap single-seed greedy (O(m³) gains) is enough.
        Result greedy = Greedy(problem, free, exact ? 1 : (problem.Candidates.Count <= 60 ? 3 : 1), progress, cancellationToken);
        if (!exact)
        {
            return greedy;
        }

        var search = new ReachSearch(problem, free, greedy, progress, cancellationToken);
        double[] uncovered = problem.Uncovered(problem.Required);
        Array.Copy(uncovered, search._uncoveredAt[0], problem.SegmentCount);
        int[] candidates = [.. problem.Candidates];
        search.Explore(0, candidates, candidates.Length, problem.Reach(problem.Required), problem.Budget - problem.RequiredCost, free);
        return search.ToResult();
    }

    private void Explore(int depth, int[] candidates, int count, double reach, double budgetLeft, int slots)
    {
        if (!EnterNode())
        {
            return;
        }

        Offer(reach);
        if (slots == 0 || count == 0)
        {
            return;
        }

        double[] uncovered = _uncoveredAt[depth];
        int[] order = _orderAt[depth];
        double[] gain = _gainAt[depth];
        int open = 0;
        for (int i = 0; i < count; i++)
        {
            int c = candidates[i];
            if (Problem.FixedCost[c] <= budgetLeft)
            {
                double g = Problem.Gain(uncovered, c);
                if (g > 0)
                {
                    gain[c] = g;
                    order[open++] = c;
                }
            }
        }

        // Insertion sort by decreasing gain, ties by index (deterministic).
        for (int i = 1; i < open; i++)
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

        double[] score = _scoreAt[depth];
        double topGains = 0;
        for (int i = 0; i < open; i++)
        {
            score[i] = gain[order[i]];
            if (i < slots)
            {
                topGains += score[i];
            }
        }

        // Prune if any of the three bounds fails, cheapest first (the overlap-aware segment bound costs the most).
        if (!Improves(reach + topGains) ||
            !Improves(reach + FractionalKnapsack(order, gain, open, budgetLeft)) ||
            !Improves(reach + SegmentBound(uncovered, order, open, slots, budgetLeft)))
        {
            return;
        }

        Branch(
            order,
            score,
            open,
            slots,
            reach,
            (Search: this, Depth: depth, Uncovered: uncovered, Order: order, Open: open, Reach: reach, BudgetLeft: budgetLeft, Slots: slots),
            static (node, i) =>
            {
                ReachSearch search = node.Search;
                int c = node.Order[i];
                double[] child = search._uncoveredAt[node.Depth + 1];
                Array.Copy(node.Uncovered, child, search.Problem.SegmentCount);
                search.Problem.Cover(child, c);
                int[] childCandidates = search._candidatesAt[node.Depth + 1];
                Array.Copy(node.Order, i + 1, childCandidates, 0, node.Open - i - 1);
                search.Explore(node.Depth + 1, childCandidates, node.Open - i - 1, node.Reach + search._gainAt[node.Depth][c], node.BudgetLeft - search.Problem.FixedCost[c], node.Slots - 1);
            });
    }

    /// <summary>
    /// Overlap-aware bound: each segment g can at best be covered by the <paramref name="slots"/> available channels
    /// with the largest shares r_{c,g}, so the gain is at most Σ_g u_g·(1 − Π_{top slots} (1 − r_{c,g})).
    /// </summary>
    private double SegmentBound(double[] uncovered, int[] order, int open, int slots, double budget)
    {
        long stamp = ++_stamp;
        for (int i = 0; i < open; i++)
        {
            _availableStamp[order[i]] = stamp;
        }

        double bound = 0;
        for (int g = 0; g < Problem.SegmentCount; g++)
        {
            if (uncovered[g] <= 0)
            {
                continue;
            }

            // Cardinality: the k largest weights.
            double byCount = 0;
            int taken = 0;
            foreach (int c in _bySegmentShare[g])
            {
                if (_availableStamp[c] == stamp)
                {
                    byCount += _weight[(c * Problem.SegmentCount) + g];
                    if (++taken == slots)
                    {
                        break;
                    }
                }
            }

            // Budget: fractional knapsack of the weights.
            double byBudget = 0, left = budget;
            foreach (int c in _bySegmentWeightPerCost[g])
            {
                if (_availableStamp[c] != stamp)
                {
                    continue;
                }

                double w = _weight[(c * Problem.SegmentCount) + g], cost = Problem.FixedCost[c];
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

            bound += uncovered[g] * (1 - Math.Exp(-Math.Min(byCount, byBudget)));
        }

        return bound;
    }

    /// <summary>Fractional knapsack of the gains under the remaining budget (ignores the cap): a valid upper bound.</summary>
    private double FractionalKnapsack(int[] order, double[] gain, int open, double budget)
    {
        // Explore puts only channels with a positive gain into order.
        for (int i = 0; i < open; i++)
        {
            int c = order[i];
            _byRatio[i] = c;
            _ratio[i] = Problem.FixedCost[c] > 0 ? -gain[c] / Problem.FixedCost[c] : double.NegativeInfinity;
        }

        Array.Sort(_ratio, _byRatio, 0, open);
        double value = 0, left = budget;
        for (int i = 0; i < open; i++)
        {
            int c = _byRatio[i];
            double cost = Problem.FixedCost[c];
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
    internal static Result Greedy(Problem p, int free, int seedSize, ProgressReporter progress, CancellationToken ct)
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
            progress.Advance();
            Consider(seed, reach);
            if (seed.Count == seedSize)
            {
                Complete(u, reach, left, slots);
                return;
            }

            for (int i = start; i < m && slots > 0; i++)
            {
                int c = cands[i];
                if (p.FixedCost[c] > left)
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
                Enumerate(i + 1, child, reach + gain, left - p.FixedCost[c], slots - 1);
                seed.RemoveAt(seed.Count - 1);
            }
        }

        void Complete(double[] u, double reach, double left, int slots)
        {
            ct.ThrowIfCancellationRequested();
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
                    double ratio = p.FixedCost[c] > 0 ? gain / p.FixedCost[c] : (gain > 0 ? double.PositiveInfinity : 0);
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

                if (p.FixedCost[chosen] <= left)
                {
                    set.Add(chosen);
                    p.Cover(u2, chosen);
                    reach += pickGain;
                    left -= p.FixedCost[chosen];
                    slots--;
                }
            }

            evaluated++;
            progress.Advance();
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
