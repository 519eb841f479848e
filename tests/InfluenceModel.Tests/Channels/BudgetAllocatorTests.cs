using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Channels;

namespace InfluenceModel.Tests.Channels;

public class BudgetAllocatorTests
{
    /// <summary>One channel per curve (names c0, c1, …; no audience, no fixed cost): the allocator only needs the curves.</summary>
    internal static Channel[] AsChannels(IEnumerable<IResponseCurve> curves) =>
        [.. curves.Select((curve, i) => new Channel($"c{i}", [], 0, curve))];

    private static double[] Spend(Allocation a) => [.. a.Channels.Select(c => c.Spend)];

    /// <summary>Exact optimum over the grid x_i ∈ {0, h, 2h, …}, h = budget/steps, Σ x_i ≤ budget (dynamic programming).</summary>
    internal static double GridOptimum(IReadOnlyList<IResponseCurve> curves, double budget, int steps = 2000)
    {
        double h = budget / steps;
        var best = new double[steps + 1];
        var values = new double[steps + 1];
        foreach (var curve in curves)
        {
            for (int j = 0; j <= steps; j++)
            {
                values[j] = curve.Value(j * h);
            }

            var next = new double[steps + 1];
            for (int b = 0; b <= steps; b++)
            {
                double m = double.NegativeInfinity;
                for (int j = 0; j <= b; j++)
                {
                    m = Math.Max(m, values[j] + best[b - j]);
                }

                next[b] = m;
            }

            best = next;
        }

        return best[steps];
    }

    internal static IResponseCurve RandomCurve(System.Random rng, bool sShaped, double budget)
    {
        double beta = 10 + (90 * rng.NextDouble());
        double scale = budget * (0.1 + (0.9 * rng.NextDouble()));
        if (sShaped)
        {
            return new HillCurve(beta, scale, 1.2 + (2.3 * rng.NextDouble()));
        }

        return rng.Next(4) switch
        {
            0 => new MichaelisMentenCurve(beta, scale),
            1 => new LogisticCurve(beta, 2 / scale),
            2 => new HillCurve(beta, scale, 1),
            _ => new HillCurve(beta, scale, 0.4 + (0.6 * rng.NextDouble())),
        };
    }

    [Property(MaxTest = 25)]
    public bool Allocate_ConcaveOrSShaped_MatchesGridSearchWithinTenthOfPercent(PositiveInt seed, bool sShaped)
    {
        var rng = new System.Random(seed.Get);
        int n = 2 + rng.Next(3);
        double budget = 100 + (900 * rng.NextDouble());
        var curves = Enumerable.Range(0, n).Select(_ => RandomCurve(rng, sShaped, budget)).ToArray();
        var allocation = BudgetAllocator.Allocate(new AllocationRequest { Channels = AsChannels(curves), Budget = budget });
        double grid = GridOptimum(curves, budget);
        // The grid optimum is feasible, so the allocator may beat it but never fall short by more than 0.1%.
        Assert.True(allocation.TotalResponse >= grid * (1 - 1e-3), $"allocator {allocation.TotalResponse} < grid {grid}");
        Assert.True(allocation.TotalResponse <= grid * (1 + 1e-3), $"allocator {allocation.TotalResponse} ≫ grid {grid}");
        Assert.True(allocation.TotalSpend <= budget * (1 + 1e-12));
        return true;
    }

    [Property(MaxTest = 50)]
    public bool Allocate_AtOptimum_SatisfiesKkt(PositiveInt seed)
    {
        var rng = new System.Random(seed.Get);
        int n = 2 + rng.Next(6);
        double budget = 100 + (900 * rng.NextDouble());
        var curves = Enumerable.Range(0, n).Select(_ => RandomCurve(rng, false, budget)).ToArray();
        var bounds = new SpendBounds?[n];
        for (int i = 0; i < n; i++)
        {
            if (rng.Next(3) == 0)
            {
                double min = budget / n * rng.NextDouble() * 0.5;
                bounds[i] = new SpendBounds(min, min + (budget / n * rng.NextDouble()));
            }
        }

        var a = BudgetAllocator.Allocate(new AllocationRequest { Channels = AsChannels(curves), Budget = budget, Bounds = bounds });
        Assert.Equal(budget, a.TotalSpend + a.Unspent, 1e-9 * budget);
        var interior = new List<double>();
        for (int i = 0; i < n; i++)
        {
            double lo = bounds[i]?.Min ?? 0, hi = bounds[i]?.Max ?? double.PositiveInfinity;
            Assert.InRange(a.Channels[i].Spend, lo, hi);
            if (a.Channels[i].Spend > lo + 1e-9 && a.Channels[i].Spend < hi - 1e-9)
            {
                interior.Add(a.Channels[i].MarginalResponse);
            }
        }

        if (interior.Count > 0)
        {
            double lambda = interior.Average();
            Assert.All(interior, m => Assert.Equal(lambda, m, 1e-6 * lambda));
            for (int i = 0; i < n; i++)
            {
                double lo = bounds[i]?.Min ?? 0, hi = bounds[i]?.Max ?? double.PositiveInfinity;
                // At the lower bound the channel would gain nothing by growing; at the upper bound nothing by shrinking.
                if (a.Channels[i].Spend <= lo + 1e-9)
                {
                    Assert.True(a.Channels[i].MarginalResponse <= lambda * (1 + 1e-6), $"channel {i} at its minimum has marginal {a.Channels[i].MarginalResponse} > λ {lambda}");
                }
                else if (a.Channels[i].Spend >= hi - 1e-9)
                {
                    Assert.True(a.Channels[i].MarginalResponse >= lambda * (1 - 1e-6), $"channel {i} at its maximum has marginal {a.Channels[i].MarginalResponse} < λ {lambda}");
                }
            }
        }

        return true;
    }

    [Fact]
    public void Allocate_TwoIdenticalSShapedChannels_SmallBudget_PutsEverythingInOne()
    {
        // Equal split is a stationary point (a saddle); the optimum concentrates the money.
        var hill = new HillCurve(100, 100, 3);
        var a = BudgetAllocator.Allocate(new AllocationRequest { Channels = AsChannels([hill, hill]), Budget = 100 });
        Assert.Equal(hill.Value(100), a.TotalResponse, 1e-9);
        Assert.Equal(100, Math.Max(a.Channels[0].Spend, a.Channels[1].Spend), 1e-6);
        Assert.True(a.TotalResponse > 2 * hill.Value(50));
    }

    [Fact]
    public void Allocate_LockedAndBoundedChannels_BehaveExactly()
    {
        var curves = new IResponseCurve[]
        {
            new MichaelisMentenCurve(100, 50), new MichaelisMentenCurve(100, 50), new MichaelisMentenCurve(100, 50),
        };
        var request = new AllocationRequest
        {
            Channels = AsChannels(curves),
            Budget = 300,
            Bounds = [new SpendBounds(0, 40), null, new SpendBounds(10)],
            Locked = new Dictionary<int, double> { [1] = 123.5 },
        };
        var a = BudgetAllocator.Allocate(request);
        Assert.Equal(40, a.Channels[0].Spend);
        Assert.Equal(123.5, a.Channels[1].Spend);
        Assert.Equal(300 - 40 - 123.5, a.Channels[2].Spend, 1e-9);
    }

    [Fact]
    public void Allocate_AllCapsBelowBudget_SpendsCapsAndReportsUnspent()
    {
        var curves = new IResponseCurve[] { new LogisticCurve(10, 0.01), new HillCurve(10, 50, 2) };
        var a = BudgetAllocator.Allocate(new AllocationRequest { Channels = AsChannels(curves), Budget = 1000, Bounds = [new SpendBounds(0, 100), new SpendBounds(5, 200)] });
        Assert.Equal([100.0, 200.0], Spend(a));
        Assert.Equal(700, a.Unspent, 1e-9);
    }

    [Fact]
    public void Allocate_MinimumsAboveBudget_ThrowsSayingWhy()
    {
        var curves = new IResponseCurve[] { new LogisticCurve(10, 0.01), new HillCurve(10, 50, 2) };
        var ex = Assert.Throws<ArgumentException>(() => BudgetAllocator.Allocate(new AllocationRequest { Channels = AsChannels(curves), Budget = 100, Bounds = [new SpendBounds(60), new SpendBounds(60)] }));
        Assert.Equal(nameof(AllocationRequest.Budget), ex.ParamName);
        Assert.Contains("Infeasible", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds_MinAboveMax_ThrowsNamingMax()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SpendBounds(10, 5));
        Assert.Equal("max", ex.ParamName);
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => new SpendBounds(-1, 5)).ParamName);
    }

    [Fact]
    public void Request_NegativeBudget_ThrowsNamingBudget()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AllocationRequest { Channels = [], Budget = -1 });
        Assert.Equal(nameof(AllocationRequest.Budget), ex.ParamName);
    }

    [Fact]
    public void Allocate_LockedOutsideBounds_ThrowsNamingLocked()
    {
        var curves = new IResponseCurve[] { new LogisticCurve(10, 0.01) };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BudgetAllocator.Allocate(new AllocationRequest { Channels = AsChannels(curves), Budget = 100, Bounds = [new SpendBounds(0, 10)], Locked = new Dictionary<int, double> { [0] = 20 } }));
        Assert.Equal(nameof(AllocationRequest.Locked), ex.ParamName);
    }
}
