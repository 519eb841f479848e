using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Tests.Seeding;

public class RrSamplerTests
{
    /// <summary>
    /// Two hubs fed only by leaves: hub A has 1,000 in-arcs at p = 0.05 (d·p = 50: geometric skipping), hub B has 10 at
    /// p = 0.3 (d·p = 3: the binomial count, with the c ≥ 4 tail taken 35% of the time). An RR set rooted at a hub holds
    /// the hub plus its live in-leaves, so its size − 1 is Binomial(d, p): mean d·p and variance d·p(1 − p) exactly.
    /// </summary>
    [Theory]
    [InlineData(0, 1000, 0.05, ReverseInfluenceGraph.SamplingMode.UniformSkip)]
    [InlineData(1, 10, 0.3, ReverseInfluenceGraph.SamplingMode.BinomialPick)]
    internal void RrSetsRootedAtAHub_HaveBinomialLiveInArcs(int hub, int degree, double p, ReverseInfluenceGraph.SamplingMode mode)
    {
        const int hubA = 0, hubB = 1, leavesA = 1000, leavesB = 10;
        var edges = new List<Edge>();
        for (int i = 0; i < leavesA; i++)
        {
            edges.Add(new Edge(2 + i, hubA, 0.05f));
        }

        for (int i = 0; i < leavesB; i++)
        {
            edges.Add(new Edge(2 + leavesA + i, hubB, 0.3f));
        }

        var graph = SocialGraph.FromEdges(2 + leavesA + leavesB, edges).WithEdgeProbabilities(EdgeProbabilities.FromWeights);
        var problem = InfluenceMaximizer.Prepare(new SeedingRequest(graph, new IndependentCascade(), 1), new SimulationOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(mode, problem.Reverse.Modes[hub]);
        var sets = new RrSetCollection();
        RrSampler.Generate(problem.Reverse, sets, seed: 5, firstIndex: 0, count: 3_000_000, maxDegreeOfParallelism: 2, default);

        var live = new List<double>();
        for (int i = 0; i < sets.Count; i++)
        {
            ReadOnlySpan<int> set = sets[i];
            if (set[0] == hub)
            {
                live.Add(set.Length - 1);
            }
        }

        double mean = live.Average(), variance = live.Sum(x => (x - mean) * (x - mean)) / (live.Count - 1);
        double expectedMean = degree * p, expectedVariance = degree * p * (1 - p);
        // About 2,950 sets per hub: 5 standard errors on the mean; the variance within 15% (its SE is ≈ 3%).
        Assert.InRange(live.Count, 2_500, 3_500);
        Assert.InRange(mean, expectedMean - (5 * Math.Sqrt(expectedVariance / live.Count)), expectedMean + (5 * Math.Sqrt(expectedVariance / live.Count)));
        Assert.InRange(variance, 0.85 * expectedVariance, 1.15 * expectedVariance);
    }
}
