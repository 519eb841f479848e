using System.Diagnostics;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Seeding;

/// <summary>
/// Influence maximization: chooses the seeds (ambassadors, influencers) whose advocacy is expected to reach the most
/// people under independent cascade or linear threshold, with the brand's constraints (candidates, forced seeds,
/// costs and a budget). Reverse-reachable-set algorithms OPIM-C (default) and IMM, the CELF greedy and three heuristics.
/// The Kelman model is seeded by the CELF greedy only (no RR-set dual; Monte-Carlo evaluation; no guarantee).
/// </summary>
/// <remarks>
/// <para>
/// References: Borgs, Brautbar, Chayes, Lucier (2014) "Maximizing social influence in nearly optimal time"; Tang, Shi,
/// Xiao (2015) "Influence maximization in near-linear time: a martingale approach" (IMM); Chen (2018) "An issue in the
/// martingale analysis of the influence maximization algorithm IMM"; Tang, Tang, Xiao, Yuan (2018) "Online processing
/// algorithms for influence maximization" (OPIM-C); Guo, Wang, Wei, Chen (2020) "Influence maximization revisited:
/// efficient reverse reachable set generation with bound tightened" (SUBSIM); Leskovec et al. (2007) "Cost-effective
/// outbreak detection in networks" (CELF); Chen, Wang, Yang (2009) "Efficient influence maximization in social
/// networks" (degree discount). Equations: <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/seeding.md">docs/models/seeding.md</see>.
/// </para>
/// <para>Stateless and thread-safe. Same request (seed included) ⇒ same seeds at any degree of parallelism.</para>
/// </remarks>
public static class InfluenceMaximizer
{
    /// <summary>RR sets drawn to evaluate seeds chosen without RR sets (CELF, heuristics).</summary>
    internal const int EvaluationSets = 200_000;

    /// <summary>Random family of the CELF Monte-Carlo runs (common random numbers across its evaluations).</summary>
    private const ulong CelfFamily = 10;

    /// <summary>Random family of the Monte-Carlo evaluation of seeds chosen for a model without RR sets (Kelman).</summary>
    private const ulong CelfEvaluationFamily = 11;

    /// <summary>Selects seeds for <paramref name="request"/>.</summary>
    /// <param name="request">The graph, the model, k and the constraints.</param>
    /// <param name="options">
    /// The random seed, the parallelism and, for <see cref="SeedingAlgorithm.CelfGreedy"/>, the Monte-Carlo runs per
    /// spread evaluation; null for <see cref="SimulationOptions.Default"/> (seed 0, all cores, 10,000 runs).
    /// </param>
    /// <param name="progress">
    /// Receives reports in the stages "sampling" (RR sets drawn of the round's target), "selecting" (seeds chosen of the
    /// free seeds) and "evaluating" (the seeds' evaluation: Completed = seeds evaluated). CELF on IC or LT first reports
    /// "bounding" (Completed = live-edge samples bounded, Total = the simulations); CELF on Kelman first reports
    /// "evaluating" with Completed = spread evaluations of its first pass (every candidate alone) and Total = the
    /// candidates. Each stage ends with Completed = Total. Optional.
    /// </param>
    /// <param name="cancellationToken">Cancels the selection; checked every 1,024 RR sets, every greedy pick and every CELF simulation.</param>
    /// <returns>The seeds in selection order with their marginal gains, the estimated spread and the guarantee.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A candidate or forced seed is not a node, k is below the number of forced seeds or above what the candidates
    /// allow, costs do not match the nodes, costs come without a budget or the reverse, or the forced seeds cost more
    /// than the budget (ParamName "request.&lt;property&gt;", e.g. "request.K").
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>
    /// For a <see cref="KelmanInfluence"/> model the algorithm must be <see cref="SeedingAlgorithm.CelfGreedy"/>
    /// (otherwise ArgumentException, ParamName "request.Algorithm"); the result's spread is a Monte-Carlo estimate of
    /// <see cref="SimulationOptions.Simulations"/> runs on a stream family independent of the selection, the marginal
    /// gains are differences of the prefixes' spreads on those runs, <see cref="SeedSelection.RrSetCount"/> is 0 and
    /// <see cref="SeedSelection.ApproximationGuarantee"/> is 0 (the Kelman spread need not be submodular: reversible
    /// compliance and attitudes can make an added seed lower the gain of another or raise it).
    /// </remarks>
    public static SeedSelection Select(
        SeedingRequest request,
        SimulationOptions? options = null,
        IProgress<ProgressReport>? progress = null,
        CancellationToken cancellationToken = default) =>
        SelectWith(stores: null, request, options, progress, cancellationToken);

    /// <summary>
    /// <see cref="Select"/> with the
    /// RR-set collections made by <paramref name="stores"/> (null: in process). InfluenceModel.Orleans passes collections
    /// partitioned over a cluster; everything else (validation, sample sizes, stopping rules, greedy) is this code.
    /// </summary>
    internal static SeedSelection SelectWith(
        Func<ulong, IRrSetStore>? stores,
        SeedingRequest request,
        SimulationOptions? options,
        IProgress<ProgressReport>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= SimulationOptions.Default;
        var clock = Stopwatch.StartNew();
        SeedingProblem problem = Prepare(request, options, progress, stores, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        SocialGraph graph = request.Graph;
        SelectionOutcome outcome = problem.FreeSeeds == 0
            ? Evaluate(problem, [], 1.0) // only forced seeds: nothing to choose, the selection is optimal
            : request.Algorithm switch
        {
            SeedingAlgorithm.Opimc => ReverseReachableSeeding.Opimc(problem),
            SeedingAlgorithm.Imm => ReverseReachableSeeding.Imm(problem),
            SeedingAlgorithm.CelfGreedy when request.Model is KelmanInfluence => Celf(request, options, problem),
            SeedingAlgorithm.CelfGreedy => Evaluate(problem, CelfGreedy.Select(problem, LiveEdges(request, options, problem)), CelfGuarantee(problem)),
            SeedingAlgorithm.MaxDegree => Evaluate(problem, SeedingHeuristics.MaxDegree(problem), 0.0),
            SeedingAlgorithm.DegreeDiscount => Evaluate(problem, SeedingHeuristics.DegreeDiscount(problem), 0.0),
            _ => Evaluate(problem, SeedingHeuristics.PageRank(problem), 0.0),
        };

        var ids = new string[outcome.Seeds.Length];
        double? cost = problem.Costs is null ? null : 0.0;
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = graph.NodeId(outcome.Seeds[i]);
            cost += problem.Costs?[outcome.Seeds[i]];
        }

        return new SeedSelection
        {
            Seeds = outcome.Seeds,
            SeedIds = ids,
            MarginalGains = outcome.MarginalGains,
            Spread = new Estimate(outcome.Spread, outcome.StandardError, outcome.EvaluationSets),
            ApproximationGuarantee = outcome.Guarantee,
            RrSetCount = outcome.RrSetCount,
            TotalCost = cost,
            Algorithm = request.Algorithm,
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>
    /// The CELF oracle: <see cref="SpreadEstimator"/> with one fixed seed (common random numbers across sets) and the
    /// caller's simulation count and parallelism. Progress is the selection's, not each estimate's.
    /// </summary>
    private static SpreadOracle MonteCarlo(SeedingRequest request, SimulationOptions options, SeedingProblem problem) =>
        new(request.Graph, request.Model, options with { Seed = problem.FamilySeed(CelfFamily) }, problem.CancellationToken);

    /// <summary>
    /// The CELF oracle for IC and LT: shared live-edge samples on the same stream family (the estimate is submodular on
    /// them, so CELF returns the plain greedy's picks and can skip the first pass with bounds).
    /// </summary>
    private static LiveEdgeOracle LiveEdges(SeedingRequest request, SimulationOptions options, SeedingProblem problem) =>
        new(request.Graph, request.Model, options with { Seed = problem.FamilySeed(CelfFamily) }, problem.CancellationToken);

    /// <summary>
    /// CELF for a model without reverse-reachable sets (Kelman): the seeds are evaluated by Monte-Carlo on a fresh stream
    /// family (independent of the selection), the marginal gains as differences of the prefixes' spreads on common random
    /// numbers. No approximation guarantee (the spread need not be submodular).
    /// </summary>
    private static SelectionOutcome Celf(SeedingRequest request, SimulationOptions options, SeedingProblem problem)
    {
        int[] free = CelfGreedy.Select(problem, MonteCarlo(request, options, problem));
        var evaluation = new SpreadOracle(request.Graph, request.Model, options with { Seed = problem.FamilySeed(CelfEvaluationFamily) }, problem.CancellationToken);
        int[] seeds = [.. problem.Forced, .. free];
        problem.Report("evaluating", 0, seeds.Length);
        var gains = new double[seeds.Length];
        double previous = 0;
        for (int i = 0; i < seeds.Length - 1; i++)
        {
            double prefix = evaluation.Mean(seeds[..(i + 1)]);
            gains[i] = prefix - previous;
            previous = prefix;
            problem.Report("evaluating", i + 1, seeds.Length);
        }

        Estimate spread = evaluation.Estimate(seeds);
        gains[^1] = spread.Mean - previous;
        problem.Report("evaluating", seeds.Length, seeds.Length);
        return new SelectionOutcome(seeds, gains, spread.Mean, spread.StandardError, spread.Count, 0.0, 0);
    }

    private static double CelfGuarantee(SeedingProblem problem) =>
        problem.IsBudgeted ? 0.5 * SampleSizes.GreedyRatio : SampleSizes.GreedyRatio;

    private static SelectionOutcome Evaluate(SeedingProblem problem, int[] freeSeeds, double guarantee) =>
        ReverseReachableSeeding.Evaluate(problem, [.. problem.Forced, .. freeSeeds], EvaluationSets, guarantee);

    /// <summary>Validates <paramref name="request"/> across its properties and flattens it with the run's settings.</summary>
    internal static SeedingProblem Prepare(SeedingRequest request, SimulationOptions options, IProgress<ProgressReport>? progress = null, Func<ulong, IRrSetStore>? stores = null, CancellationToken cancellationToken = default)
    {
        SocialGraph graph = request.Graph;
        int n = graph.NodeCount;
        if (request.Model is KelmanInfluence && request.Algorithm != SeedingAlgorithm.CelfGreedy)
        {
            throw new ArgumentException(
                $"{request.Algorithm} cannot seed the Kelman model: reverse-reachable sets (OPIM-C, IMM) and the heuristics' RR-set evaluation exist only for independent cascade and linear threshold, and the Kelman model (reversible compliance, attitudes) has no such dual. Use SeedingAlgorithm.CelfGreedy (Monte-Carlo greedy, no approximation guarantee).",
                RequestParameter(nameof(SeedingRequest.Algorithm)));
        }

        bool linearThreshold = request.Model is LinearThreshold or KelmanInfluence;
        int[] forced = [.. request.ForcedSeeds];
        CheckNodes(forced, n, RequestParameter(nameof(SeedingRequest.ForcedSeeds)));
        if (forced.Length > request.K)
        {
            throw new ArgumentOutOfRangeException(RequestParameter(nameof(SeedingRequest.K)), request.K, $"K must be at least the number of forced seeds ({forced.Length}); it was {request.K}.");
        }

        bool[]? candidate = null;
        int choices = n;
        if (request.Candidates is { } candidates)
        {
            int[] list = [.. candidates];
            CheckNodes(list, n, RequestParameter(nameof(SeedingRequest.Candidates)));
            candidate = new bool[n];
            foreach (int v in list)
            {
                candidate[v] = true;
            }
        }

        if (forced.Length > 0)
        {
            candidate ??= Enumerable.Repeat(true, n).ToArray();
            foreach (int f in forced)
            {
                candidate[f] = false;
            }
        }

        if (candidate is not null)
        {
            choices = 0;
            foreach (bool c in candidate)
            {
                choices += c ? 1 : 0;
            }
        }

        int free = request.K - forced.Length;
        if (free > choices)
        {
            throw new ArgumentOutOfRangeException(RequestParameter(nameof(SeedingRequest.K)), request.K,
                $"K − forced seeds = {free} exceeds the {choices} nodes that can be chosen; lower K or widen the candidates.");
        }

        double[]? costs = CheckCosts(request, n, forced);
        return new SeedingProblem
        {
            NodeCount = n,
            OutOffsets = graph.OutOffsetArray,
            OutTargets = graph.OutTargetArray,
            OutWeights = graph.OutWeightArray,
            BuildReverse = () => ReverseInfluenceGraph.Create(n, graph.InOffsetArray, graph.InSourceArray, graph.InWeightArray, linearThreshold),
            Candidate = candidate,
            Forced = forced,
            FreeSeeds = free,
            Choices = choices,
            Costs = costs,
            Budget = request.Budget ?? 0,
            Epsilon = request.Epsilon,
            MaxRrSetBytes = request.MaxRrSetBytes,
            Delta = request.Delta ?? (1.0 / Math.Max(n, 2)),
            Seed = options.Seed,
            Parallelism = options.EffectiveParallelism,
            CancellationToken = cancellationToken,
            Progress = progress,
            StoreFactory = stores,
        };
    }

    private static double[]? CheckCosts(SeedingRequest request, int n, int[] forced)
    {
        if (request.Costs is null != request.Budget is null)
        {
            throw new ArgumentException("Costs and Budget go together: give both or neither.", RequestParameter(nameof(SeedingRequest.Budget)));
        }

        if (request.Costs is null)
        {
            return null;
        }

        if (request.Costs.Count != n)
        {
            throw new ArgumentException($"Costs must hold one cost per node ({n}); it holds {request.Costs.Count}.", RequestParameter(nameof(SeedingRequest.Costs)));
        }

        double[] costs = [.. request.Costs];
        double forcedCost = SeedingProblem.CostOf(costs, forced);

        if (forcedCost > request.Budget)
        {
            throw new ArgumentException($"The forced seeds cost {forcedCost}, more than the budget {request.Budget}.", RequestParameter(nameof(SeedingRequest.Budget)));
        }

        return costs;
    }

    /// <summary>The ParamName of a request property that does not fit the graph: "request.K", "request.Costs", ….</summary>
    private static string RequestParameter(string property) => "request." + property;

    private static void CheckNodes(int[] nodes, int n, string name)
    {
        for (int i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] >= n)
            {
                throw new ArgumentOutOfRangeException(name, nodes[i], $"{name}[{i}] must be a node index in [0, {n}); it was {nodes[i]}.");
            }
        }
    }
}
