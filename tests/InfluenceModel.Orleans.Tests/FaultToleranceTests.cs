using InfluenceModel.Diffusion;
using InfluenceModel.Seeding;
using Orleans.TestingHost;

namespace InfluenceModel.Orleans.Tests;

/// <summary>A silo stopped mid-run: its partitions are re-created on the others and the answer does not change.</summary>
public sealed class FaultToleranceTests(FaultClusterFixture fixture) : IClassFixture<FaultClusterFixture>
{
    private static readonly SimulationOptions Options = new() { Seed = 9, MaxDegreeOfParallelism = 2 };

    [Fact]
    public void Select_SiloStoppedDuringGreedy_SameSeedsAsInProcess()
    {
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 8) { Epsilon = 0.3 };
        var local = InfluenceMaximizer.Select(request, Options);
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 6, SiloParallelism = 1 });
        bool stopped = false;
        var progress = new SyncProgress(r =>
        {
            // Stop a silo once, after the first RR sets were drawn and while the greedy runs on them.
            if (r.Stage == "selecting" && !stopped)
            {
                stopped = true;
                StopOneSilo();
            }
        });

        var distributed = maximizer.Select(request, Options, progress, TestContext.Current.CancellationToken);

        Assert.True(stopped);
        Assert.True(maximizer.LastRecoveries > 0, "no partition was re-created");
        DistributedSeedingTests.AssertSame(local, distributed);
    }

    [Fact]
    public void Estimate_SiloStoppedDuringSimulation_SameEstimateAsInProcess()
    {
        var request = new SpreadRequest(fixture.Graph, new IndependentCascade(), [3, 4]);
        var options = new SimulationOptions { Simulations = 3000, Seed = 5 };
        var local = SpreadEstimator.Estimate(request, options);
        var estimator = new ClusterSpreadEstimator(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 8, SiloParallelism = 1 });
        int stopped = 0;
        var progress = new SyncProgress(r =>
        {
            if (r.Completed > 0 && Interlocked.Exchange(ref stopped, 1) == 0)
            {
                StopOneSilo();
            }
        });

        var distributed = estimator.Estimate(request, options, progress, TestContext.Current.CancellationToken);

        Assert.Equal(1, stopped);
        Assert.Equal(local.Spread, distributed.Spread);
    }

    private void StopOneSilo()
    {
        InProcessSiloHandle primary = fixture.Cluster.Silos[0];
        InProcessSiloHandle victim = fixture.Cluster.Silos.Last(s => s != primary && s.IsActive);
        fixture.Cluster.StopSiloAsync(victim).GetAwaiter().GetResult();
    }
}

/// <summary>
/// One partition: the silo that holds the collection dies as the whole-greedy call starts; the partition is re-created on
/// another silo (its sets re-drawn from their index range) and the greedy runs there, so the answer does not change.
/// </summary>
public sealed class OnePartitionFaultTests(OnePartitionFaultClusterFixture fixture) : IClassFixture<OnePartitionFaultClusterFixture>
{
    [Theory]
    [InlineData(nameof(SeedingAlgorithm.Opimc))]
    [InlineData(nameof(SeedingAlgorithm.Imm))]
    public void Select_PartitionSiloStoppedBeforeTheGreedy_SameSeedsAsInProcess(string algorithm)
    {
        var options = new SimulationOptions { Seed = 3, MaxDegreeOfParallelism = 2 };
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 8) { Epsilon = 0.3, Algorithm = Enum.Parse<SeedingAlgorithm>(algorithm) };
        var local = InfluenceMaximizer.Select(request, options);
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 1, SiloParallelism = 1 });
        ClusterRun? run = null;
        string? stopped = null;
        var progress = new SyncProgress(r =>
        {
            if (r.Stage == "selecting" && stopped is null)
            {
                // Every store's one partition starts on the same silo (partition 0, generation 0): stop it.
                stopped = run!.Stores[0].Silos()[0];
                InProcessSiloHandle victim = fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == stopped);
                fixture.Cluster.StopSiloAsync(victim).GetAwaiter().GetResult();
            }
        });

        var distributed = maximizer.Select(request, options, progress, r => run = r, TestContext.Current.CancellationToken);

        Assert.NotNull(stopped);
        Assert.True(maximizer.LastRecoveries > 0, "the partition was not re-created");
        Assert.True(maximizer.LastStatistics!.SiloGreedyRuns > 0);
        DistributedSeedingTests.AssertSame(local, distributed);
    }
}
