using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Diffusion;

public class LinearThresholdTests
{
    private const int Runs = 40_000;

    private static SpreadEstimate Estimate(SocialGraph g, IReadOnlyList<int> seeds, ulong seed = 5) =>
        SpreadEstimator.Estimate(new SpreadRequest(g, new LinearThreshold(), seeds) { IncludeActivationProbabilities = true }, new SimulationOptions { Simulations = Runs, Seed = seed });

    private static void AssertProbability(double expected, double actual) =>
        Assert.InRange(actual, expected - (4 * Math.Sqrt(expected * (1 - expected) / Runs)) - 1e-12, expected + (4 * Math.Sqrt(expected * (1 - expected) / Runs)) + 1e-12);

    [Fact]
    public void InStar_CentreActivatesWithTheSeededLeavesWeight()
    {
        // Leaves 1..4 → centre 0 with weights 0.1, 0.2, 0.3, 0.4 (sum 1). With θ_0 ~ U(0,1], the centre activates in
        // period 1 iff θ_0 ≤ Σ_{seeded leaves} w, so P(centre) = w_1 + w_3 = 0.4 when leaves 1 and 3 are seeded.
        var g = SocialGraph.FromEdges(5, [new(1, 0, 0.1f), new(2, 0, 0.2f), new(3, 0, 0.3f), new(4, 0, 0.4f)]);
        var estimate = Estimate(g, [1, 3]);
        AssertProbability(0.4, estimate.ActivationProbabilities![0].Value);
        AssertProbability(0, estimate.ActivationProbabilities[2].Value);
    }

    [Fact]
    public void OutStar_EachLeafActivatesWithItsWeight()
    {
        // Centre 0 → leaves 1..3, each leaf's only in-arc: P(leaf i) = w_i; E[spread] = 1 + 0.25 + 0.5 + 0.75 = 2.5.
        var g = SocialGraph.FromEdges(4, [new(0, 1, 0.25f), new(0, 2, 0.5f), new(0, 3, 0.75f)]);
        var estimate = Estimate(g, [0]);
        AssertProbability(0.25, estimate.ActivationProbabilities![1].Value);
        AssertProbability(0.75, estimate.ActivationProbabilities[3].Value);
        Assert.InRange(estimate.Spread.Mean, 2.5 - (4 * estimate.Spread.StandardError), 2.5 + (4 * estimate.Spread.StandardError));
    }

    [Fact]
    public void CompleteGraphOnFourNodes_WeightedCascade_SpreadIs78Over27()
    {
        // K4 directed, w = 1/3 on every arc, seed a. LT equals the live-arc model in which every other node keeps one
        // in-arc chosen uniformly (total weight 1). b is active iff its chain of kept arcs reaches a:
        //   b keeps a→b (1/3); or b keeps c→b (1/3) and c's chain reaches a without returning to b:
        //   c keeps a (1/3) or c keeps d and d keeps a (1/3·1/3): 4/9; same through d.
        // P(b) = 1/3 + 2·(1/3)(4/9) = 17/27, and E[spread] = 1 + 3·17/27 = 78/27.
        // (Checked against the period-by-period derivation: k ~ Bin(3, 1/3) first-period activations give
        //  (8·1 + 12·3.5 + 6·4 + 1·4)/27 = 78/27.)
        var edges = new List<Edge>();
        for (int u = 0; u < 4; u++)
        {
            for (int v = 0; v < 4; v++)
            {
                if (u != v)
                {
                    edges.Add(new Edge(u, v));
                }
            }
        }

        var g = SocialGraph.FromEdges(4, edges).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var estimate = Estimate(g, [0]);
        Assert.InRange(estimate.Spread.Mean, (78.0 / 27) - (4 * estimate.Spread.StandardError), (78.0 / 27) + (4 * estimate.Spread.StandardError));
        AssertProbability(17.0 / 27, estimate.ActivationProbabilities![2].Value);
    }

    [Fact]
    public void Tree_ActivationProbabilityIsTheProductOfWeightsOnThePathFromTheRoot()
    {
        // Root 0 → 1 (0.5), 0 → 2 (0.8), 1 → 3 (0.6), 1 → 4 (0.3). Every node has one in-arc, so v activates iff its
        // parent does and θ_v ≤ w: P(3) = 0.5·0.6 = 0.3, P(4) = 0.15; E = 1 + 0.5 + 0.8 + 0.3 + 0.15 = 2.75.
        var g = SocialGraph.FromEdges(5, [new(0, 1, 0.5f), new(0, 2, 0.8f), new(1, 3, 0.6f), new(1, 4, 0.3f)]);
        var estimate = Estimate(g, [0]);
        double[] expected = [1, 0.5, 0.8, 0.3, 0.15];
        for (int v = 0; v < 5; v++)
        {
            AssertProbability(expected[v], estimate.ActivationProbabilities![v].Value);
        }

        Assert.InRange(estimate.Spread.Mean, 2.75 - (4 * estimate.Spread.StandardError), 2.75 + (4 * estimate.Spread.StandardError));
    }

    [Theory]
    [InlineData("100", 52.77, 0.59, 5_000)]
    [InlineData(ReferenceSpreads.NetHeptLt50, 1295.93, 1.53, 1_000)]
    public void NetHept_WeightedCascade_MatchesTheReferenceSpread(string seeds, double spread, double error, int simulations)
    {
        // reference-spreads.tsv: seed 100 → 52.77 ± 0.59; the k = 50 IMM seeds → 1,295.93 ± 1.53 (10,000 runs each).
        ReferenceSpreads.AssertAgrees("nethept.txt", new LinearThreshold(), seeds, spread, error, simulations, seed: 4);
    }

    [Fact]
    public void InWeightsAboveOne_AreRejectedNamingTheGraph()
    {
        var g = SocialGraph.FromEdges(3, [new(0, 2, 0.6f), new(1, 2, 0.6f)]);
        Assert.Equal("graph", Assert.Throws<ArgumentException>(() => SpreadEstimator.Estimate(new SpreadRequest(g, new LinearThreshold(), [0]))).ParamName);
    }
}
