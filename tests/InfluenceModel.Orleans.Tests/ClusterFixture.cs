using InfluenceModel.Networks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace InfluenceModel.Orleans.Tests;

/// <summary>
/// A 3-silo in-process Orleans cluster (TestingHost) with InfluenceModel's grains, and small graphs saved as binary
/// graph files the silos load by path. One per test class that needs its own (the fault tests stop a silo).
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("im-orleans-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>Barabási–Albert, 2,000 nodes, weighted cascade (directed both ways).</summary>
    public SocialGraph Graph { get; } = GraphGenerators.BarabasiAlbert(2000, 3, seed: 11).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);

    public ClusterGraph Source { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        string path = Path.Combine(_directory, "ba2000.imgraph");
        GraphFile.Save(Graph, path);
        Source = new ClusterGraph(path);
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddInfluenceModel();
            silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20));
        });
        builder.ConfigureClient(client => client.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The cluster of the fault tests (its silos get stopped).</summary>
public sealed class FaultClusterFixture : ClusterFixture;

/// <summary>The cluster of the one-partition fault tests (the silo holding the partition gets stopped).</summary>
public sealed class OnePartitionFaultClusterFixture : ClusterFixture;
