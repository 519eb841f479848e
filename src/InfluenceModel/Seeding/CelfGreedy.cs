namespace InfluenceModel.Seeding;

/// <summary>
/// CELF lazy-forward greedy (Leskovec et al. 2007) on a spread oracle (Monte-Carlo with common random numbers): by
/// submodularity a node's marginal gain only falls as the seed set grows, so a node popped from the max-heap whose gain
/// was computed for the current set is the best one. With costs it runs the ratio and the unit greedy and keeps the
/// better (Leskovec et al.'s cost-effective lazy forward, ≥ ½(1 − 1/e)).
/// </summary>
internal static class CelfGreedy
{
    /// <summary>Free seeds in pick order for <paramref name="problem"/>, scoring sets with <paramref name="spread"/>.</summary>
    public static int[] Select(SeedingProblem problem, Func<int[], double> spread)
    {
        if (!problem.IsBudgeted)
        {
            return Run(problem, spread, byRatio: false).Picks;
        }

        var ratio = Run(problem, spread, byRatio: true);
        var unit = Run(problem, spread, byRatio: false);
        return ratio.Spread >= unit.Spread ? ratio.Picks : unit.Picks;
    }

    private static (int[] Picks, double Spread) Run(SeedingProblem problem, Func<int[], double> spread, bool byRatio)
    {
        var current = new List<int>(problem.Forced);
        double currentSpread = current.Count > 0 ? spread([.. current]) : 0.0;
        double spent = problem.ForcedCost;

        // Min-heap on (−key, node); the payload remembers the set size its gain was computed for.
        var heap = new PriorityQueue<(int Node, int Round, double Gain), (double, int)>();
        var trial = new int[current.Count + 1];
        current.CopyTo(trial);
        for (int v = 0; v < problem.NodeCount; v++)
        {
            // Prepare removes forced seeds from Candidate (and makes one when there are forced seeds).
            if (problem.Candidate is null || problem.Candidate[v])
            {
                problem.CancellationToken.ThrowIfCancellationRequested();
                trial[^1] = v;
                double gain = spread(trial) - currentSpread;
                heap.Enqueue((v, 0, gain), (-Key(problem, v, gain, byRatio), v));
            }
        }

        problem.Report("selecting", 0, problem.FreeSeeds);
        var picks = new List<int>();
        while (picks.Count < problem.FreeSeeds && heap.TryDequeue(out var entry, out _))
        {
            double cost = problem.Costs?[entry.Node] ?? 0;
            if (problem.IsBudgeted && spent + cost > problem.Budget)
            {
                continue;
            }

            if (entry.Round == picks.Count)
            {
                picks.Add(entry.Node);
                current.Add(entry.Node);
                currentSpread += entry.Gain;
                spent += cost;
                problem.Report("selecting", picks.Count, problem.FreeSeeds);
                continue;
            }

            problem.CancellationToken.ThrowIfCancellationRequested();
            int[] candidateSet = [.. current, entry.Node];
            double gain = spread(candidateSet) - currentSpread;
            heap.Enqueue((entry.Node, picks.Count, gain), (-Key(problem, entry.Node, gain, byRatio), entry.Node));
        }

        // The budget may stop the greedy before k picks: the stage is complete all the same.
        problem.Report("selecting", problem.FreeSeeds, problem.FreeSeeds);
        return ([.. picks], currentSpread);
    }

    private static double Key(SeedingProblem problem, int node, double gain, bool byRatio) =>
        byRatio && problem.Costs is not null ? gain / problem.Costs[node] : gain;
}
