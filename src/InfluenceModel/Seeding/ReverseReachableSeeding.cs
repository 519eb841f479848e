using InfluenceModel.Internal;
using System.Diagnostics;

namespace InfluenceModel.Seeding;

/// <summary>What a selection algorithm returns before it is dressed as a public <see cref="SeedSelection"/>.</summary>
internal sealed record SelectionOutcome(int[] Seeds, double[] MarginalGains, double Spread, double StandardError, long EvaluationSets, double Guarantee, long RrSetCount);

/// <summary>
/// OPIM-C and IMM (with Chen's correction) over RR sets, including the budgeted variant. See <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/seeding.md">docs/models/seeding.md</see>
/// for the equations.
/// </summary>
internal static class ReverseReachableSeeding
{
    private const ulong FamilySelection = 1, FamilyValidation = 2, FamilyFinal = 3;

    /// <summary>
    /// Measured cost of sampling one RR set relative to indexing it and running the greedy over it (≈ 0.6 µs against
    /// ≈ 0.09 µs per set on email-enron, one thread): how much of R2's growth fits beside the index and greedy.
    /// </summary>
    private const long SamplingToCoverageCost = 6;

    /// <summary>
    /// OPIM-C with precision floors. R1 (selection) and an independent R2 (validation) grow until (a) the certified
    /// ratio σˡ(S)/σᵘ(OPT) reaches 1 − 1/e − ε, (b) the last seed's marginal coverage is at least
    /// <see cref="GainFloor"/>(ε) sets (or the last picks are negligible) and (c) S covers at least
    /// <see cref="CoverageFloor"/>(ε) sets of R1 — or R1 reaches θ_max. Each round grows R1 by ×1.25 to ×64, and round
    /// 4·i_max jumps to θ_max, so there are at most 4·i_max rounds; R2 may be topped up once per round to make the
    /// spread estimate precise. The union bound a = ln(6·4·i_max/δ) covers the two checks of every possible round.
    /// </summary>
    public static SelectionOutcome Opimc(SeedingProblem problem)
    {
        // InfluenceMaximizer.Select evaluates the forced seeds directly when there is nothing to choose.
        Debug.Assert(problem.FreeSeeds > 0, "OPIM-C needs at least one seed to choose.");
        if (problem.IsBudgeted)
        {
            return Imm(problem);
        }

        int n = problem.NodeCount;
        var (thetaZero, thetaMax, rounds) = SampleSizes.Opimc(n, problem.Choices, problem.FreeSeeds, problem.Epsilon, problem.Delta);
        // Growth factors may be as small as 1.25 (not OPIM-C's 2), so allow 4·i_max rounds, the last one at θ_max.
        int maxRounds = 4 * rounds;
        double a = Math.Log(6.0 * maxRounds / problem.Delta);
        IRrSetStore selection = problem.CreateStore(problem.FamilySeed(FamilySelection));
        IRrSetStore validation = problem.CreateStore(problem.FamilySeed(FamilyValidation));
        double target = SampleSizes.GreedyRatio - problem.Epsilon;
        double gainFloor = GainFloor(problem.Epsilon), coverageFloor = CoverageFloor(problem.Epsilon);
        double theta1 = thetaZero, theta2 = thetaZero;
        for (int round = 1; ; round++)
        {
            Grow(problem, selection, SampleSizes.ToCount(theta1));
            // R2 grows on Parallelism − 1 workers while this thread runs the index and greedy over R1, by as many sets as
            // fit beside that work (never more threads than MaxDegreeOfParallelism); the rest is sampled on all workers
            // afterwards. R2's content depends only on its final size, so the split does not change the result.
            int validationTarget = SampleSizes.ToCount(theta2);
            long fits = problem.Parallelism > 1 && selection.GrowsBesideGreedy && validation.GrowsBesideGreedy ? (problem.Parallelism - 1) * (long)selection.Count / SamplingToCoverageCost : 0;
            int overlapTarget = (int)Math.Min(validationTarget, validation.Count + fits);
            bool overlap = overlapTarget > validation.Count;
            var validationGrowth = overlap
                ? Task.Run(() => Grow(problem, validation, overlapTarget, problem.Parallelism - 1), problem.CancellationToken)
                : Task.CompletedTask;
            CoverageResult greedy;
            try
            {
                problem.Report("selecting", 0, problem.FreeSeeds);
                greedy = selection.Greedy(new GreedyTask(problem.Candidate, problem.Forced, problem.FreeSeeds, ComputeUpperBound: true), overlap ? 1 : problem.Parallelism, problem.CancellationToken);
            }
            catch
            {
                // Never leave the sampler running after this call has failed; its own outcome no longer matters.
                Task.WaitAny(validationGrowth);
                throw;
            }

            validationGrowth.GetAwaiter().GetResult();
            problem.Report("selecting", problem.FreeSeeds, problem.FreeSeeds);
            Grow(problem, validation, validationTarget);
            bool[] mask = Mask(n, greedy.Seeds);
            double coverageBound = Math.Min(greedy.UpperBound, greedy.Covered / SampleSizes.GreedyRatio);
            double upper = SampleSizes.SpreadUpperBound(coverageBound, selection.Count, n, a);
            long covered2 = validation.CountCovered(mask);
            double share = Math.Max((double)greedy.Covered / selection.Count, 1.0 / selection.Count);
            bool certified = Certified(covered2);
            bool atMax = theta1 >= thetaMax;
            double lastGain = greedy.Gains[^1];
            bool precise = (lastGain >= gainFloor || lastGain * problem.FreeSeeds <= problem.Epsilon * greedy.Covered)
                && greedy.Covered >= coverageFloor;
            if ((certified && precise) || atMax)
            {
                if (covered2 < coverageFloor && validation.Count < selection.Count)
                {
                    // Top R2 up so the spread estimate is as precise as S's coverage in R1 (predicted from R1's share).
                    Grow(problem, validation, SampleSizes.ToCount(Math.Min(selection.Count, 1.1 * coverageFloor / share)));
                    covered2 = validation.CountCovered(mask);
                    certified = Certified(covered2);
                }

                if (certified || atMax)
                {
                    // At θ_max OPIM-C's worst-case analysis guarantees 1 − 1/e − ε whatever the instance bound says.
                    double guarantee = atMax ? Math.Max(Ratio(covered2), target) : Ratio(covered2);
                    return Outcome(greedy, selection.Count, validation, covered2, n, Math.Max(0.0, guarantee), selection.Count + (long)validation.Count);
                }
            }

            // Coverage grows in proportion to θ: jump to where the floors should be met (×1.25 to ×64); double when
            // only the certificate is missing, as OPIM-C does.
            double need = Math.Max(gainFloor / Math.Max(lastGain, 1.0), coverageFloor / Math.Max(greedy.Covered, 1.0));
            double factor = precise ? 2.0 : Math.Clamp(1.15 * need, 1.25, 64.0);
            theta1 = round + 1 >= maxRounds ? thetaMax : Math.Min(thetaMax, theta1 * factor);
            // R2 only has to certify and, at the end, hold the coverage floor: while uncertified grow it (at least ×2)
            // towards the size the floor needs at R1's coverage share, never beyond θ1/2.
            // Once certified, R2 is grown ahead to the size the spread floor needs (it grows alongside the next greedy).
            double validationFloor = 1.1 * coverageFloor / share;
            theta2 = certified
                ? Math.Max(validation.Count, Math.Min(validationFloor, theta1))
                : Math.Min(theta1 / 2, Math.Max(2.0 * validation.Count, validationFloor));

            bool Certified(long covered) => Ratio(covered) >= target;

            double Ratio(long covered) => upper > 0 ? Math.Min(1.0, SampleSizes.SpreadLowerBound(covered, validation.Count, n, a) / upper) : 0.0;
        }
    }

    /// <summary>
    /// The least marginal coverage (in RR sets) of the last seed before OPIM-C stops: 2/ε², so that the smallest
    /// marginal gain is estimated with relative standard error ≤ ε/√2 and the greedy's late picks are not noise. (It was
    /// 4/ε² until issue 14: on email-enron, k = 50, ε = 0.1, that doubled R1 — 200,797 sets against 100,000 — for no spread
    /// measurable on 2,000,000 fresh RR sets: 11,813.7 ± 3.8 against 11,809.9 ± 7.6 over four selections each.)
    /// </summary>
    public static double GainFloor(double epsilon) => 2.0 / (epsilon * epsilon);

    /// <summary>
    /// The least coverage of the seed set (in RR sets of R1, and of R2 for the estimate): 100/ε², a relative standard
    /// error of ε/10 for the spread, so that near-tied candidate sets (e.g. the two best single nodes of NetHEPT, 3%
    /// apart) are told apart.
    /// </summary>
    public static double CoverageFloor(double epsilon) => 100.0 / (epsilon * epsilon);

    /// <summary>
    /// IMM: the sampling phase finds a lower bound LB of OPT by trying x = n/2, n/4, …; then θ = λ*/LB fresh RR sets
    /// (Chen 2018) are drawn for the final greedy. The sampling-phase sets, independent of the final selection, give an
    /// unbiased spread estimate. With costs and a budget the final greedy is the better of ratio and unit greedy.
    /// </summary>
    public static SelectionOutcome Imm(SeedingProblem problem)
    {
        Debug.Assert(problem.FreeSeeds > 0, "IMM needs at least one seed to choose.");
        int n = problem.NodeCount;
        int k = EffectiveK(problem);
        double ell = SampleSizes.ImmEll(n, problem.Delta);
        double epsPrime = Math.Sqrt(2.0) * problem.Epsilon;
        double lambdaPrime = SampleSizes.ImmLambdaPrime(n, problem.Choices, Math.Max(1, k), problem.Epsilon, ell);
        IRrSetStore sampling = problem.CreateStore(problem.FamilySeed(FamilySelection));
        double lowerBound = 1.0;
        int maxRounds = Math.Max(1, (int)Math.Ceiling(Math.Log2(Math.Max(n, 2))) - 1);
        for (int i = 1; i <= maxRounds; i++)
        {
            double x = n / Math.Pow(2, i);
            Grow(problem, sampling, SampleSizes.ToCount(lambdaPrime / x));
            var greedy = sampling.Greedy(new GreedyTask(problem.Candidate, problem.Forced, k, ComputeUpperBound: false), problem.Parallelism, problem.CancellationToken);
            double estimate = (double)n * greedy.Covered / sampling.Count;
            if (estimate >= (1.0 + epsPrime) * x)
            {
                lowerBound = estimate / (1.0 + epsPrime);
                break;
            }
        }

        double lambdaStar = SampleSizes.ImmLambdaStar(n, problem.Choices, Math.Max(1, k), problem.Epsilon, ell);
        IRrSetStore final = problem.CreateStore(problem.FamilySeed(FamilyFinal));
        Grow(problem, final, SampleSizes.ToCount(lambdaStar / lowerBound));
        problem.Report("selecting", 0, problem.FreeSeeds);
        CoverageResult result;
        double guarantee;
        if (problem.IsBudgeted)
        {
            var budgeted = new GreedyTask(problem.Candidate, problem.Forced, problem.Forced.Length + problem.FreeSeeds, ComputeUpperBound: false) { Costs = problem.Costs, Budget = problem.Budget };
            var ratioGreedy = final.Greedy(budgeted with { ByRatio = true }, problem.Parallelism, problem.CancellationToken);
            var unitGreedy = final.Greedy(budgeted with { ByRatio = false }, problem.Parallelism, problem.CancellationToken);
            result = ratioGreedy.Covered >= unitGreedy.Covered ? ratioGreedy : unitGreedy;
            guarantee = Math.Max(0.0, (0.5 * SampleSizes.GreedyRatio) - problem.Epsilon);
        }
        else
        {
            result = final.Greedy(new GreedyTask(problem.Candidate, problem.Forced, problem.FreeSeeds, ComputeUpperBound: false), problem.Parallelism, problem.CancellationToken);
            guarantee = Math.Max(0.0, SampleSizes.GreedyRatio - problem.Epsilon);
        }

        problem.Report("selecting", problem.FreeSeeds, problem.FreeSeeds);

        long covered = sampling.CountCovered(Mask(n, result.Seeds));
        return Outcome(result, final.Count, sampling, covered, n, guarantee, sampling.Count + (long)final.Count);
    }

    /// <summary>
    /// Spread of a given seed sequence on <paramref name="sets"/> independent RR sets: the marginal gains in order, the
    /// estimate n·F_R(S) and its binomial standard error. Used for heuristics and CELF.
    /// </summary>
    public static SelectionOutcome Evaluate(SeedingProblem problem, int[] seeds, int sets, double guarantee)
    {
        int n = problem.NodeCount;
        IRrSetStore evaluation = problem.CreateStore(problem.FamilySeed(FamilyValidation));
        Grow(problem, evaluation, sets);
        problem.Report("evaluating", 0, seeds.Length);
        // Greedy over a one-node candidate list per step reproduces the order: forced = the whole sequence.
        var ordered = evaluation.Greedy(new GreedyTask(new bool[n], seeds, 0, ComputeUpperBound: false), problem.Parallelism, problem.CancellationToken);
        problem.Report("evaluating", seeds.Length, seeds.Length);
        return Outcome(ordered, evaluation.Count, evaluation, ordered.Covered, n, guarantee, evaluation.Count);
    }

    /// <summary>The most free seeds a solution can hold: k, or with a budget the count the cheapest candidates afford.</summary>
    private static int EffectiveK(SeedingProblem problem)
    {
        if (!problem.IsBudgeted)
        {
            return problem.FreeSeeds;
        }

        double left = problem.Budget - problem.ForcedCost;

        var costs = new List<double>();
        for (int v = 0; v < problem.NodeCount; v++)
        {
            if (problem.Candidate is null || problem.Candidate[v])
            {
                costs.Add(problem.Costs![v]);
            }
        }

        costs.Sort();
        int count = 0;
        foreach (double c in costs)
        {
            if (count >= problem.FreeSeeds || c > left)
            {
                break;
            }

            left -= c;
            count++;
        }

        return count;
    }

    private static SelectionOutcome Outcome(CoverageResult result, int selectionSets, IRrSetStore evaluation, long evaluationCovered, int n, double guarantee, long rrSets)
    {
        var gains = new double[result.Gains.Length];
        for (int i = 0; i < gains.Length; i++)
        {
            gains[i] = (double)n * result.Gains[i] / selectionSets;
        }

        double p = (double)evaluationCovered / evaluation.Count;
        double spread = n * p;
        double se = n * Math.Sqrt(p * (1 - p) / evaluation.Count);
        return new SelectionOutcome(result.Seeds, gains, spread, se, evaluation.Count, guarantee, rrSets);
    }

    private static void Grow(SeedingProblem problem, IRrSetStore sets, int target, int parallelism = 0)
    {
        if (target > sets.Count)
        {
            CheckMemory(problem, sets.Count, sets.TotalSize, target);
            int workers = parallelism > 0 ? parallelism : problem.Parallelism;
            var reporter = problem.Stage("sampling", target);
            reporter.Advance(sets.Count);
            sets.Grow(target, workers, reporter, problem.CancellationToken);
            reporter.Complete();
        }
    }

    /// <summary>
    /// Refuses a growth of a collection of <paramref name="count"/> sets (<paramref name="totalSize"/> entries) to <paramref name="target"/> sets whose estimated memory exceeds the cap:
    /// per set a 4-byte offset, per node 4 bytes in the sets and 4 in the coverage index; the average set size is the one
    /// drawn so far (1, the root alone, before the first round: a lower bound). Also refuses more than 2³¹ nodes in all,
    /// the most one collection can index.
    /// </summary>
    internal static void CheckMemory(SeedingProblem problem, int count, long totalSize, int target)
    {
        double average = count > 0 ? Math.Max(1.0, (double)totalSize / count) : 1.0;
        double entries = target * average;
        double bytes = (4.0 * target) + (8.0 * entries);
        if (bytes > problem.MaxRrSetBytes || entries > int.MaxValue - 1024)
        {
            throw Guard.OutOfRange(
                nameof(SeedingRequest.Epsilon),
                problem.Epsilon,
                $"Seeding needs ≈ {Bytes(bytes)} of RR sets ({target:N0} sets of ≈ {average:G3} nodes for ε = {problem.Epsilon:G3}, k = {problem.FreeSeeds:N0}); the cap is {Bytes(problem.MaxRrSetBytes)} (SeedingRequest.MaxRrSetBytes){(entries > int.MaxValue - 1024 ? " and one collection indexes at most 2³¹ nodes" : "")}. Raise ε or lower k.");
        }
    }

    private static string Bytes(double bytes) =>
        bytes >= 1e12 ? $"{bytes / 1e12:G3} TB" : bytes >= 1e9 ? $"{bytes / 1e9:G3} GB" : $"{bytes / 1e6:G3} MB";

    private static bool[] Mask(int n, int[] nodes)
    {
        var mask = new bool[n];
        foreach (int v in nodes)
        {
            mask[v] = true;
        }

        return mask;
    }
}
