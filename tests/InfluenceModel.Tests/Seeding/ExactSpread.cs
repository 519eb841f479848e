using System.Numerics;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Tests.Seeding;

/// <summary>
/// Exact expected spread of every node subset of a tiny graph by enumerating all live-edge worlds (Kempe et al. 2003:
/// IC keeps each arc independently with probability p; LT lets each node keep at most one in-arc, arc (u,v) with
/// probability w(u,v)). σ(S) = Σ_worlds P(world)·|nodes reachable from S|. Feasible for ≤ 12 nodes and ≤ ~14 arcs.
/// </summary>
internal static class ExactSpread
{
    /// <summary>σ(S) for every subset S, indexed by the bitmask of S.</summary>
    public static double[] AllSubsets(SocialGraph graph, DiffusionModel model)
    {
        int n = graph.NodeCount;
        var arcs = new List<(int U, int V, double P)>();
        for (int u = 0; u < n; u++)
        {
            var targets = graph.OutNeighbors(u);
            var weights = graph.OutWeights(u);
            for (int i = 0; i < targets.Length; i++)
            {
                arcs.Add((u, targets[i], weights[i]));
            }
        }

        var sigma = new double[1 << n];
        foreach (var (live, probability) in Worlds(n, arcs, model))
        {
            if (probability == 0)
            {
                continue;
            }

            // reach[u]: bitmask of nodes reachable from u over live arcs (u included).
            var reach = new int[n];
            for (int u = 0; u < n; u++)
            {
                int seen = 1 << u, frontier = 1 << u;
                while (frontier != 0)
                {
                    int next = 0;
                    foreach (var (a, b) in live)
                    {
                        if ((frontier & (1 << a)) != 0 && (seen & (1 << b)) == 0)
                        {
                            next |= 1 << b;
                        }
                    }

                    seen |= next;
                    frontier = next;
                }

                reach[u] = seen;
            }

            var union = new int[1 << n];
            for (int s = 1; s < union.Length; s++)
            {
                int low = BitOperations.TrailingZeroCount(s);
                union[s] = union[s & (s - 1)] | reach[low];
                sigma[s] += probability * BitOperations.PopCount((uint)union[s]);
            }
        }

        return sigma;
    }

    /// <summary>σ of a node list.</summary>
    public static double Of(double[] sigma, IEnumerable<int> nodes)
    {
        int mask = 0;
        foreach (int v in nodes)
        {
            mask |= 1 << v;
        }

        return sigma[mask];
    }

    /// <summary>The best σ over all sets of exactly min(k, n) nodes (optionally: containing <paramref name="forced"/>, within a budget).</summary>
    public static double Optimum(double[] sigma, int n, int k, int forcedMask = 0, double[]? costs = null, double budget = double.PositiveInfinity)
    {
        double best = 0;
        for (int s = 0; s < sigma.Length; s++)
        {
            if ((s & forcedMask) != forcedMask || BitOperations.PopCount((uint)s) > k)
            {
                continue;
            }

            if (costs is not null)
            {
                double cost = 0;
                for (int v = 0; v < n; v++)
                {
                    cost += (s & (1 << v)) != 0 ? costs[v] : 0;
                }

                if (cost > budget)
                {
                    continue;
                }
            }

            best = Math.Max(best, sigma[s]);
        }

        return best;
    }

    private static IEnumerable<(List<(int, int)> Live, double Probability)> Worlds(int n, List<(int U, int V, double P)> arcs, DiffusionModel model)
    {
        if (model is IndependentCascade)
        {
            for (long world = 0; world < 1L << arcs.Count; world++)
            {
                var live = new List<(int, int)>();
                double p = 1;
                for (int i = 0; i < arcs.Count; i++)
                {
                    bool on = (world & (1L << i)) != 0;
                    p *= on ? arcs[i].P : 1 - arcs[i].P;
                    if (on)
                    {
                        live.Add((arcs[i].U, arcs[i].V));
                    }
                }

                yield return (live, p);
            }

            yield break;
        }

        // LT: node v keeps in-arc j of its in-list, or none (index = count).
        var inArcs = new List<int>[n];
        for (int v = 0; v < n; v++)
        {
            inArcs[v] = [];
        }

        for (int i = 0; i < arcs.Count; i++)
        {
            inArcs[arcs[i].V].Add(i);
        }

        var choice = new int[n];
        while (true)
        {
            var live = new List<(int, int)>();
            double p = 1;
            for (int v = 0; v < n; v++)
            {
                if (choice[v] < inArcs[v].Count)
                {
                    var arc = arcs[inArcs[v][choice[v]]];
                    p *= arc.P;
                    live.Add((arc.U, arc.V));
                }
                else
                {
                    double sum = 0;
                    foreach (int i in inArcs[v])
                    {
                        sum += arcs[i].P;
                    }

                    p *= Math.Max(0, 1 - sum);
                }
            }

            yield return (live, p);
            int d = 0;
            while (d < n && ++choice[d] > inArcs[d].Count)
            {
                choice[d++] = 0;
            }

            if (d == n)
            {
                yield break;
            }
        }
    }
}
