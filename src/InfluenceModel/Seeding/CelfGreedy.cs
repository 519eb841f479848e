using InfluenceModel.Diffusion;
using InfluenceModel.Internal;

namespace InfluenceModel.Seeding;

/// <summary>
/// CELF lazy-forward greedy (Leskovec et al. 2007) on a Monte-Carlo spread oracle with common random numbers: every
/// evaluation of every set reads the same simulations derived from (seed, simulation index), so marginal gains are
/// paired differences and the lazy bounds compare like with like. For a submodular spread a node's marginal gain only
/// falls as the seed set grows, so a node popped from the max-heap whose gain was computed for the current set is the
/// best one (for a non-submodular model — Kelman — the same rule is a heuristic without guarantee). With costs it runs
/// the ratio and the unit greedy and keeps the better (Leskovec et al.'s cost-effective lazy forward, ≥ ½(1 − 1/e) for
/// a submodular spread).
/// </summary>
/// <remarks>
/// <para>
/// IC and LT (<see cref="LiveEdgeOracle"/>): simulation i is a live-edge graph fixed by (seed, i), so the estimate is
/// exactly submodular and the lazy rule returns the plain greedy's picks on the same samples. The first pass needs no
/// evaluation per candidate: one O(n + m) condensation per sample bounds every singleton's spread, and a candidate is
/// evaluated only when its bound reaches the top of the heap (the bound of a singleton bounds its gain to any set).
/// This is the saving CELF++ (Goyal, Lu, Lakshmanan 2011) aims at, obtained without its look-ahead evaluations.
/// </para>
/// <para>
/// Kelman (<see cref="SpreadOracle"/>): simulation i runs on the stream (seed, i); the first pass scores every
/// candidate alone (with the forced seeds), the candidates spread over the workers, each running all simulations of
/// its candidates on a reused runner. There is no bound that holds without submodularity, so nothing is skipped.
/// </para>
/// </remarks>
internal static class CelfGreedy
{
    /// <summary>Progress stage of the spread evaluations (Completed = evaluations of the first pass).</summary>
    internal const string EvaluatingStage = "evaluating";

    /// <summary>Progress stage of the live-edge bounding pass (Completed = samples bounded).</summary>
    internal const string BoundingStage = "bounding";

    /// <summary>Free seeds in pick order for <paramref name="problem"/>, scoring sets with <paramref name="oracle"/> (first pass: every candidate evaluated).</summary>
    public static int[] Select(SeedingProblem problem, SpreadOracle oracle)
    {
        int[] forced = problem.Forced;
        double forcedSpread = forced.Length > 0 ? oracle.Mean(forced) : 0.0;
        int[] nodes = Candidates(problem);
        var reporter = problem.Stage(EvaluatingStage, nodes.Length);
        double[] alone = oracle.MeansWithEach(forced, nodes, () => reporter.Advance());
        reporter.Complete();
        var first = new (int Node, int Round, double Gain)[nodes.Length];
        for (int c = 0; c < nodes.Length; c++)
        {
            first[c] = (nodes[c], 0, alone[c] - forcedSpread);
        }

        return Select(problem, oracle.Mean, first, forcedSpread);
    }

    /// <summary>
    /// Free seeds in pick order for <paramref name="problem"/> on shared live-edge samples: the first pass computes only
    /// an upper bound on every candidate's spread (<see cref="LiveEdgeOracle.SingletonBounds"/>), and the lazy heap
    /// evaluates a candidate when its bound reaches the top — the bound of a singleton also bounds its marginal gain to any
    /// set, because the estimate on fixed samples is submodular. Returns what the plain greedy returns on the same samples.
    /// </summary>
    public static int[] Select(SeedingProblem problem, LiveEdgeOracle oracle)
    {
        int[] forced = problem.Forced;
        // Summed reaches, not means: integers below 2⁵³, so every gain and comparison below is exact.
        double forcedTotal = forced.Length > 0 ? oracle.Total(forced) : 0.0;
        int[] nodes = Candidates(problem);
        var reporter = problem.Stage(BoundingStage, oracle.Simulations);
        long[] bounds = oracle.SingletonBounds(() => reporter.Advance());
        reporter.Complete();
        var first = new (int Node, int Round, double Gain)[nodes.Length];
        for (int c = 0; c < nodes.Length; c++)
        {
            // Round −1: a bound, never a value for the current set (re-evaluated when it reaches the top).
            first[c] = (nodes[c], -1, bounds[nodes[c]]);
        }

        return Select(problem, seeds => oracle.Total(seeds), first, forcedTotal);
    }

    private static int[] Candidates(SeedingProblem problem)
    {
        var candidates = new List<int>();
        for (int v = 0; v < problem.NodeCount; v++)
        {
            // Prepare removes forced seeds from Candidate (and makes one when there are forced seeds).
            if (problem.Candidate is null || problem.Candidate[v])
            {
                candidates.Add(v);
            }
        }

        return [.. candidates];
    }

    private static int[] Select(SeedingProblem problem, Func<int[], double> mean, (int Node, int Round, double Gain)[] first, double forcedSpread)
    {
        if (!problem.IsBudgeted)
        {
            return Run(problem, mean, first, forcedSpread, byRatio: false).Picks;
        }

        var ratio = Run(problem, mean, first, forcedSpread, byRatio: true);
        var unit = Run(problem, mean, first, forcedSpread, byRatio: false);
        return ratio.Spread >= unit.Spread ? ratio.Picks : unit.Picks;
    }

    private static (int[] Picks, double Spread) Run(SeedingProblem problem, Func<int[], double> mean, (int Node, int Round, double Gain)[] first, double forcedSpread, bool byRatio)
    {
        var current = new List<int>(problem.Forced);
        double currentSpread = forcedSpread;
        double spent = problem.ForcedCost;

        // Min-heap on (−key, node); the payload remembers the set size its gain was computed for (−1: an upper bound).
        var heap = new PriorityQueue<(int Node, int Round, double Gain), (double, int)>();
        foreach (var entry in first)
        {
            heap.Enqueue(entry, (-Key(problem, entry.Node, entry.Gain, byRatio), entry.Node));
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
            double gain = mean(candidateSet) - currentSpread;
            heap.Enqueue((entry.Node, picks.Count, gain), (-Key(problem, entry.Node, gain, byRatio), entry.Node));
        }

        // The budget may stop the greedy before k picks: the stage is complete all the same.
        problem.Report("selecting", problem.FreeSeeds, problem.FreeSeeds);
        return ([.. picks], currentSpread);
    }

    private static double Key(SeedingProblem problem, int node, double gain, bool byRatio) =>
        byRatio && problem.Costs is not null ? gain / problem.Costs[node] : gain;
}
