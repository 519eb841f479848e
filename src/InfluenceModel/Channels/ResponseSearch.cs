using static InfluenceModel.Channels.ChannelSelector;

namespace InfluenceModel.Channels;

/// <summary>
/// Exact branch and bound and a greedy heuristic for the Response objective V(S) = best split of
/// Budget − Σ_{c∈S} entry_c over the curves of S.
/// </summary>
internal sealed class ResponseSearch
{
    private readonly Problem _p;
    private readonly CancellationToken _ct;
    private readonly Envelope[] _env;
    private readonly List<int> _set = [];
    private double _best;
    private int[] _bestSet = [];
    private long _nodes;
    private bool _aborted;

    private ResponseSearch(Problem p, CancellationToken ct)
    {
        _p = p;
        _ct = ct;
        _env = new Envelope[p.N];
        for (int c = 0; c < p.N; c++)
        {
            _env[c] = new Envelope(p.Curves[c], 0, Math.Max(p.Budget, double.Epsilon));
        }
    }

    public static Result Run(Problem p, int free, bool exact, CancellationToken ct)
    {
        Result greedy = Greedy(p, free, ct);
        if (!exact)
        {
            return greedy;
        }

        var search = new ResponseSearch(p, ct) { _best = greedy.Value, _bestSet = greedy.Set };
        search._set.AddRange(p.Required);
        var cands = p.Candidates.ToArray();
        search.Dfs(cands, cands.Length, p.Budget - p.RequiredCost, free);
        return new Result(search._bestSet, search._best, !search._aborted, search._nodes + greedy.Nodes);
    }

    private bool Improves(double bound) => bound > _best + (1e-9 * Math.Max(1, Math.Abs(_best)));

    /// <summary>max over 0 ≤ x ≤ b of env_c(x) − λx.</summary>
    private double Phi(int c, double lambda, double b)
    {
        double x = Math.Min(_env[c].Spend(lambda), b);
        return _env[c].Value(x) - (lambda * x);
    }

    /// <summary>The Lagrangian bound g(λ) for the node; fills <paramref name="score"/> for the candidates.</summary>
    private double Dual(double lambda, int[] cands, int m, double b, int slots, double[] score)
    {
        double g = lambda * b;
        foreach (int c in _set)
        {
            g += Phi(c, lambda, b);
        }

        for (int i = 0; i < m; i++)
        {
            int c = cands[i];
            score[i] = _p.Cost[c] <= b ? Math.Max(0, Phi(c, lambda, b) - (lambda * _p.Cost[c])) : 0;
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
        foreach (int c in _set)
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
        Envelope e = _env[c];
        if (e.Tau > 0)
        {
            return e.Slope;
        }

        double d = e.Curve.Derivative(0);
        return double.IsFinite(d) ? d : e.Curve.Derivative(1e-12 * Math.Max(1, _p.Budget));
    }

    private void Dfs(int[] cands, int m, double b, int slots)
    {
        if (++_nodes > NodeLimit)
        {
            _aborted = true;
            return;
        }

        _ct.ThrowIfCancellationRequested();
        double value = _p.Response(_set);
        if (value > _best + (1e-12 * Math.Max(1, Math.Abs(_best))))
        {
            _best = value;
            _bestSet = [.. _set];
        }

        if (slots == 0 || m == 0)
        {
            return;
        }

        // Golden-section search for the λ minimising the convex dual g(λ), on log λ.
        var score = new double[m];
        double hiSlope = MaxSlope(cands, m);
        double bound, lambda;
        if (!(hiSlope > 0) || b <= 0)
        {
            lambda = 0;
            bound = Dual(0, cands, m, b, slots, score);
        }
        else
        {
            double a = Math.Log(hiSlope * 1e-12), z = Math.Log(hiSlope * (1 + 1e-9));
            const double r = 0.6180339887498949;
            double t1 = z - (r * (z - a)), t2 = a + (r * (z - a));
            double g1 = Dual(Math.Exp(t1), cands, m, b, slots, score), g2 = Dual(Math.Exp(t2), cands, m, b, slots, score);
            for (int iter = 0; iter < 60; iter++)
            {
                if (g1 <= g2)
                {
                    z = t2;
                    t2 = t1;
                    g2 = g1;
                    t1 = z - (r * (z - a));
                    g1 = Dual(Math.Exp(t1), cands, m, b, slots, score);
                }
                else
                {
                    a = t1;
                    t1 = t2;
                    g1 = g2;
                    t2 = a + (r * (z - a));
                    g2 = Dual(Math.Exp(t2), cands, m, b, slots, score);
                }
            }

            lambda = Math.Exp(g1 <= g2 ? t1 : t2);
            bound = Dual(lambda, cands, m, b, slots, score);
        }

        if (!Improves(bound))
        {
            return;
        }

        // Branch on candidates in decreasing order of their dual score at λ*.
        double baseValue = bound - TopSum(score, m, slots);
        var order = new int[m];
        var sortKey = new double[m];
        int mm = 0;
        for (int i = 0; i < m; i++)
        {
            if (_p.Cost[cands[i]] <= b)
            {
                order[mm] = cands[i];
                sortKey[mm] = -score[i];
                mm++;
            }
        }

        Array.Sort(sortKey, order, 0, mm);
        double window = 0;
        for (int i = 0; i < Math.Min(slots, mm); i++)
        {
            window -= sortKey[i];
        }

        for (int i = 0; i < mm; i++)
        {
            if (!Improves(baseValue + window))
            {
                break;
            }

            int c = order[i];
            _set.Add(c);
            Dfs(order[(i + 1)..mm], mm - i - 1, b - _p.Cost[c], slots - 1);
            _set.RemoveAt(_set.Count - 1);
            if (_aborted)
            {
                return;
            }

            window += sortKey[i];
            if (i + slots < mm)
            {
                window -= sortKey[i + slots];
            }
        }
    }

    /// <summary>From the required set and (for ≤ 30 candidates) every single channel, add the best gain in V while positive.</summary>
    internal static Result Greedy(Problem p, int free, CancellationToken ct)
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
                left -= p.Cost[start];
            }

            double value = p.Response(set);
            evaluated++;
            while (set.Count - p.Required.Count < free)
            {
                int pick = -1;
                double pickValue = value;
                foreach (int c in cands)
                {
                    if (set.Contains(c) || p.Cost[c] > left)
                    {
                        continue;
                    }

                    set.Add(c);
                    double v = p.Response(set);
                    evaluated++;
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
                left -= p.Cost[pick];
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
