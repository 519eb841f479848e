using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;
using InfluenceModel.Tests;

namespace InfluenceModel.Orleans.Tests;

/// <summary>Distributed seeding on a real graph (email-enron, weighted cascade) equals the in-process selection.</summary>
public sealed class SharedGraphTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public void Select_EmailEnron_OnThreeSilos_EqualsInProcess()
    {
        var graph = SocialGraph.LoadEdgeList(SharedData.GraphPath("email-enron.txt.gz")).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        string path = Path.Combine(Path.GetTempPath(), $"im-enron-{Guid.NewGuid():N}.imgraph");
        try
        {
            GraphFile.Save(graph, path);
            var request = new SeedingRequest(graph, new IndependentCascade(), 10) { Epsilon = 0.3 };
            var options = new SimulationOptions { Seed = 3, MaxDegreeOfParallelism = 2 };
            var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, new ClusterGraph(path), new InfluenceClusterOptions { Partitions = 3, SiloParallelism = 1 });

            DistributedSeedingTests.AssertSame(InfluenceMaximizer.Select(request, options), maximizer.Select(request, options, null, TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
