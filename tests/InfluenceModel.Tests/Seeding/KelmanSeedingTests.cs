using System.Diagnostics;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Tests.Seeding;

/// <summary>Seeding the Kelman model: CELF on Monte-Carlo spread (no RR sets, no guarantee) and the shared CELF oracle.</summary>
public class KelmanSeedingTests
{
    /// <summary>Hub 0 → 1..5 with weight 1 (each leaf's only in-arc), and 6 → 7 with weight 1; 8 isolated.</summary>
    private static readonly SocialGraph Hub = SocialGraph.FromEdges(9,
        [new(0, 1, 1f), new(0, 2, 1f), new(0, 3, 1f), new(0, 4, 1f), new(0, 5, 1f), new(6, 7, 1f)]);

    [Fact]
    public void Celf_OnKelman_PicksTheSeedsOfTheClosedForm_WithAMonteCarloSpreadAndNoGuarantee()
    {
        // A leaf's share is 1 ≥ θ ∈ (0, 1] once its parent adopts, so σ({0}) = 6 on every run, σ({6}) = 2, any other node 1;
        // σ({0, 6}) = 8. CELF must pick 0 then 6; the evaluation is exact (standard error 0).
        var request = new SeedingRequest(Hub, new KelmanInfluence(), 2) { Algorithm = SeedingAlgorithm.CelfGreedy };
        var result = InfluenceMaximizer.Select(request, new SimulationOptions { Simulations = 200, Seed = 4 });
        Assert.Equal([0, 6], result.Seeds);
        Assert.Equal([6.0, 2.0], result.MarginalGains);
        Assert.Equal(new Estimate(8, 0, 200), result.Spread);
        Assert.Equal(0, result.ApproximationGuarantee);
        Assert.Equal(0, result.RrSetCount);
        Assert.Equal(SeedingAlgorithm.CelfGreedy, result.Algorithm);
    }

    [Fact]
    public void Celf_OnKelman_IsBitIdenticalAtAnyParallelism_AndAgreesWithTheSpreadEstimator()
    {
        var graph = GraphGenerators.StochasticBlockModel([40, 40], [[0.1, 0.02], [0.02, 0.1]], seed: 3).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var model = new KelmanInfluence { Identification = 2, InternalizationThreshold = 0.5, Stubbornness = 0.2, SeedPeriods = 3 };
        var request = new SeedingRequest(graph, model, 3) { Algorithm = SeedingAlgorithm.CelfGreedy };
        SeedSelection Run(int dop) => InfluenceMaximizer.Select(request, new SimulationOptions { Simulations = 100, Seed = 9, MaxDegreeOfParallelism = dop });
        var one = Run(1);
        var two = Run(2);
        Assert.Equal(one.Seeds, two.Seeds);
        Assert.Equal(one.MarginalGains, two.MarginalGains);
        Assert.Equal(one.Spread, two.Spread);
        Assert.Equal(3, one.Seeds.Count);
        Assert.Equal(one.Spread.Mean, one.MarginalGains.Sum(), 9);

        // The evaluation is an ordinary Monte-Carlo estimate of the chosen seeds (on a stream family of its own).
        var estimate = SpreadEstimator.Estimate(new SpreadRequest(graph, model, [.. one.Seeds]), new SimulationOptions { Simulations = 2000, Seed = 1 });
        Assert.InRange(one.Spread.Mean, estimate.Spread.Mean - (5 * (estimate.Spread.StandardError + one.Spread.StandardError)), estimate.Spread.Mean + (5 * (estimate.Spread.StandardError + one.Spread.StandardError)));
    }

    [Theory]
    [InlineData(SeedingAlgorithm.Opimc)]
    [InlineData(SeedingAlgorithm.Imm)]
    [InlineData(SeedingAlgorithm.MaxDegree)]
    [InlineData(SeedingAlgorithm.DegreeDiscount)]
    [InlineData(SeedingAlgorithm.PageRank)]
    public void Kelman_WithAnAlgorithmOtherThanCelf_ThrowsNamingTheAlgorithmAndWhy(SeedingAlgorithm algorithm)
    {
        var request = new SeedingRequest(Hub, new KelmanInfluence(), 1) { Algorithm = algorithm };
        var e = Assert.Throws<ArgumentException>(() => InfluenceMaximizer.Select(request));
        Assert.Equal("request.Algorithm", e.ParamName);
        Assert.Contains(algorithm.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains("CelfGreedy", e.Message, StringComparison.Ordinal);
        Assert.Contains("reverse-reachable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kelman_OnWeightsAboveTheLinearThresholdBound_IsRejectedWhenTheRequestIsBuilt()
    {
        var heavy = SocialGraph.FromEdges(3, [new(0, 2, 0.8f), new(1, 2, 0.8f)]);
        Assert.Equal("graph", Assert.Throws<ArgumentException>(() => new SeedingRequest(heavy, new KelmanInfluence(), 1)).ParamName);
    }

    [Fact]
    public void Celf_ReportsItsSpreadEvaluations_AndEndsEachStage()
    {
        var reports = new List<ProgressReport>();
        // Kelman: every candidate evaluated in the first pass (IC and LT bound it instead, see CelfLiveEdgeTests).
        var request = new SeedingRequest(Hub, new KelmanInfluence(), 2) { Algorithm = SeedingAlgorithm.CelfGreedy };
        InfluenceMaximizer.Select(request, new SimulationOptions { Simulations = 50 }, new SyncProgress(reports));
        var evaluating = reports.TakeWhile(r => r.Stage == "evaluating").ToList();
        Assert.NotEmpty(evaluating);
        Assert.All(evaluating, r => Assert.InRange(r.Completed, 0, 9));
        Assert.Equal(new ProgressReport("evaluating", 9, 9), evaluating[^1]);
        Assert.Contains(new ProgressReport("selecting", 2, 2), reports);
    }

    [Fact]
    public void Celf_StopsSoonAfterCancellation()
    {
        var graph = GraphGenerators.BarabasiAlbert(3000, 3, seed: 2).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var request = new SeedingRequest(graph, new KelmanInfluence(), 5) { Algorithm = SeedingAlgorithm.CelfGreedy };
        using var cancel = new DelayedCancel(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() => InfluenceMaximizer.Select(request, new SimulationOptions { Simulations = 10_000 }, null, cancel.Token));
        // Generous for a loaded CI machine: the work asked for takes minutes, each check is one simulation apart.
        Assert.InRange(cancel.SinceCancel.TotalMilliseconds, 0, 2900);
    }

    [Theory]
    [InlineData("ic")]
    [InlineData("lt")]
    [InlineData("kelman")]
    public void SpreadOracle_EqualsTheSpreadEstimator_BitForBit(string name)
    {
        DiffusionModel model = name switch
        {
            "ic" => new IndependentCascade(),
            "lt" => new LinearThreshold(),
            _ => new KelmanInfluence { SeedPeriods = 2, InternalizationThreshold = 0.6, Stubbornness = 0.3 },
        };
        var graph = GraphGenerators.BarabasiAlbert(300, 2, seed: 7).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var options = new SimulationOptions { Simulations = 300, Seed = 5, MaxDegreeOfParallelism = 2 };
        var oracle = new SpreadOracle(graph, model, options, default);
        int[] seeds = [3, 50, 7];
        var expected = SpreadEstimator.Estimate(new SpreadRequest(graph, model, seeds), options).Spread;
        Assert.Equal(expected, oracle.Estimate(seeds));
        Assert.Equal(expected.Mean, oracle.Mean(seeds));
        double[] each = oracle.MeansWithEach([3, 50], [7, 8], () => { });
        Assert.Equal(expected.Mean, each[0]);
        Assert.Equal(SpreadEstimator.Estimate(new SpreadRequest(graph, model, [3, 50, 8]), options).Spread.Mean, each[1]);
    }

    private sealed class SyncProgress(List<ProgressReport> reports) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => reports.Add(value);
    }
}
