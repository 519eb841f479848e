using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>
/// Chooses which channels to be in, under a budget (fixed costs + spend) and a cap on their number, then splits the
/// money across the chosen channels with <see cref="BudgetAllocator"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Exact search</b> (<see cref="SelectionMethod.Exact"/>; chosen by <see cref="SelectionMethod.Auto"/> for ≤ 20
/// candidates, or ≤ 64 candidates with ≤ 10 free slots). Depth-first branch and bound over sets, branching on
/// candidates in decreasing order of marginal value, warm-started with the greedy plan.
/// Reach bound: by submodularity reach(S ∪ T) ≤ reach(S) + Σ_{c∈T} Δ_c(S), so a node is pruned when
/// reach(S) + min(sum of the k largest Δ_c(S), Σ_g u_g·(1 − exp(−min(W_g^k, W_g^b))) with
/// w_{c,g} = −ln(1 − r_{c,g}), W_g^k the k largest w_{c,g} summed and W_g^b their fractional knapsack under the budget,
/// fractional-knapsack value of the Δ_c(S) under the remaining budget) cannot beat the incumbent (u_g the people of
/// segment g not yet reached, k the free slots). Response bound: Lagrangian dual of the joint selection–allocation problem with the
/// curves replaced by their concave envelopes, g(λ) = λ·b + Σ_{c∈S} φ_c(λ) + (sum of the k largest
/// (φ_c(λ) − λ·fixed_c)⁺ over candidates), φ_c(λ) = max_x env_c(x) − λx, minimised over λ by golden-section search
/// (g is convex in λ; every λ gives a valid bound). The answer is proven optimal unless the node limit (5,000,000)
/// is reached, which <see cref="ChannelSelection.IsProvenOptimal"/> reports.
/// </para>
/// <para>
/// <b>Greedy</b> (<see cref="SelectionMethod.Greedy"/>, Reach): Khuller, Moss and Naor (1999): the best feasible set
/// of at most two channels, and every feasible triple completed greedily by marginal reach per unit of fixed cost;
/// the best of these. With the budget as the only binding constraint this is a (1 − 1/e)-approximation. When
/// MaxChannels also binds the plan is still feasible but that factor is not proven. With more than 60 candidates
/// the triples are replaced by single channels (the cost-effective greedy of the same paper, factor (1 − 1/e)/2).
/// For the Response objective the greedy adds, from every single-channel start, the channel with the largest gain in
/// V(S) while it is positive — a heuristic without guarantee, since V is not submodular in general.
/// </para>
/// <para>Deterministic (nothing is simulated), so it takes no <see cref="SimulationOptions"/>. Host apps use <see cref="IChannelSelector"/>. Thread-safe.</para>
/// </remarks>
public static class ChannelSelector
{
    internal const long NodeLimit = 5_000_000;

    /// <summary>The progress stage reported by <see cref="Select"/>.</summary>
    internal const string Stage = "searching";

    /// <summary>Relative tolerance of the allocator that evaluates V(S) for the Response objective.</summary>
    private const double Tolerance = 1e-9;

    /// <summary>Selects channels and splits the budget across them.</summary>
    /// <param name="request">Candidate channels, budget, cap, objective, required and excluded channels, segments, method.</param>
    /// <param name="progress">
    /// Receives the sets evaluated and search nodes explored (total unknown in advance; the last report has
    /// Completed = Total = <see cref="ChannelSelection.NodesExplored"/>); null for none.
    /// </param>
    /// <param name="cancellationToken">Cancels a long search (checked at every search node and greedy completion).</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Duplicate or unknown channel names, mismatched segments, a channel both required and excluded, or an
    /// infeasible request (required channels cost more than the budget or exceed the cap); the message says why.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The domain verb; the issue names the method Select.")]
    public static ChannelSelection Select(SelectionRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = new Problem(request.Channels, request);
        int free = Math.Min(request.MaxChannels - problem.Required.Count, problem.Candidates.Count);
        SelectionMethod method = request.Method;
        if (method == SelectionMethod.Auto)
        {
            int m = problem.Candidates.Count;
            method = m <= 20 || (m <= 64 && free <= 10) ? SelectionMethod.Exact : SelectionMethod.Greedy;
        }

        var reporter = new ProgressReporter(progress, Stage, 0);
        Result result = request.Objective == SelectionObjective.Reach
            ? ReachSearch.Run(problem, free, method == SelectionMethod.Exact, reporter, cancellationToken)
            : ResponseSearch.Run(problem, free, method == SelectionMethod.Exact, reporter, cancellationToken);
        ChannelSelection selection = Build(problem, request, result, method);
        progress?.Report(new ProgressReport(Stage, result.Nodes, result.Nodes));
        return selection;
    }

    private static ChannelSelection Build(Problem problem, SelectionRequest request, Result result, SelectionMethod method)
    {
        var chosen = new bool[problem.ChannelCount];
        foreach (int c in result.Set)
        {
            chosen[c] = true;
        }

        var selected = new List<Channel>();
        double fixedCosts = 0;
        for (int c = 0; c < problem.ChannelCount; c++)
        {
            if (chosen[c])
            {
                selected.Add(problem.Channels[c]);
                fixedCosts += problem.FixedCost[c];
            }
        }

        Allocation allocation = BudgetAllocator.Allocate(new AllocationRequest { Channels = selected, Budget = Math.Max(0, request.Budget - fixedCosts) });
        double totalCost = fixedCosts + allocation.TotalSpend;
        return new ChannelSelection
        {
            Selected = selected,
            Excluded = Reasons(problem, request, chosen, problem.Uncovered(result.Set), selected.Count, fixedCosts),
            Allocation = allocation,
            ExpectedReach = problem.Reach(result.Set),
            ExpectedResponse = allocation.TotalResponse,
            TotalCost = totalCost,
            ResponsePerSpend = totalCost > 0 ? allocation.TotalResponse / totalCost : 0,
            Method = method,
            IsProvenOptimal = result.Proven,
            NodesExplored = result.Nodes,
        };
    }

    /// <summary>Why each channel left out is not in the plan; <paramref name="uncovered"/> is the people per segment the selected set misses.</summary>
    private static List<ExcludedChannel> Reasons(Problem problem, SelectionRequest request, bool[] chosen, double[] uncovered, int count, double fixedCosts)
    {
        var list = new List<ExcludedChannel>();
        double left = request.Budget - fixedCosts;
        string objective = request.Objective == SelectionObjective.Reach ? "reach" : "expected response";
        for (int c = 0; c < problem.ChannelCount; c++)
        {
            if (chosen[c])
            {
                continue;
            }

            string name = problem.Channels[c].Name;
            double cost = problem.FixedCost[c];
            string reason;
            if (problem.IsExcluded[c])
            {
                reason = "excluded by the request";
            }
            else if (cost > request.Budget - problem.RequiredCost)
            {
                reason = $"fixed cost {cost:G6} exceeds the {request.Budget - problem.RequiredCost:G6} left after required channels";
            }
            else if (count >= request.MaxChannels)
            {
                reason = $"the cap of {request.MaxChannels} channels is reached, and the best set of that size ({objective}) leaves it out";
            }
            else if (cost > left)
            {
                reason = $"fixed cost {cost:G6} exceeds the {left:G6} left after the selected channels' fixed costs";
            }
            else if (request.Objective == SelectionObjective.Reach)
            {
                reason = problem.Gain(uncovered, c) <= 0
                    ? "adds no reach beyond the selected channels"
                    : "a set without it reaches more within the budget and cap";
            }
            else
            {
                reason = "adding it would not raise the expected response: its fixed cost takes more than it returns";
            }

            list.Add(new ExcludedChannel(name, reason));
        }

        return list;
    }

    internal sealed record Result(int[] Set, double Value, bool Proven, long Nodes);

    /// <summary>Validated, flattened input.</summary>
    internal sealed class Problem
    {
        public Problem(IReadOnlyList<Channel> channels, SelectionRequest request)
        {
            ChannelCount = channels.Count;
            Channels = channels;
            Budget = request.Budget;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int c = 0; c < ChannelCount; c++)
            {
                if (!index.TryAdd(channels[c].Name, c))
                {
                    throw Guard.Invalid(nameof(request.Channels), $"Channel name '{channels[c].Name}' appears more than once.");
                }
            }

            int segments = ChannelCount > 0 ? channels[0].AudienceArray.Length : 0;
            AudienceOverlap audience = request.Segments ?? new AudienceOverlap(Enumerable.Repeat(1.0, Math.Max(1, segments)).ToArray());
            SegmentCount = audience.SizeArray.Length;
            SegmentSizes = audience.SizeArray;
            Share = new double[ChannelCount * SegmentCount];
            FixedCost = new double[ChannelCount];
            Curves = new IResponseCurve[ChannelCount];
            for (int c = 0; c < ChannelCount; c++)
            {
                audience.CheckSegments(channels[c], nameof(request.Channels));
                Array.Copy(channels[c].AudienceArray, 0, Share, c * SegmentCount, SegmentCount);
                FixedCost[c] = channels[c].FixedCost;
                Curves[c] = channels[c].Curve;
            }

            IsExcluded = new bool[ChannelCount];
            var isRequired = new bool[ChannelCount];
            foreach (string name in request.Excluded ?? [])
            {
                IsExcluded[Lookup(index, name, nameof(request.Excluded))] = true;
            }

            var required = new List<int>();
            foreach (string name in request.Required ?? [])
            {
                int c = Lookup(index, name, nameof(request.Required));
                if (IsExcluded[c])
                {
                    throw Guard.Invalid(nameof(request.Required), $"Channel '{name}' is both required and excluded.");
                }

                if (!isRequired[c])
                {
                    isRequired[c] = true;
                    required.Add(c);
                    RequiredCost += FixedCost[c];
                }
            }

            if (required.Count > request.MaxChannels)
            {
                throw Guard.Invalid(nameof(request.Required), $"Infeasible: {required.Count} channels are required but MaxChannels is {request.MaxChannels}.");
            }

            if (RequiredCost > request.Budget * (1 + 1e-12))
            {
                string names = string.Join(", ", required.Select(c => $"{channels[c].Name} ({FixedCost[c]:G6})"));
                throw Guard.Invalid(nameof(request.Required), $"Infeasible: the required channels' fixed costs add up to {RequiredCost:G6} [{names}], more than the budget {request.Budget:G6}.");
            }

            Required = required;
            var candidates = new List<int>();
            for (int c = 0; c < ChannelCount; c++)
            {
                if (!isRequired[c] && !IsExcluded[c] && FixedCost[c] <= request.Budget - RequiredCost)
                {
                    candidates.Add(c);
                }
            }

            Candidates = candidates;
        }

        /// <summary>Number of channels (candidates, required and excluded).</summary>
        public int ChannelCount { get; }

        /// <summary>Number of audience segments.</summary>
        public int SegmentCount { get; }

        public IReadOnlyList<Channel> Channels { get; }

        public double Budget { get; }

        /// <summary>People in each segment.</summary>
        public double[] SegmentSizes { get; }

        /// <summary>Audience share r_{c,g} of channel c in segment g at [c·SegmentCount + g] (the hot loops' layout).</summary>
        public double[] Share { get; }

        public double[] FixedCost { get; }

        public IResponseCurve[] Curves { get; }

        public bool[] IsExcluded { get; }

        public List<int> Required { get; }

        public double RequiredCost { get; }

        public List<int> Candidates { get; }

        private static int Lookup(Dictionary<string, int> index, string name, string param) =>
            name is not null && index.TryGetValue(name, out int c)
                ? c
                : throw Guard.Invalid(param, $"{param} names a channel that does not exist: '{name}'.");

        /// <summary>Uncovered people per segment after the channels of <paramref name="set"/>.</summary>
        public double[] Uncovered(IEnumerable<int> set)
        {
            var uncovered = (double[])SegmentSizes.Clone();
            foreach (int c in set)
            {
                Cover(uncovered, c);
            }

            return uncovered;
        }

        /// <summary>Removes the people channel <paramref name="c"/> reaches from <paramref name="uncovered"/>.</summary>
        public void Cover(double[] uncovered, int c)
        {
            int offset = c * SegmentCount;
            for (int g = 0; g < SegmentCount; g++)
            {
                uncovered[g] *= 1 - Share[offset + g];
            }
        }

        /// <summary>People channel <paramref name="c"/> would add to a set that leaves <paramref name="uncovered"/>.</summary>
        public double Gain(double[] uncovered, int c)
        {
            int offset = c * SegmentCount;
            double gain = 0;
            for (int g = 0; g < SegmentCount; g++)
            {
                gain += uncovered[g] * Share[offset + g];
            }

            return gain;
        }

        public double Reach(IEnumerable<int> set)
        {
            double[] uncovered = Uncovered(set);
            double reach = 0;
            for (int g = 0; g < SegmentCount; g++)
            {
                reach += SegmentSizes[g] - uncovered[g];
            }

            return reach;
        }

        /// <summary>V(S): the optimal response of the set after paying its fixed costs (−∞ when unaffordable).</summary>
        public double Response(IReadOnlyList<int> set)
        {
            double left = Budget;
            var curves = new IResponseCurve[set.Count];
            for (int i = 0; i < set.Count; i++)
            {
                left -= FixedCost[set[i]];
                curves[i] = Curves[set[i]];
            }

            if (left < -1e-12 * Math.Max(1, Budget))
            {
                return double.NegativeInfinity;
            }

            var lo = new double[curves.Length];
            var hi = new double[curves.Length];
            Array.Fill(hi, double.PositiveInfinity);
            double[] x = BudgetAllocator.Solve(curves, lo, hi, Math.Max(0, left), Tolerance, null, CancellationToken.None, out _, out _);
            double value = 0;
            for (int i = 0; i < curves.Length; i++)
            {
                value += curves[i].Value(x[i]);
            }

            return value;
        }
    }
}
