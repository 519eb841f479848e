using InfluenceModel.Diffusion;
using InfluenceModel.Internal;

namespace InfluenceModel.Seeding;

/// <summary>
/// CELF lazy-forward greedy (Leskovec et al. 2007) on a Monte-Carlo spread oracle with common random numbers: every
/// evaluation runs simulation i on the stream (seed, i), so marginal gains are paired differences and the lazy bounds
/// compare like with like. For a submodular spread a node's marginal gain only falls as the seed set grows, so a node
/// popped from the max-heap whose gain was computed for the current set is the best one (for a non-submodular model —
/// Kelman — the same rule is a heuristic without guarantee). With costs it runs the ratio and the unit greedy and keeps
/// the better (Leskovec et al.'s cost-effective lazy forward, ≥ ½(1 − 1/e) for a submodular spread).
/// </summary>
/// <remarks>
/// The first pass scores every candidate alone (with the forced seeds): the candidates are spread over the workers,
/// each running all simulations of its candidates on a reused runner, and both greedy variants of the budgeted case share
/// it. It is the bulk of the work for small k, which is why CELF++'s look-ahead (Goyal, Lu, Lakshmanan 2011), which
/// saves re-evaluations in later rounds at the price of a second evaluation per node in the first pass, is not used.
/// </remarks>
internal static class CelfGreedy
{
    /// <summary>Progress stage of the spread evaluations (Completed = evaluations of the first pass).</summary>
    internal const string EvaluatingStage = "evaluating";

    /// <summary>Free seeds in pick order for <paramref name="problem"/>, scoring sets with <paramref name="oracle"/>.</summary>
    public static int[] Select(SeedingProblem problem, SpreadOracle oracle)
    {
        int[] forced = problem.Forced;
        double forcedSpread = forced.Length > 0 ? oracle.Mean(forced) : 0.0;
        var candidates = new List<int>();
        for (int v = 0; v < problem.NodeCount; v++)
        {
            // Prepare removes forced seeds from Candidate (and makes one when there are forced seeds).
            if (problem.Candidate is null || problem.Candidate[v])
            {
                candidates.Add(v);
            }
        }

        int[] nodes = [.. candidates];
        var reporter = problem.Stage(EvaluatingStage, nodes.Length);
        double[] alone = oracle.MeansWithEach(forced, nodes, () => reporter.Advance());
        reporter.Complete();
        if (!problem.IsBudgeted)
        {
            return Run(problem, oracle, nodes, alone, forcedSpread, byRatio: false).Picks;
        }

        var ratio = Run(problem, oracle, nodes, alone, forcedSpread, byRatio: true);
        var unit = Run(problem, oracle, nodes, alone, forcedSpread, byRatio: false);
        return ratio.Spread >= unit.Spread ? ratio.Picks : unit.Picks;
    }

    private static (int[] Picks, double Spread) Run(SeedingProblem problem, SpreadOracle oracle, int[] nodes, double[] alone, double forcedSpread, bool byRatio)
    {
        var current = new List<int>(problem.Forced);
        double currentSpread = forcedSpread;
        double spent = problem.ForcedCost;

        // Min-heap on (−key, node); the payload remembers the set size its gain was computed for.
        var heap = new PriorityQueue<(int Node, int Round, double Gain), (double, int)>();
        for (int c = 0; c < nodes.Length; c++)
        {
            int v = nodes[c];
            double gain = alone[c] - currentSpread;
            heap.Enqueue((v, 0, gain), (-Key(problem, v, gain, byRatio), v));
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
            double gain = oracle.Mean(candidateSet) - currentSpread;
            heap.Enqueue((entry.Node, picks.Count, gain), (-Key(problem, entry.Node, gain, byRatio), entry.Node));
        }

        // The budget may stop the greedy before k picks: the stage is complete all the same.
        problem.Report("selecting", problem.FreeSeeds, problem.FreeSeeds);
        return ([.. picks], currentSpread);
    }

    private static double Key(SeedingProblem problem, int node, double gain, bool byRatio) =>
        byRatio && problem.Costs is not null ? gain / problem.Costs[node] : gain;
}
