using InfluenceModel.Internal;
using static InfluenceModel.Channels.ChannelSelector;

namespace InfluenceModel.Channels;

/// <summary>
/// Exact branch and bound (on <see cref="SubsetSearch"/>) and a greedy heuristic for the Response objective
/// V(S) = best split of Budget − Σ_{c∈S} fixed_c over the curves of S.
/// </summary>
internal sealed class ResponseSearch : SubsetSearch
{
    /// <summary>
    /// V(S) comes from the allocator, solved to a relative tolerance of 1e-9, so a bound that beats the incumbent by
    /// less than that cannot be told apart from it: such nodes are not explored.
    /// </summary>
    private const double PruneTolerance = 1e-9;

    private readonly Envelope[] _envelope;

    private ResponseSearch(Problem problem, Result incumbent, ProgressReporter progress, CancellationToken cancellationToken)
        : base(problem, incumbent, PruneTolerance, progress, cancellationToken)
    {
        _envelope = new Envelope[problem.ChannelCount];
        for (int c = 0; c < problem.ChannelCount; c++)
        {
            _envelope[c] = new Envelope(problem.Curves[c], 0, Math.Max(problem.Budget, double.Epsilon));
        }
    }

    public static Result Run(Problem problem, int free, bool exact, ProgressReporter progress, CancellationToken cancellationToken)
    {
        Result greedy = Greedy(problem, free, progress, cancellationToken);
        if (!exact)
        {
            return greedy;
        }

        var search = new ResponseSearch(problem, greedy, progress, cancellationToken);
        int[] candidates = [.. problem.Candidates];
        search.Explore(candidates, candidates.Length, problem.Budget - problem.RequiredCost, free);
        return search.ToResult();
    }

    /// <summary>max over 0 ≤ x ≤ b of env_c(x) − λx.</summary>
    private double Phi(int c, double lambda, double b)
    {
        double x = Math.Min(_envelope[c].Spend(lambda), b);
        return _envelope[c].Value(x) - (lambda * x);
    }

    /// <summary>The Lagrangian bound g(λ) for the node; fills <paramref name="score"/> for the candidates.</summary>
    private double Dual(double lambda, int[] cands, int m, double b, int slots, double[] score)
    {
        double g = lambda * b;
        foreach (int c in Chosen)
        {
            g += Phi(c, lambda, b);
        }

        for (int i = 0; i < m; i++)
        {
            int c = cands[i];
            score[i] = Problem.FixedCost[c] <= b ? Math.Max(0, Phi(c, lambda, b) - (lambda * Problem.FixedCost[c])) : 0;
        }

        return g + TopSum(score, m, slots);
    }

    private static double TopSum(double[] values, int m, int k)
    {
        if (k >= m)
        {
            double all = 0;
            for (int i = 0; i < m; i++)
            {
                all += values[i];
            }

            return all;
        }

        var copy = values[..m];
        Array.Sort(copy);
        double sum = 0;
        for (int i = m - 1; i >= m - k; i--)
        {
            sum += copy[i];
        }

        return sum;
    }

    private double MaxSlope(int[] cands, int m)
    {
        double max = 0;
        foreach (int c in Chosen)
        {
            max = Math.Max(max, InitialSlope(c));
        }

        for (int i = 0; i < m; i++)
        {
            max = Math.Max(max, InitialSlope(cands[i]));
        }

        return max;
    }

    private double InitialSlope(int c)
    {
        Envelope e = _envelope[c];
        if (e.Tau > 0)
        {
            return e.Slope;
        }

        double d = e.Curve.Derivative(0);
        return double.IsFinite(d) ? d : e.Curve.Derivative(1e-12 * Math.Max(1, Problem.Budget));
    }

    private void Explore(int[] candidates, int count, double budgetLeft, int slots)
    {
        if (!EnterNode())
        {
            return;
        }

        Offer(Problem.Response(Chosen));
        if (slots == 0 || count == 0)
        {
            return;
        }

        // Golden-section search for the λ minimising the convex dual g(λ), on log λ.
        var score = new double[count];
        double hiSlope = MaxSlope(candidates, count);
        double bound, lambda;
        if (!(hiSlope > 0) || budgetLeft <= 0)
        {
            lambda = 0;
            bound = Dual(0, candidates, count, budgetLeft, slots, score);
        }
        else
        {
            double a = Math.Log(hiSlope * 1e-12), z = Math.Log(hiSlope * (1 + 1e-9));
            const double r = 0.6180339887498949;
            double t1 = z - (r * (z - a)), t2 = a + (r * (z - a));
            double g1 = Dual(Math.Exp(t1), candidates, count, budgetLeft, slots, score), g2 = Dual(Math.Exp(t2), candidates, count, budgetLeft, slots, score);
            for (int iter = 0; iter < 60; iter++)
            {
                if (g1 <= g2)
                {
                    z = t2;
                    t2 = t1;
                    g2 = g1;
                    t1 = z - (r * (z - a));
                    g1 = Dual(Math.Exp(t1), candidates, count, budgetLeft, slots, score);
                }
                else
                {
                    a = t1;
                    t1 = t2;
                    g1 = g2;
                    t2 = a + (r * (z - a));
                    g2 = Dual(Math.Exp(t2), candidates, count, budgetLeft, slots, score);
                }
            }

            lambda = Math.Exp(g1 <= g2 ? t1 : t2);
            bound = Dual(lambda, candidates, count, budgetLeft, slots, score);
        }

        if (!Improves(bound))
        {
            return;
        }

        // Branch on the affordable candidates in decreasing order of their dual score at λ*.
        double baseBound = bound - TopSum(score, count, slots);
        var order = new int[count];
        var sortKey = new double[count];
        int open = 0;
        for (int i = 0; i < count; i++)
        {
            if (Problem.FixedCost[candidates[i]] <= budgetLeft)
            {
                order[open] = candidates[i];
                sortKey[open] = -score[i];
                open++;
            }
        }

        Array.Sort(sortKey, order, 0, open);
        var orderedScore = new double[open];
        for (int i = 0; i < open; i++)
        {
            orderedScore[i] = -sortKey[i];
        }

        Branch(
            order,
            orderedScore,
            open,
            slots,
            baseBound,
            (Search: this, Order: order, Open: open, BudgetLeft: budgetLeft, Slots: slots),
            static (node, i) => node.Search.Explore(
                node.Order[(i + 1)..node.Open], node.Open - i - 1, node.BudgetLeft - node.Search.Problem.FixedCost[node.Order[i]], node.Slots - 1));
    }

    /// <summary>From the required set and (for ≤ 30 candidates) every single channel, add the best gain in V while positive.</summary>
    internal static Result Greedy(Problem p, int free, ProgressReporter progress, CancellationToken ct)
    {
        var cands = p.Candidates;
        int[] best = [.. p.Required];
        double bestValue = p.Response(p.Required);
        long evaluated = 1;
        var starts = new List<int> { -1 };
        if (cands.Count <= 30 && free > 0)
        {
            starts.AddRange(cands);
        }

        foreach (int start in starts)
        {
            ct.ThrowIfCancellationRequested();
            var set = new List<int>(p.Required);
            double left = p.Budget - p.RequiredCost;
            if (start >= 0)
            {
                set.Add(start);
                left -= p.FixedCost[start];
            }

            double value = p.Response(set);
            evaluated++;
            progress.Advance();
            while (set.Count - p.Required.Count < free)
            {
                int pick = -1;
                double pickValue = value;
                foreach (int c in cands)
                {
                    if (set.Contains(c) || p.FixedCost[c] > left)
                    {
                        continue;
                    }

                    ct.ThrowIfCancellationRequested();
                    set.Add(c);
                    double v = p.Response(set);
                    evaluated++;
                    progress.Advance();
                    set.RemoveAt(set.Count - 1);
                    if (v > pickValue + (1e-12 * Math.Max(1, Math.Abs(pickValue))))
                    {
                        pick = c;
                        pickValue = v;
                    }
                }

                if (pick < 0)
                {
                    break;
                }

                set.Add(pick);
                left -= p.FixedCost[pick];
                value = pickValue;
            }

            if (value > bestValue + (1e-12 * Math.Max(1, Math.Abs(bestValue))))
            {
                bestValue = value;
                best = [.. set];
            }
        }

        return new Result(best, bestValue, false, evaluated);
    }
}
