using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>
/// Chooses which channels to be in, under a budget (entry costs + spend) and a cap on their number, then splits the
/// money across the chosen channels with an <see cref="IBudgetAllocator"/>.
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
/// (φ_c(λ) − λ·entry_c)⁺ over candidates), φ_c(λ) = max_x env_c(x) − λx, minimised over λ by golden-section search
/// (g is convex in λ; every λ gives a valid bound). The answer is proven optimal unless the node limit (5,000,000)
/// is reached, which <see cref="ChannelPlan.IsProvenOptimal"/> reports.
/// </para>
/// <para>
/// <b>Greedy</b> (<see cref="SelectionMethod.Greedy"/>, Reach): Khuller, Moss and Naor (1999): the best feasible set
/// of at most two channels, and every feasible triple completed greedily by marginal reach per unit of entry cost;
/// the best of these. With the budget as the only binding constraint this is a (1 − 1/e)-approximation. When
/// MaxChannels also binds the plan is still feasible but that factor is not proven. With more than 60 candidates
/// the triples are replaced by single channels (the cost-effective greedy of the same paper, factor (1 − 1/e)/2).
/// For the Response objective the greedy adds, from every single-channel start, the channel with the largest gain in
/// V(S) while it is positive — a heuristic without guarantee, since V is not submodular in general.
/// </para>
/// <para>The class is stateless and thread-safe.</para>
/// </remarks>
public sealed class ChannelSelector : IChannelSelector
{
    internal const long NodeLimit = 5_000_000;
    private const double Tolerance = 1e-9;
    private readonly IBudgetAllocator _allocator;

    /// <summary>Creates a selector that splits the money with a <see cref="BudgetAllocator"/>.</summary>
    public ChannelSelector()
        : this(new BudgetAllocator())
    {
    }

    /// <summary>Creates a selector that splits the money with <paramref name="allocator"/>.</summary>
    /// <param name="allocator">The allocator for the final split.</param>
    /// <exception cref="ArgumentNullException"><paramref name="allocator"/> is null.</exception>
    public ChannelSelector(IBudgetAllocator allocator)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        _allocator = allocator;
    }

    /// <inheritdoc/>
    public ChannelPlan Select(IReadOnlyList<Channel> channels, SelectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(request);
        var problem = new Problem(channels, request);
        int free = Math.Min(request.MaxChannels - problem.Required.Count, problem.Candidates.Count);
        SelectionMethod method = request.Method;
        if (method == SelectionMethod.Auto)
        {
            int m = problem.Candidates.Count;
            method = m <= 20 || (m <= 64 && free <= 10) ? SelectionMethod.Exact : SelectionMethod.Greedy;
        }

        Result result = request.Objective == SelectionObjective.Reach
            ? ReachSearch.Run(problem, free, method == SelectionMethod.Exact, cancellationToken)
            : ResponseSearch.Run(problem, free, method == SelectionMethod.Exact, cancellationToken);
        return BuildPlan(problem, request, result, method);
    }

    private ChannelPlan BuildPlan(Problem problem, SelectionRequest request, Result result, SelectionMethod method)
    {
        var chosen = new bool[problem.N];
        foreach (int c in result.Set)
        {
            chosen[c] = true;
        }

        var selected = new List<Channel>();
        var curves = new List<IResponseCurve>();
        double entry = 0;
        for (int c = 0; c < problem.N; c++)
        {
            if (chosen[c])
            {
                selected.Add(problem.Channels[c]);
                curves.Add(problem.Channels[c].Curve);
                entry += problem.Cost[c];
            }
        }

        Allocation allocation = _allocator.Allocate(curves, new AllocationRequest { TotalBudget = Math.Max(0, request.Budget - entry) });
        var outcomes = new ChannelOutcome[selected.Count];
        for (int i = 0; i < selected.Count; i++)
        {
            double cost = selected[i].EntryCost + allocation.Spend[i];
            outcomes[i] = new ChannelOutcome(selected[i].Name, selected[i].EntryCost, allocation.Spend[i], allocation.Response[i],
                cost > 0 ? allocation.Response[i] / cost : 0, allocation.MarginalReturn[i]);
        }

        double totalCost = entry + allocation.TotalSpend;
        return new ChannelPlan
        {
            Selected = selected,
            Excluded = Reasons(problem, request, chosen, problem.Uncovered(result.Set), selected.Count, entry),
            Allocation = allocation,
            Channels = outcomes,
            ExpectedReach = problem.Reach(result.Set),
            ExpectedResponse = allocation.TotalResponse,
            TotalCost = totalCost,
            Roi = totalCost > 0 ? allocation.TotalResponse / totalCost : 0,
            Method = method,
            IsProvenOptimal = result.Proven,
            NodesExplored = result.Nodes,
        };
    }

    /// <summary>Why each channel left out is not in the plan; <paramref name="uncovered"/> is the people per segment the selected set misses.</summary>
    private static List<ExcludedChannel> Reasons(Problem problem, SelectionRequest request, bool[] chosen, double[] uncovered, int count, double entry)
    {
        var list = new List<ExcludedChannel>();
        double left = request.Budget - entry;
        string objective = request.Objective == SelectionObjective.Reach ? "reach" : "expected response";
        for (int c = 0; c < problem.N; c++)
        {
            if (chosen[c])
            {
                continue;
            }

            string name = problem.Channels[c].Name;
            double cost = problem.Cost[c];
            string reason;
            if (problem.IsExcluded[c])
            {
                reason = "excluded by the request";
            }
            else if (cost > request.Budget - problem.RequiredCost)
            {
                reason = $"entry cost {cost:G6} exceeds the {request.Budget - problem.RequiredCost:G6} left after required channels";
            }
            else if (count >= request.MaxChannels)
            {
                reason = $"the cap of {request.MaxChannels} channels is reached, and the best set of that size ({objective}) leaves it out";
            }
            else if (cost > left)
            {
                reason = $"entry cost {cost:G6} exceeds the {left:G6} left after the selected channels' entry costs";
            }
            else if (request.Objective == SelectionObjective.Reach)
            {
                reason = problem.Gain(uncovered, c) <= 0
                    ? "adds no reach beyond the selected channels"
                    : "a set without it reaches more within the budget and cap";
            }
            else
            {
                reason = "adding it would not raise the expected response: its entry cost takes more than it returns";
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
            N = channels.Count;
            Channels = channels;
            Budget = request.Budget;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int c = 0; c < N; c++)
            {
                Channel channel = channels[c] ?? throw new ArgumentNullException(nameof(channels), $"channels[{c}] is null.");
                if (!index.TryAdd(channel.Name, c))
                {
                    throw new ArgumentException($"Channel name '{channel.Name}' appears more than once.", nameof(channels));
                }
            }

            int segments = N > 0 ? channels[0].ReachArray.Length : 0;
            AudienceOverlap audience = request.Audience ?? new AudienceOverlap(Enumerable.Repeat(1.0, Math.Max(1, segments)).ToArray());
            G = audience.SizeArray.Length;
            Sizes = audience.SizeArray;
            R = new double[N * G];
            Cost = new double[N];
            Curves = new IResponseCurve[N];
            for (int c = 0; c < N; c++)
            {
                audience.CheckSegments(channels[c], nameof(channels));
                Array.Copy(channels[c].ReachArray, 0, R, c * G, G);
                Cost[c] = channels[c].EntryCost;
                Curves[c] = channels[c].Curve;
            }

            IsExcluded = new bool[N];
            var isRequired = new bool[N];
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
                    RequiredCost += Cost[c];
                }
            }

            if (required.Count > request.MaxChannels)
            {
                throw Guard.Invalid(nameof(request.Required), $"Infeasible: {required.Count} channels are required but MaxChannels is {request.MaxChannels}.");
            }

            if (RequiredCost > request.Budget * (1 + 1e-12))
            {
                string names = string.Join(", ", required.Select(c => $"{channels[c].Name} ({Cost[c]:G6})"));
                throw Guard.Invalid(nameof(request.Required), $"Infeasible: the required channels' entry costs add up to {RequiredCost:G6} [{names}], more than the budget {request.Budget:G6}.");
            }

            Required = required;
            var candidates = new List<int>();
            for (int c = 0; c < N; c++)
            {
                if (!isRequired[c] && !IsExcluded[c] && Cost[c] <= request.Budget - RequiredCost)
                {
                    candidates.Add(c);
                }
            }

            Candidates = candidates;
        }

        public int N { get; }

        public int G { get; }

        public IReadOnlyList<Channel> Channels { get; }

        public double Budget { get; }

        public double[] Sizes { get; }

        public double[] R { get; }

        public double[] Cost { get; }

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
            var u = (double[])Sizes.Clone();
            foreach (int c in set)
            {
                Cover(u, c);
            }

            return u;
        }

        public void Cover(double[] u, int c)
        {
            int offset = c * G;
            for (int g = 0; g < G; g++)
            {
                u[g] *= 1 - R[offset + g];
            }
        }

        public double Gain(double[] u, int c)
        {
            int offset = c * G;
            double gain = 0;
            for (int g = 0; g < G; g++)
            {
                gain += u[g] * R[offset + g];
            }

            return gain;
        }

        public double Reach(IEnumerable<int> set)
        {
            double[] u = Uncovered(set);
            double reach = 0;
            for (int g = 0; g < G; g++)
            {
                reach += Sizes[g] - u[g];
            }

            return reach;
        }

        /// <summary>V(S): the optimal response of the set after paying its entry costs (−∞ when unaffordable).</summary>
        public double Response(IReadOnlyList<int> set)
        {
            double left = Budget;
            var curves = new IResponseCurve[set.Count];
            for (int i = 0; i < set.Count; i++)
            {
                left -= Cost[set[i]];
                curves[i] = Curves[set[i]];
            }

            if (left < -1e-12 * Math.Max(1, Budget))
            {
                return double.NegativeInfinity;
            }

            var lo = new double[curves.Length];
            var hi = new double[curves.Length];
            Array.Fill(hi, double.PositiveInfinity);
            double[] x = BudgetAllocator.Solve(curves, lo, hi, Math.Max(0, left), Tolerance, CancellationToken.None, out _, out _);
            double value = 0;
            for (int i = 0; i < curves.Length; i++)
            {
                value += curves[i].Value(x[i]);
            }

            return value;
        }
    }
}
