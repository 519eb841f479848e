using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Channels;

namespace InfluenceModel.Tests.Channels;

public class ChannelSelectorTests
{
    internal static Channel[] RandomChannels(System.Random rng, int n, int segments, bool sShaped = false, double maxShare = 0.8)
    {
        var channels = new Channel[n];
        for (int c = 0; c < n; c++)
        {
            var audience = new double[segments];
            for (int g = 0; g < segments; g++)
            {
                audience[g] = rng.NextDouble() < 0.4 ? 0 : rng.NextDouble() * maxShare;
            }

            double beta = 20 + (80 * rng.NextDouble());
            double kappa = 20 + (200 * rng.NextDouble());
            IResponseCurve curve = sShaped && rng.Next(2) == 0
                ? new HillCurve(beta, kappa, 1.5 + rng.NextDouble())
                : new MichaelisMentenCurve(beta, kappa);
            channels[c] = new Channel($"c{c}", audience, 10 + (90 * rng.NextDouble()), curve);
        }

        return channels;
    }

    /// <summary>Best objective value over every feasible set (the oracle).</summary>
    private static double Exhaustive(Channel[] channels, SelectionRequest request, AudienceOverlap audience)
    {
        double best = double.NegativeInfinity;
        for (int mask = 0; mask < 1 << channels.Length; mask++)
        {
            var set = new List<Channel>();
            double fixedCosts = 0;
            for (int c = 0; c < channels.Length; c++)
            {
                if ((mask >> c & 1) == 1)
                {
                    set.Add(channels[c]);
                    fixedCosts += channels[c].FixedCost;
                }
            }

            if (set.Count > request.MaxChannels || fixedCosts > request.Budget
                || request.Required.Any(r => !set.Any(c => c.Name == r)) || request.Excluded.Any(x => set.Any(c => c.Name == x)))
            {
                continue;
            }

            double value = request.Objective == SelectionObjective.Reach
                ? audience.Reach(set)
                : BudgetAllocator.Allocate(new AllocationRequest { Channels = set, Budget = request.Budget - fixedCosts }).TotalResponse;
            best = Math.Max(best, value);
        }

        return best;
    }

    [Property(MaxTest = 30)]
    public bool Select_Reach_EqualsExhaustiveEnumeration(PositiveInt seed)
    {
        var rng = new System.Random(seed.Get);
        int n = 4 + rng.Next(9);
        var channels = RandomChannels(rng, n, 1 + rng.Next(6));
        var audience = new AudienceOverlap(Enumerable.Range(0, channels[0].Audience.Count).Select(_ => 100 + (900 * rng.NextDouble())).ToArray());
        var request = new SelectionRequest
        {
            Channels = channels,
            Budget = 50 + (300 * rng.NextDouble()),
            MaxChannels = 1 + rng.Next(n),
            Segments = audience,
            Excluded = rng.Next(2) == 0 ? [channels[rng.Next(n)].Name] : [],
        };
        var plan = ChannelSelector.Select(request);
        Assert.True(plan.IsProvenOptimal);
        Assert.Equal(SelectionMethod.Exact, plan.Method);
        Assert.Equal(Exhaustive(channels, request, audience), plan.ExpectedReach, 1e-9 * Math.Max(1, plan.ExpectedReach));
        AssertCapsHonoured(plan, request, channels.Length);
        return true;
    }

    [Property(MaxTest = 15)]
    public bool Select_Response_EqualsExhaustiveEnumeration(PositiveInt seed, bool sShaped)
    {
        var rng = new System.Random(seed.Get);
        int n = 3 + rng.Next(6);
        var channels = RandomChannels(rng, n, 2, sShaped);
        var audience = new AudienceOverlap([1.0, 1.0]);
        string required = channels[rng.Next(n)].Name;
        var request = new SelectionRequest
        {
            Channels = channels,
            Budget = 150 + (400 * rng.NextDouble()),
            MaxChannels = 1 + rng.Next(n),
            Objective = SelectionObjective.Response,
            Required = channels.First(c => c.Name == required).FixedCost < 150 ? [required] : [],
        };
        var plan = ChannelSelector.Select(request);
        Assert.True(plan.IsProvenOptimal);
        double oracle = Exhaustive(channels, request, audience);
        Assert.Equal(oracle, plan.ExpectedResponse, 1e-6 * Math.Max(1, oracle));
        AssertCapsHonoured(plan, request, channels.Length);
        return true;
    }

    [Property(MaxTest = 20)]
    public bool Select_Greedy_IsFeasibleAndWithinItsGuarantee(PositiveInt seed)
    {
        // Budget-only instance (cap not binding): the KMN partial enumeration is a (1 − 1/e)-approximation.
        var rng = new System.Random(seed.Get);
        int n = 6 + rng.Next(7);
        var channels = RandomChannels(rng, n, 4);
        var audience = new AudienceOverlap([300.0, 200, 500, 100]);
        var request = new SelectionRequest { Channels = channels, Budget = 80 + (200 * rng.NextDouble()), Segments = audience, Method = SelectionMethod.Greedy };
        var plan = ChannelSelector.Select(request);
        Assert.False(plan.IsProvenOptimal);
        Assert.True(plan.ExpectedReach >= (1 - (1 / Math.E)) * Exhaustive(channels, request, audience) - 1e-9);
        AssertCapsHonoured(plan, request, channels.Length);
        return true;
    }

    private static void AssertCapsHonoured(ChannelSelection plan, SelectionRequest request, int channelCount)
    {
        Assert.True(plan.Selected.Count <= request.MaxChannels);
        Assert.True(plan.TotalCost <= request.Budget * (1 + 1e-9));
        Assert.All(request.Required, r => Assert.Contains(plan.Selected, c => c.Name == r));
        Assert.All(request.Excluded, x => Assert.DoesNotContain(plan.Selected, c => c.Name == x));
        Assert.All(request.Excluded, x => Assert.Contains(plan.Excluded, e => e.Name == x && e.Reason.Contains("excluded", StringComparison.Ordinal)));
        // Every channel is accounted for exactly once: selected, or left out with a reason.
        Assert.Equal(plan.Excluded.Count, plan.Excluded.Select(e => e.Name).Distinct().Count());
        Assert.Equal(channelCount, plan.Selected.Count + plan.Excluded.Count);
    }

    [Fact]
    public void Select_TenOfForty_ExactAndBeatsOrMatchesGreedy()
    {
        var rng = new System.Random(7);
        var channels = RandomChannels(rng, 40, 12, maxShare: 0.3);
        var audience = new AudienceOverlap(Enumerable.Range(0, 12).Select(g => 1000.0 + (100 * g)).ToArray());
        var request = new SelectionRequest { Channels = channels, Budget = 400, MaxChannels = 10, Segments = audience };
        var exact = ChannelSelector.Select(request);
        var greedy = ChannelSelector.Select(request with { Method = SelectionMethod.Greedy });
        Assert.Equal(SelectionMethod.Exact, exact.Method);
        Assert.True(exact.IsProvenOptimal);
        Assert.True(exact.ExpectedReach >= greedy.ExpectedReach - 1e-9);
        AssertCapsHonoured(exact, request, channels.Length);
    }

    [Fact]
    public void Select_RequiredCostsMoreThanBudget_ThrowsSayingWhy()
    {
        var channels = RandomChannels(new System.Random(1), 4, 2);
        var request = new SelectionRequest { Channels = channels, Budget = 15, Required = ["c0", "c1"] };
        var ex = Assert.Throws<ArgumentException>(() => ChannelSelector.Select(request));
        Assert.Equal(nameof(SelectionRequest.Required), ex.ParamName);
        Assert.Contains("Infeasible", ex.Message, StringComparison.Ordinal);
        Assert.Contains("more than the budget", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_UnknownOrContradictoryNames_Throw()
    {
        var channels = RandomChannels(new System.Random(1), 4, 2);
        Assert.Equal(nameof(SelectionRequest.Excluded), Assert.Throws<ArgumentException>(() => ChannelSelector.Select(new SelectionRequest { Channels = channels, Budget = 100, Excluded = ["nope"] })).ParamName);
        Assert.Equal(nameof(SelectionRequest.Required), Assert.Throws<ArgumentException>(() => ChannelSelector.Select(new SelectionRequest { Channels = channels, Budget = 500, Required = ["c0"], Excluded = ["c0"] })).ParamName);
        Assert.Equal(nameof(SelectionRequest.MaxChannels), Assert.Throws<ArgumentOutOfRangeException>(() => new SelectionRequest { Channels = channels, Budget = 1, MaxChannels = 0 }).ParamName);
        Assert.Equal(nameof(SelectionRequest.MaxChannels), Assert.Throws<ArgumentOutOfRangeException>(() => new SelectionRequest { Channels = channels, Budget = 1, MaxChannels = SelectionRequest.MaxCandidates + 1 }).ParamName);

        // More candidates than the largest MaxChannels is refused, never silently capped by the default.
        var many = RandomChannels(new System.Random(2), SelectionRequest.MaxCandidates + 1, 1);
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => new SelectionRequest { Channels = many, Budget = 1 });
        Assert.Equal(nameof(SelectionRequest.Channels), tooMany.ParamName);
        Assert.Contains("at most 1000", tooMany.Message, StringComparison.Ordinal);
        Assert.Equal(SelectionRequest.MaxCandidates, new SelectionRequest { Channels = many.Take(SelectionRequest.MaxCandidates).ToList(), Budget = 1 }.Channels.Count);
        Assert.Equal(nameof(SelectionRequest.Objective), Assert.Throws<ArgumentOutOfRangeException>(() => new SelectionRequest { Channels = channels, Budget = 1, Objective = (SelectionObjective)9 }).ParamName);
        Assert.Equal(nameof(SelectionRequest.Method), Assert.Throws<ArgumentOutOfRangeException>(() => new SelectionRequest { Channels = channels, Budget = 1, Method = (SelectionMethod)9 }).ParamName);
    }

    [Fact]
    public void Select_ReportsResponsePerSpendAndMarginalResponsePerChannel()
    {
        var channels = new[]
        {
            new Channel("blog", [0.5, 0.1], 10, new MichaelisMentenCurve(100, 50)),
            new Channel("video", [0.2, 0.6], 30, new HillCurve(200, 80, 2)),
            new Channel("search", [0.3, 0.3], 100, new LogisticCurve(50, 0.02)),
        };
        var plan = ChannelSelector.Select(new SelectionRequest { Channels = channels, Budget = 200, MaxChannels = 2, Objective = SelectionObjective.Response });
        Assert.Equal(2, plan.Selected.Count);
        Assert.Equal(["blog", "video"], plan.Selected.Select(c => c.Name));
        var search = Assert.Single(plan.Excluded);
        Assert.Contains("cap of 2", search.Reason, StringComparison.Ordinal);
        foreach (var o in plan.Allocation.Channels)
        {
            Assert.Equal(o.Response / (o.FixedCost + o.Spend), o.ResponsePerSpend, 1e-12);
        }

        Assert.Equal(["blog", "video"], plan.Allocation.Channels.Select(c => c.Name));
        Assert.Equal([10.0, 30.0], plan.Allocation.Channels.Select(c => c.FixedCost));
        // Interior channels share one marginal response (equal-marginal allocation).
        Assert.Equal(plan.Allocation.Channels[0].MarginalResponse, plan.Allocation.Channels[1].MarginalResponse, 1e-6);
        Assert.Equal(200, plan.TotalCost, 1e-9);
    }
}
