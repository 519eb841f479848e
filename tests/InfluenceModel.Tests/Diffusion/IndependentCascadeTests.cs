using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Diffusion;

public class IndependentCascadeTests
{
    private static SocialGraph Path(double p) =>
        SocialGraph.FromEdges(3, [new(0, 1), new(1, 2)]).WithEdgeProbabilities(EdgeProbabilities.Uniform(p));

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.7)]
    public void Path_SpreadIsOnePlusPPlusPSquared(double p)
    {
        // u→v→w: u is the seed; v is active with probability p, w needs both coins: p². E[spread] = 1 + p + p².
        var estimate = SpreadEstimator.Estimate(new SpreadRequest(Path(p), new IndependentCascade(), [0]), new SimulationOptions { Simulations = 40_000, Seed = 11 });
        double expected = 1 + p + (p * p);
        Assert.InRange(estimate.Spread.Mean, expected - (4 * estimate.Spread.StandardError), expected + (4 * estimate.Spread.StandardError));
        Assert.True(estimate.Spread.Interval95.Lower < estimate.Spread.Mean && estimate.Spread.Mean < estimate.Spread.Interval95.Upper);
    }

    [Fact]
    public void Path_CertainAndImpossibleArcs_AreExact()
    {
        Assert.Equal(3.0, SpreadEstimator.Estimate(new SpreadRequest(Path(1), new IndependentCascade(), [0]), new SimulationOptions { Simulations = 5000 }).Spread.Mean);
        var none = SpreadEstimator.Estimate(new SpreadRequest(Path(0), new IndependentCascade(), [0]), new SimulationOptions { Simulations = 5000 });
        Assert.Equal(1.0, none.Spread.Mean);
        Assert.Equal(0.0, none.Spread.StandardError);
    }

    [Fact]
    public void PerEdgeProbabilities_ActivationProbabilitiesMatch()
    {
        // Distinct probabilities into node 2: P(1) = 0.5, P(2) = 1 − (1 − 0.2)(1 − 0.5·0.6) = 0.44.
        var g = SocialGraph.FromEdges(3, [new(0, 1, 0.5f), new(0, 2, 0.2f), new(1, 2, 0.6f)]).WithEdgeProbabilities(EdgeProbabilities.FromWeights);
        int n = 40_000;
        var estimate = SpreadEstimator.Estimate(new SpreadRequest(g, new IndependentCascade(), [0]) { IncludeActivationProbabilities = true }, new SimulationOptions { Simulations = n, Seed = 3 });
        var p = estimate.ActivationProbabilities!;
        Assert.Equal(["0", "1", "2"], p.Select(x => x.NodeId));
        Assert.Equal(1.0, p[0].Value);
        Assert.InRange(p[1].Value, 0.5 - (4 * Math.Sqrt(0.25 / n)), 0.5 + (4 * Math.Sqrt(0.25 / n)));
        Assert.InRange(p[2].Value, 0.44 - (4 * Math.Sqrt(0.44 * 0.56 / n)), 0.44 + (4 * Math.Sqrt(0.44 * 0.56 / n)));
        Assert.Equal(estimate.Spread.Mean, p.Sum(x => x.Value), 9);
    }

    [Fact]
    public void Trace_ListsPeriodsAndAdoptersByInputId()
    {
        var g = SocialGraph.LoadEdgeList(new MemoryStream("a b\nb c\nc d\n"u8.ToArray()), null).WithEdgeProbabilities(EdgeProbabilities.Uniform(1));
        var trace = new IndependentCascade().Simulate(g, [g.IndexOf("a")], seed: 1);
        Assert.Equal(["a", "b", "c", "d"], trace.Adopters);
        Assert.Equal([1, 2, 3, 4], trace.Periods.Select(p => p.Adopters));
        Assert.All(trace.Periods.Skip(1), p => Assert.Equal(1, p.NewAdopters));
        Assert.Null(trace.Periods[0].Mechanisms);
        Assert.Equal(4, trace.FinalAdopters);
    }

    [Fact]
    public void Simulate_IsSimulationZeroOfTheEstimator()
    {
        var g = GraphGenerators.ErdosRenyi(300, 1500, 2).WithEdgeProbabilities(EdgeProbabilities.Uniform(0.15));
        var trace = new IndependentCascade().Simulate(g, [0, 1], seed: 9);
        var one = SpreadEstimator.Estimate(new SpreadRequest(g, new IndependentCascade(), [0, 1]), new SimulationOptions { Simulations = 1, Seed = 9 });
        Assert.Equal(trace.FinalAdopters, one.Spread.Mean);
    }

    [Theory]
    [InlineData("nethept.txt", "100", 45.06, 0.45, 10_000)]
    [InlineData("ego-facebook.txt.gz", "107", 191.48, 0.61, 4_000)]
    [InlineData("nethept.txt", ReferenceSpreads.NetHeptIc50, 963.62, 0.94, 2_000)]
    public void WeightedCascade_MatchesTheReferenceSpread(string file, string seed, double spread, double error, int simulations)
    {
        // reference-spreads.tsv: 10,000 runs of a plain reference evaluator; the oracle is nethept seed 100 → 45.06 ± 0.45.
        ReferenceSpreads.AssertAgrees(file, new IndependentCascade(), seed, spread, error, simulations, seed: 1);
    }

    [Fact]
    public void VectorAndPortableLoops_GiveIdenticalResults()
    {
        var g = GraphGenerators.BarabasiAlbert(3000, 4, seed: 6).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var options = new SimulationOptions { Simulations = 300, Seed = 8, MaxDegreeOfParallelism = 1 };
        var vector = SpreadEstimator.Estimate(new SpreadRequest(g, new IndependentCascade(), [0, 10, 20]) { IncludeActivationProbabilities = true }, options);
        try
        {
            IndependentCascade.ScalarOnly = true;
            var portable = SpreadEstimator.Estimate(new SpreadRequest(g, new IndependentCascade(), [0, 10, 20]) { IncludeActivationProbabilities = true }, options);
            Assert.Equal(vector.Spread.Mean, portable.Spread.Mean);
            Assert.Equal(vector.ActivationProbabilities, portable.ActivationProbabilities);
        }
        finally
        {
            IndependentCascade.ScalarOnly = false;
        }
    }

    [Fact]
    public void ProbabilityAboveOne_IsRejectedNamingTheGraph()
    {
        var g = SocialGraph.FromEdges(2, [new(0, 1, 1.5f)]);
        var ex = Assert.Throws<ArgumentException>(() => SpreadEstimator.Estimate(new SpreadRequest(g, new IndependentCascade(), [0])));
        Assert.Equal("graph", ex.ParamName);
        Assert.Contains("'0'", ex.Message);
    }
}
