using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.DependencyInjection;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.Seeding;

public class InfluenceMaximizerTests
{
    private static readonly DiffusionModel Ic = new IndependentCascade();
    private static readonly DiffusionModel Lt = new LinearThreshold();

    private const double Epsilon = 0.1;
    private static readonly double Ratio = 1 - (1 / Math.E) - Epsilon;

    /// <summary>A small star-of-stars: hub 0 → 1..4, node 5 → 6..7, isolated 8; probability 0.5.</summary>
    private static readonly SocialGraph Stars = SocialGraph.FromEdges(9,
        [new(0, 1, 0.5f), new(0, 2, 0.5f), new(0, 3, 0.5f), new(0, 4, 0.5f), new(5, 6, 0.5f), new(5, 7, 0.5f)]);

    [Property(MaxTest = 60)]
    public void Opimc_OnTinyGraphs_ReachesGuaranteeAgainstBruteForceOptimum(PositiveInt graphSeed, bool linearThreshold)
    {
        AssertGuarantee(graphSeed.Get, linearThreshold, SeedingAlgorithm.Opimc);
    }

    [Property(MaxTest = 40)]
    public void Imm_OnTinyGraphs_ReachesGuaranteeAgainstBruteForceOptimum(PositiveInt graphSeed, bool linearThreshold)
    {
        AssertGuarantee(graphSeed.Get, linearThreshold, SeedingAlgorithm.Imm);
    }

    [Property(MaxTest = 30)]
    public void Budgeted_OnTinyGraphs_StaysInBudget_AndReachesHalfGreedyRatio(PositiveInt graphSeed)
    {
        var graph = TinyGraphs.Random(graphSeed.Get, Ic);
        int n = graph.NodeCount;
        var costs = Enumerable.Range(0, n).Select(v => 1.0 + ((v * 7 + graphSeed.Get) % 5)).ToArray();
        double budget = 4.0;
        var result = InfluenceMaximizer.Select(
            new SeedingRequest(graph, Ic, n) { Costs = costs, Budget = budget },
            new SimulationOptions { Seed = (ulong)graphSeed.Get });

        double spent = result.Seeds.Sum(v => costs[v]);
        Assert.True(spent <= budget + 1e-12, $"spent {spent} > budget {budget}");
        Assert.Equal(spent, result.TotalCost!.Value, 9);
        double[] sigma = ExactSpread.AllSubsets(graph, Ic);
        double optimum = ExactSpread.Optimum(sigma, n, n, 0, costs, budget);
        double reached = ExactSpread.Of(sigma, result.Seeds);
        Assert.True(reached >= ((0.5 * (1 - (1 / Math.E))) - Epsilon) * optimum - 1e-9, $"σ = {reached}, optimum {optimum}");
    }

    [Fact]
    public void CelfGreedy_OnTinyGraph_MatchesExactGreedyWithinMonteCarloError()
    {
        var graph = TinyGraphs.Random(11, Ic);
        double[] sigma = ExactSpread.AllSubsets(graph, Ic);
        var result = InfluenceMaximizer.Select(
            new SeedingRequest(graph, Ic, 2) { Algorithm = SeedingAlgorithm.CelfGreedy },
            new SimulationOptions { Simulations = 20_000 });

        double optimum = ExactSpread.Optimum(sigma, graph.NodeCount, 2);
        Assert.True(ExactSpread.Of(sigma, result.Seeds) >= (1 - (1 / Math.E)) * optimum, "CELF below 1 − 1/e of the optimum");
        Assert.Equal(1 - (1 / Math.E), result.ApproximationGuarantee, 12);
    }

    [Theory]
    [InlineData(SeedingAlgorithm.Opimc)]
    [InlineData(SeedingAlgorithm.Imm)]
    [InlineData(SeedingAlgorithm.CelfGreedy)]
    [InlineData(SeedingAlgorithm.MaxDegree)]
    [InlineData(SeedingAlgorithm.DegreeDiscount)]
    [InlineData(SeedingAlgorithm.PageRank)]
    public void Select_OnStars_PicksBothHubs_WithIdsGainsAndSpread(SeedingAlgorithm algorithm)
    {
        var result = InfluenceMaximizer.Select(new SeedingRequest(Stars, Ic, 2) { Algorithm = algorithm });

        Assert.Equal([0, 5], result.Seeds.Order());
        Assert.Equal(result.Seeds.Select(v => v.ToString()), result.SeedIds);
        Assert.Equal(2, result.MarginalGains.Count);
        // Exact: σ({0, 5}) = 3 + 4·0.5 + 2·0.5 = 5 (hub 0 reaches 4 leaves w.p. ½ each, hub 5 two).
        Assert.InRange(result.Spread.Mean, 5 - (4 * result.Spread.StandardError) - 0.01, 5 + (4 * result.Spread.StandardError) + 0.01);
        Assert.True(result.Spread.Interval95.Contains(result.Spread.Mean) && result.Spread.Count > 0);
        Assert.Equal(algorithm, result.Algorithm);
        Assert.True(result.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void Select_WithCandidatesAndForcedSeeds_ListsForcedFirst_AndPicksOnlyCandidates()
    {
        var request = new SeedingRequest(Stars, Ic, 3)
        {
            Candidates = [1, 2, 5, 6],
            ForcedSeeds = [8],
        };

        var result = InfluenceMaximizer.Select(request);

        Assert.Equal(8, result.Seeds[0]);
        Assert.Equal(5, result.Seeds[1]); // the best candidate: hub 0 is not one
        Assert.All(result.Seeds.Skip(1), v => Assert.Contains(v, request.Candidates!));
        Assert.Equal(3, result.Seeds.Distinct().Count());
    }

    [Theory]
    [InlineData(SeedingAlgorithm.Opimc)]
    [InlineData(SeedingAlgorithm.PageRank)]
    public void Select_OnlyForcedSeeds_ReturnsThem_WithFullGuarantee(SeedingAlgorithm algorithm)
    {
        var result = InfluenceMaximizer.Select(new SeedingRequest(Stars, Ic, 2) { ForcedSeeds = [5, 8], Algorithm = algorithm });
        Assert.Equal([5, 8], result.Seeds);
        Assert.Equal(1.0, result.ApproximationGuarantee);
        // σ({5, 8}) = 1 + 2·0.5 + 1 = 3.
        Assert.InRange(result.Spread.Mean, 3 - (4 * result.Spread.StandardError), 3 + (4 * result.Spread.StandardError));
    }

    [Theory]
    [InlineData(SeedingAlgorithm.Opimc)]
    [InlineData(SeedingAlgorithm.Imm)]
    public void Select_SameSeed_SameResult_AtAnyParallelism(SeedingAlgorithm algorithm)
    {
        var graph = TinyGraphs.Random(5, Lt);
        var results = new[] { 1, 2, 8 }.Select(dop => InfluenceMaximizer.Select(
            new SeedingRequest(graph, Lt, 2) { Algorithm = algorithm },
            new SimulationOptions { Seed = 42, MaxDegreeOfParallelism = dop })).ToArray();

        foreach (var r in results.Skip(1))
        {
            Assert.Equal(results[0].Seeds, r.Seeds);
            Assert.Equal(results[0].MarginalGains, r.MarginalGains);
            Assert.Equal(results[0].Spread, r.Spread);
            Assert.Equal(results[0].RrSetCount, r.RrSetCount);
        }
    }

    [Fact]
    public void Opimc_WeightedCascade_CertifiesTheRatio_NeverBelowTheInitialSample_AtAnyParallelism()
    {
        // IC with weighted cascade takes the binomial-pick path of the sampler; the stopping rule (certificate plus the
        // precision floors) must stop with a certified 1 − 1/e − ε and never with fewer sets than OPIM-C's θ₀ in each of R1, R2.
        var graph = GraphGenerators.BarabasiAlbert(3000, 3, seed: 7).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        const int k = 10;
        var request = new SeedingRequest(graph, Ic, k);
        var results = new[] { 1, 2 }.Select(dop => InfluenceMaximizer.Select(request, new SimulationOptions { Seed = 3, MaxDegreeOfParallelism = dop })).ToArray();
        var (thetaZero, _, _) = SampleSizes.Opimc(graph.NodeCount, graph.NodeCount, k, Epsilon, 1.0 / graph.NodeCount);

        Assert.InRange(results[0].ApproximationGuarantee, Ratio, 1.0);
        Assert.True(results[0].RrSetCount >= 2 * SampleSizes.ToCount(thetaZero), $"{results[0].RrSetCount} RR sets, θ₀ = {thetaZero:F0}");
        Assert.Equal(results[0].Seeds, results[1].Seeds);
        Assert.Equal(results[0].MarginalGains, results[1].MarginalGains);
        Assert.Equal(results[0].Spread, results[1].Spread);
        Assert.Equal(results[0].RrSetCount, results[1].RrSetCount);
    }

    [Fact]
    public void Select_ReportsProgress_AndHonoursCancellation()
    {
        var reports = new List<ProgressReport>();
        InfluenceMaximizer.Select(new SeedingRequest(Stars, Ic, 2), progress: new SyncProgress(reports));
        Assert.Contains(reports, r => r.Stage == "sampling" && r.Completed > 0);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            InfluenceMaximizer.Select(new SeedingRequest(Stars, Ic, 2), cancellationToken: cts.Token));
    }

    [Theory]
    [InlineData(SeedingAlgorithm.Opimc)]
    [InlineData(SeedingAlgorithm.CelfGreedy)]
    public void Progress_ReportsTheStages_EachEndingComplete(SeedingAlgorithm algorithm)
    {
        var reports = new List<ProgressReport>();
        var graph = TinyGraphs.Random(7, Ic);
        InfluenceMaximizer.Select(new SeedingRequest(graph, Ic, 2) { Algorithm = algorithm }, new SimulationOptions { Simulations = 200 }, new SyncProgress(reports));

        // CELF on IC first bounds every candidate on its live-edge samples ("bounding").
        Assert.All(reports, r => Assert.Contains(r.Stage, new[] { "bounding", "sampling", "selecting", "evaluating" }));
        Assert.All(reports, r => Assert.InRange(r.Completed, 0, r.Total));
        Assert.Contains(reports, r => r.Stage == "sampling" && r.Completed == r.Total && r.Total > 0);
        Assert.Contains(reports, r => r.Stage == "selecting" && r.Completed == r.Total && r.Total == 2);
        Assert.Equal(reports[^1].Total, reports[^1].Completed);
        // Every stage that started also finished.
        foreach (var stage in reports.GroupBy(r => r.Stage))
        {
            Assert.Contains(stage, r => r.Completed == r.Total);
        }
    }

    [Fact]
    public void Cancellation_DuringALongSelection_StopsWithin100MillisecondsOrSo()
    {
        // IMM at ε = 0.01 on 20,000 nodes needs tens of millions of RR sets: seconds of work, cancelled after 50 ms.
        var graph = GraphGenerators.BarabasiAlbert(20_000, 4, seed: 1).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var request = new SeedingRequest(graph, Ic, 50) { Algorithm = SeedingAlgorithm.Imm, Epsilon = 0.01 };
        var reports = new List<ProgressReport>();
        using var cancel = new DelayedCancel(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            InfluenceMaximizer.Select(request, new SimulationOptions { MaxDegreeOfParallelism = 2 }, new SyncProgress(reports), cancel.Token));
        double latencyMs = cancel.SinceCancel.TotalMilliseconds;

        Assert.True(latencyMs < 1000, $"stopped {latencyMs:F0} ms after cancellation");
        // It was stopped in the middle of the work, not after it: the last sampling round had sets left to draw.
        var sampling = reports.Where(r => r.Stage == "sampling").ToList();
        Assert.True(sampling.Count == 0 || sampling[^1].Completed < sampling[^1].Total || reports[^1].Stage != "selecting",
            "the selection finished before it was cancelled: the test needs a longer run");
    }

    [Fact]
    public void StaticPath_AndDependencyInjectionPath_GiveTheSameSelection_WithNullOptions()
    {
        using var provider = new ServiceCollection().AddInfluenceModel().BuildServiceProvider();
        var request = new SeedingRequest(TinyGraphs.Random(9, Lt), Lt, 2);
        var viaHost = provider.GetRequiredService<IInfluenceMaximizer>().Select(request);
        var viaFacade = InfluenceMaximizer.Select(request);

        Assert.Equal(viaFacade.Seeds, viaHost.Seeds);
        Assert.Equal(viaFacade.MarginalGains, viaHost.MarginalGains);
        Assert.Equal(viaFacade.Spread, viaHost.Spread);
        Assert.Equal(viaFacade.ApproximationGuarantee, viaHost.ApproximationGuarantee);
        Assert.Equal(viaFacade.RrSetCount, viaHost.RrSetCount);
    }

    [Fact]
    public void DependencyInjection_UsesTheHostSeed_WhenACallPassesNoOptions()
    {
        using var provider = new ServiceCollection().AddInfluenceModel(o => o.Simulation = new SimulationOptions { Seed = 77 }).BuildServiceProvider();
        var request = new SeedingRequest(Stars, Ic, 2);
        var viaHost = provider.GetRequiredService<IInfluenceMaximizer>().Select(request);
        Assert.Equal(InfluenceMaximizer.Select(request, new SimulationOptions { Seed = 77 }).Spread, viaHost.Spread);
        Assert.NotEqual(InfluenceMaximizer.Select(request).Spread, viaHost.Spread);
    }

    [Fact]
    public void AddInfluenceModel_RegistersTheMaximizer()
    {
        using var provider = new ServiceCollection().AddInfluenceModel().BuildServiceProvider();
        var maximizer = provider.GetRequiredService<IInfluenceMaximizer>();
        var result = maximizer.Select(new SeedingRequest(Stars, Ic, 1));
        Assert.Equal([0], result.Seeds);
    }

    [Fact]
    public void Request_BadValues_ThrowNamingTheParameter()
    {
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new SeedingRequest(Stars, Ic, 0)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => new SeedingRequest(Stars, null!, 1)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => new SeedingRequest(null!, Ic, 1)).ParamName);
        var ok = new SeedingRequest(Stars, Ic, 1);
        Assert.Equal("Epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => ok with { Epsilon = 0 }).ParamName);
        Assert.Equal("Epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => ok with { Epsilon = double.NaN }).ParamName);
        Assert.Equal("Delta", Assert.Throws<ArgumentOutOfRangeException>(() => ok with { Delta = 1.0 }).ParamName);
        Assert.Equal("Algorithm", Assert.Throws<ArgumentOutOfRangeException>(() => ok with { Algorithm = (SeedingAlgorithm)99 }).ParamName);
        Assert.Equal("Candidates", Assert.Throws<ArgumentOutOfRangeException>(() => ok with { Candidates = [-1] }).ParamName);
        Assert.Equal("ForcedSeeds", Assert.Throws<ArgumentException>(() => ok with { ForcedSeeds = [1, 1] }).ParamName);
        Assert.Equal("Costs", Assert.Throws<ArgumentOutOfRangeException>(() => ok with { Costs = [1.0, 0.0] }).ParamName);
        Assert.Equal("Budget", Assert.Throws<ArgumentOutOfRangeException>(() => ok with { Budget = -1 }).ParamName);
    }

    [Fact]
    public void Select_RequestNotFittingTheGraph_ThrowsNamingTheProperty()
    {
        var ic = new SeedingRequest(Stars, Ic, 2);
        Assert.Equal("request.K", Assert.Throws<ArgumentOutOfRangeException>(() => InfluenceMaximizer.Select(new SeedingRequest(Stars, Ic, 10))).ParamName);
        Assert.Equal("request.K", Assert.Throws<ArgumentOutOfRangeException>(() => InfluenceMaximizer.Select(ic with { ForcedSeeds = [1, 2, 3] })).ParamName);
        Assert.Equal("request.K", Assert.Throws<ArgumentOutOfRangeException>(() => InfluenceMaximizer.Select(ic with { Candidates = [3] })).ParamName);
        Assert.Equal("request.Candidates", Assert.Throws<ArgumentOutOfRangeException>(() => InfluenceMaximizer.Select(ic with { Candidates = [9] })).ParamName);
        Assert.Equal("request.ForcedSeeds", Assert.Throws<ArgumentOutOfRangeException>(() => InfluenceMaximizer.Select(ic with { ForcedSeeds = [42] })).ParamName);
        Assert.Equal("request.Budget", Assert.Throws<ArgumentException>(() => InfluenceMaximizer.Select(ic with { Costs = new double[9] .Select(_ => 1.0).ToArray() })).ParamName);
        Assert.Equal("request.Costs", Assert.Throws<ArgumentException>(() => InfluenceMaximizer.Select(ic with { Costs = [1.0], Budget = 3 })).ParamName);
        Assert.Equal("request.Budget", Assert.Throws<ArgumentException>(() => InfluenceMaximizer.Select(ic with { Costs = Enumerable.Repeat(2.0, 9).ToArray(), Budget = 1, ForcedSeeds = [0] })).ParamName);
        // The graph is checked when the request is built.
        Assert.Equal("graph", Assert.Throws<ArgumentException>(() => new SeedingRequest(SocialGraph.FromEdges(0, []), Ic, 2)).ParamName);
        var heavy = SocialGraph.FromEdges(3, [new(0, 2, 0.8f), new(1, 2, 0.8f)]);
        Assert.Equal("graph", Assert.Throws<ArgumentException>(() => new SeedingRequest(heavy, Lt, 1)).ParamName);
        var notProbability = SocialGraph.FromEdges(2, [new(0, 1, 2f)]);
        Assert.Equal("graph", Assert.Throws<ArgumentException>(() => new SeedingRequest(notProbability, Ic, 1)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => InfluenceMaximizer.Select(null!)).ParamName);
    }

    private static void AssertGuarantee(int graphSeed, bool linearThreshold, SeedingAlgorithm algorithm)
    {
        var model = linearThreshold ? Lt : Ic;
        var graph = TinyGraphs.Random(graphSeed, model);
        int k = 1 + (graphSeed % Math.Min(3, graph.NodeCount));
        var result = InfluenceMaximizer.Select(new SeedingRequest(graph, model, k) { Algorithm = algorithm }, new SimulationOptions { Seed = (ulong)graphSeed });
        double[] sigma = ExactSpread.AllSubsets(graph, model);
        double optimum = ExactSpread.Optimum(sigma, graph.NodeCount, k);
        double reached = ExactSpread.Of(sigma, result.Seeds);

        Assert.Equal(k, result.Seeds.Distinct().Count());
        Assert.True(reached >= (Ratio * optimum) - 1e-9, $"σ(S) = {reached} < (1 − 1/e − ε)·{optimum}");
        Assert.InRange(result.ApproximationGuarantee, Ratio, 1.0);
        // The estimate is unbiased: within 5 standard errors of the exact spread (plus float rounding of p).
        Assert.InRange(result.Spread.Mean, reached - (5 * result.Spread.StandardError) - 1e-3, reached + (5 * result.Spread.StandardError) + 1e-3);
    }

    private sealed class SyncProgress(List<ProgressReport> reports) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
