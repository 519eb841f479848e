namespace InfluenceModel.Seeding;

/// <summary>
/// Seed-ranking heuristics without a guarantee: max out-degree, degree discount (Chen, Wang, Yang 2009) and PageRank
/// on the reversed graph. Each returns the free seeds in pick order (forced seeds excluded); ties go to the smaller id.
/// With a budget, nodes are taken in rank order while they fit.
/// </summary>
internal static class SeedingHeuristics
{
    public const double Damping = 0.85;
    private const int MaxIterations = 200;
    private const double Tolerance = 1e-12;

    /// <summary>Free seeds by decreasing out-degree.</summary>
    public static int[] MaxDegree(SeedingProblem problem)
    {
        var score = new double[problem.NodeCount];
        for (int v = 0; v < score.Length; v++)
        {
            score[v] = problem.OutOffsets[v + 1] - problem.OutOffsets[v];
        }

        return TakeByScore(problem, score);
    }

    /// <summary>
    /// DegreeDiscountIC: dd_v = d_v − 2t_v − (d_v − t_v)·t_v·p, where d_v is the out-degree, t_v the number of v's
    /// out-neighbours already chosen and p the mean edge probability of the graph (the heuristic assumes one uniform p).
    /// </summary>
    public static int[] DegreeDiscount(SeedingProblem problem)
    {
        int n = problem.NodeCount;
        double p = MeanWeight(problem.OutWeights);
        var degree = new double[n];
        var chosenNeighbours = new int[n];
        var score = new double[n];
        bool[] taken = Excluded(problem);
        for (int v = 0; v < n; v++)
        {
            degree[v] = problem.OutOffsets[v + 1] - problem.OutOffsets[v];
            score[v] = degree[v];
        }

        void Discount(int seed)
        {
            // Every node v with an arc v → seed now has one fewer fresh out-neighbour and may be activated by the seed.
            int[] inOffsets = problem.Reverse.InOffsets;
            for (int e = inOffsets[seed]; e < inOffsets[seed + 1]; e++)
            {
                int v = problem.Reverse.InSources[e];
                int t = ++chosenNeighbours[v];
                score[v] = degree[v] - (2.0 * t) - ((degree[v] - t) * t * p);
            }
        }

        foreach (int f in problem.Forced)
        {
            Discount(f);
        }

        var picks = new List<int>(problem.FreeSeeds);
        double spent = problem.ForcedCost;
        while (picks.Count < problem.FreeSeeds)
        {
            int best = ArgMax(score, taken, problem, spent);
            if (best < 0)
            {
                break;
            }

            taken[best] = true;
            picks.Add(best);
            spent += problem.Costs?[best] ?? 0;
            Discount(best);
        }

        return [.. picks];
    }

    /// <summary>
    /// PageRank of the reverse random walk that moves from v to in-neighbour u with probability w(u,v)/Σ_u' w(u',v)
    /// (teleporting uniformly with probability 1 − <see cref="Damping"/> and from nodes without weighted in-edges):
    /// a node ranks high when it can influence many highly ranked nodes. Power iteration to an L1 change below 1e-12.
    /// </summary>
    public static int[] PageRank(SeedingProblem problem)
    {
        double[] rank = PageRankScores(problem);
        return TakeByScore(problem, rank);
    }

    /// <summary>The reverse-walk PageRank vector (sums to 1).</summary>
    public static double[] PageRankScores(SeedingProblem problem)
    {
        int n = problem.NodeCount;
        var inWeight = new double[n];
        for (int u = 0; u < n; u++)
        {
            for (int e = problem.OutOffsets[u]; e < problem.OutOffsets[u + 1]; e++)
            {
                inWeight[problem.OutTargets[e]] += problem.OutWeights[e];
            }
        }

        var rank = new double[n];
        var next = new double[n];
        Array.Fill(rank, 1.0 / n);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            problem.CancellationToken.ThrowIfCancellationRequested();
            double dangling = 0;
            for (int v = 0; v < n; v++)
            {
                if (inWeight[v] <= 0)
                {
                    dangling += rank[v];
                }
            }

            double teleport = ((1.0 - Damping) + (Damping * dangling)) / n;
            double change = 0;
            for (int u = 0; u < n; u++)
            {
                double sum = 0;
                for (int e = problem.OutOffsets[u]; e < problem.OutOffsets[u + 1]; e++)
                {
                    int v = problem.OutTargets[e];
                    if (inWeight[v] > 0)
                    {
                        sum += rank[v] * problem.OutWeights[e] / inWeight[v];
                    }
                }

                next[u] = teleport + (Damping * sum);
                change += Math.Abs(next[u] - rank[u]);
            }

            (rank, next) = (next, rank);
            if (change < Tolerance)
            {
                break;
            }
        }

        return rank;
    }

    private static int[] TakeByScore(SeedingProblem problem, double[] score)
    {
        bool[] taken = Excluded(problem);
        var picks = new List<int>(problem.FreeSeeds);
        double spent = problem.ForcedCost;
        // Sort once: order by decreasing score, ties to the smaller id.
        var order = new int[problem.NodeCount];
        for (int v = 0; v < order.Length; v++)
        {
            order[v] = v;
        }

        Array.Sort(order, (a, b) => score[a] != score[b] ? score[b].CompareTo(score[a]) : a.CompareTo(b));
        foreach (int v in order)
        {
            if (picks.Count >= problem.FreeSeeds)
            {
                break;
            }

            if (!taken[v] && Affordable(problem, v, spent))
            {
                picks.Add(v);
                spent += problem.Costs?[v] ?? 0;
            }
        }

        return [.. picks];
    }

    private static int ArgMax(double[] score, bool[] taken, SeedingProblem problem, double spent)
    {
        int best = -1;
        for (int v = 0; v < score.Length; v++)
        {
            if (!taken[v] && (best < 0 || score[v] > score[best]) && Affordable(problem, v, spent))
            {
                best = v;
            }
        }

        return best;
    }

    private static bool Affordable(SeedingProblem problem, int v, double spent) =>
        problem.Costs is null || spent + problem.Costs[v] <= problem.Budget;

    /// <summary>Nodes that cannot be picked: non-candidates (Prepare has removed the forced seeds from Candidate).</summary>
    private static bool[] Excluded(SeedingProblem problem)
    {
        var excluded = new bool[problem.NodeCount];
        for (int v = 0; v < excluded.Length; v++)
        {
            excluded[v] = problem.Candidate is not null && !problem.Candidate[v];
        }

        return excluded;
    }

    private static double MeanWeight(float[] weights)
    {
        double sum = 0;
        foreach (float w in weights)
        {
            sum += w;
        }

        return weights.Length == 0 ? 0 : sum / weights.Length;
    }
}
