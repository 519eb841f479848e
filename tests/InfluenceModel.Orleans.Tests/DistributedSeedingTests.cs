using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Orleans.Tests;

/// <summary>Distributed seeding gives the single-machine selection: same seeds, same order, same numbers.</summary>
public sealed class DistributedSeedingTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly SimulationOptions Options = new() { Seed = 42, MaxDegreeOfParallelism = 2 };

    public static TheoryData<string, int, string, int> Cases => new()
    {
        { "IC", 10, nameof(SeedingAlgorithm.Opimc), 5 },
        { "LT", 10, nameof(SeedingAlgorithm.Opimc), 5 },
        { "IC", 8, nameof(SeedingAlgorithm.Imm), 5 },
        { "IC", 5, nameof(SeedingAlgorithm.DegreeDiscount), 5 },
        // One partition: every greedy runs whole on the partition's silo in one call.
        { "IC", 10, nameof(SeedingAlgorithm.Opimc), 1 },
        { "LT", 10, nameof(SeedingAlgorithm.Opimc), 1 },
        { "IC", 8, nameof(SeedingAlgorithm.Imm), 1 },
        { "LT", 8, nameof(SeedingAlgorithm.Imm), 1 },
        { "IC", 5, nameof(SeedingAlgorithm.DegreeDiscount), 1 },
        { "IC", 1, nameof(SeedingAlgorithm.Opimc), 1 },
        { "IC", 1, nameof(SeedingAlgorithm.Imm), 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Select_OnThreeSilos_EqualsInProcess(string model, int k, string algorithm, int partitions)
    {
        var request = new SeedingRequest(fixture.Graph, Model(model), k)
        {
            Algorithm = Enum.Parse<SeedingAlgorithm>(algorithm),
            Epsilon = 0.3,
        };
        var local = InfluenceMaximizer.Select(request, Options);
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = partitions, SiloParallelism = 1 });

        var distributed = maximizer.Select(request, Options);

        AssertSame(local, distributed);
        Assert.Equal(partitions == 1 ? maximizer.LastStatistics!.GreedyRounds : 0, maximizer.LastStatistics!.SiloGreedyRuns);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Select_Budgeted_EqualsInProcess(int partitions)
    {
        int n = fixture.Graph.NodeCount;
        double[] costs = [.. Enumerable.Range(0, n).Select(v => 1.0 + (v % 7))];
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 6) { Costs = costs, Budget = 20, Epsilon = 0.3, ForcedSeeds = [5] };
        var local = InfluenceMaximizer.Select(request, Options);
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = partitions, SiloParallelism = 1 });

        AssertSame(local, maximizer.Select(request, Options));
    }

    [Theory]
    [InlineData(nameof(SeedingAlgorithm.Opimc), 1)]
    [InlineData(nameof(SeedingAlgorithm.Imm), 1)]
    [InlineData(nameof(SeedingAlgorithm.Opimc), 2)]
    public void Select_CandidatesAndForcedSeeds_EqualsInProcess(string algorithm, int partitions)
    {
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 6)
        {
            Algorithm = Enum.Parse<SeedingAlgorithm>(algorithm),
            Epsilon = 0.3,
            Candidates = [.. Enumerable.Range(0, fixture.Graph.NodeCount).Where(v => v % 3 != 0)],
            ForcedSeeds = [0, 3],
        };
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = partitions, SiloParallelism = 1 });

        AssertSame(InfluenceMaximizer.Select(request, Options), maximizer.Select(request, Options));
    }

    [Theory]
    [InlineData(nameof(SeedingAlgorithm.Opimc))]
    [InlineData(nameof(SeedingAlgorithm.Imm))]
    public void Select_OnePartition_KEqualsNodeCount_EqualsInProcess(string algorithm)
    {
        // Every node is picked: the greedy runs out of candidates (zero-gain picks at the end) on the silo as in process.
        int n = fixture.Graph.NodeCount;
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), n) { Algorithm = Enum.Parse<SeedingAlgorithm>(algorithm), Epsilon = 0.5 };
        var local = InfluenceMaximizer.Select(request, Options);
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 1, SiloParallelism = 1 });

        var distributed = maximizer.Select(request, Options);

        Assert.Equal(n, local.Seeds.Count);
        AssertSame(local, distributed);
    }

    [Fact]
    public void Select_PartitionsRunOnEverySilo()
    {
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 5) { Epsilon = 0.3 };
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 6, SiloParallelism = 1 });
        ClusterRun? run = null;
        string[] silos = [];
        var progress = new SyncProgress(r =>
        {
            if (r.Stage == "selecting" && silos.Length == 0)
            {
                silos = run!.Stores[0].Silos();
            }
        });

        maximizer.Select(request, Options, progress, r => run = r, TestContext.Current.CancellationToken);

        Assert.Equal(6, silos.Length);
        Assert.Equal(3, silos.Distinct().Count());
    }

    [Fact]
    public void Select_DefaultPartitions_OnePerSilo_EqualsInProcess()
    {
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 4) { Epsilon = 0.3 };
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source);

        AssertSame(InfluenceMaximizer.Select(request, Options), maximizer.Select(request, Options));
    }

    [Theory]
    [InlineData(2, 2, 2, 2)]
    [InlineData(2, 2, 1, 1)]
    [InlineData(4, 8, 3, 7)]
    [InlineData(4, 8, 1, 5)]
    [InlineData(2, 1, 1, 1)]
    [InlineData(4, 0, 3, 3)]
    [InlineData(4, 0, 4, 0)]
    [InlineData(1, 3, 1, 3)]
    public void SiloWorkers_FullCallsUseTheSiloSetting_OverlappedOnesAsManyFewer(int client, int silo, int asked, int expected)
    {
        // OPIM-C asks P − 1 workers for R2's growth beside R1's greedy (and 1 for that greedy): a one-partition run
        // mirrors it on the silo, never below one thread; a full call gets SiloParallelism (0: the silo's processor count).
        using var run = new ClusterRun(fixture.Cluster.Client, fixture.Source.ToSpec(), default, false, 1, silo, 1, TestContext.Current.CancellationToken) { ClientParallelism = client };

        Assert.Equal(expected, run.SiloWorkers(asked));
    }

    [Fact]
    public void Select_OtherGraph_ThrowsNamingRequestGraph()
    {
        var other = GraphGenerators.BarabasiAlbert(2000, 3, seed: 12).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 2 });

        var e = Assert.Throws<ArgumentException>(() => maximizer.Select(new SeedingRequest(other, new IndependentCascade(), 3), Options));

        Assert.Equal("request.Graph", e.ParamName);
    }

    [Fact]
    public void Select_BadRequest_SameExceptionAsInProcess()
    {
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 2 });
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 3) { ForcedSeeds = [1, 2, 3, 4] };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => maximizer.Select(request, Options));

        Assert.Equal("request.K", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => maximizer.Select(null!));
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Equal("grains", Assert.Throws<ArgumentNullException>(() => new ClusterInfluenceMaximizer(null!, fixture.Source)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => new ClusterInfluenceMaximizer(fixture.Cluster.Client, null!)).ParamName);
        Assert.Throws<ArgumentException>(() => new ClusterGraph(" "));
        Assert.Equal("Partitions", Assert.Throws<ArgumentOutOfRangeException>(() => new InfluenceClusterOptions { Partitions = -1 }).ParamName);
        Assert.Equal("MaxAttempts", Assert.Throws<ArgumentOutOfRangeException>(() => new InfluenceClusterOptions { MaxAttempts = 0 }).ParamName);
        Assert.Equal("SiloParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new InfluenceClusterOptions { SiloParallelism = 2000 }).ParamName);
    }

    [Fact]
    public void AddInfluenceModelCluster_RegistersTheFaçadesOverTheClient()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, fixture.Cluster.Client);
        services.AddInfluenceModelCluster(fixture.Source, new InfluenceClusterOptions { Partitions = 2, SiloParallelism = 1 }, Options);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var maximizer = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IInfluenceMaximizer>(provider);
        var estimator = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ISpreadEstimator>(provider);
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 3) { Epsilon = 0.3 };

        Assert.IsType<ClusterInfluenceMaximizer>(maximizer);
        Assert.IsType<ClusterSpreadEstimator>(estimator);
        AssertSame(InfluenceMaximizer.Select(request, Options), maximizer.Select(request)); // the registered defaults apply
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => InfluenceModelClusterServiceCollectionExtensions.AddInfluenceModelCluster(null!, fixture.Source)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => services.AddInfluenceModelCluster(null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => InfluenceModelSiloExtensions.AddInfluenceModel(null!)).ParamName);
    }

    internal static DiffusionModel Model(string name) => name == "LT" ? new LinearThreshold() : new IndependentCascade();

    internal static void AssertSame(SeedSelection expected, SeedSelection actual)
    {
        Assert.Equal(expected.Seeds, actual.Seeds);
        Assert.Equal(expected.SeedIds, actual.SeedIds);
        Assert.Equal(expected.MarginalGains, actual.MarginalGains);
        Assert.Equal(expected.Spread, actual.Spread);
        Assert.Equal(expected.ApproximationGuarantee, actual.ApproximationGuarantee);
        Assert.Equal(expected.RrSetCount, actual.RrSetCount);
        Assert.Equal(expected.TotalCost, actual.TotalCost);
    }
}

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress(Action<ProgressReport> report) : IProgress<ProgressReport>
{
    public void Report(ProgressReport value) => report(value);
}

/// <summary>Cancelling a distributed run from the client.</summary>
public sealed class DistributedCancellationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public void Select_CancelledDuringSampling_ThrowsQuickly()
    {
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 20) { Epsilon = 0.05 };
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 3, SiloParallelism = 1 });
        using var cts = new CancellationTokenSource();
        var clock = new System.Diagnostics.Stopwatch();
        var progress = new SyncProgress(r =>
        {
            if (r.Stage == "sampling" && !cts.IsCancellationRequested)
            {
                clock.Start();
                cts.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => maximizer.Select(request, new SimulationOptions { Seed = 1 }, progress, cts.Token));
        Assert.True(cts.IsCancellationRequested);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed} after the cancel");
    }

    [Theory]
    [InlineData("sampling")]
    [InlineData("selecting")]
    public void Select_OnePartition_CancelledDuringTheRun_ThrowsQuickly(string stage)
    {
        // One partition: the greedy is one call to the silo; a cancel while it runs reaches the silo's greedy loop.
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), 20) { Epsilon = 0.05 };
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 1, SiloParallelism = 1 });
        using var cts = new CancellationTokenSource();
        var clock = new System.Diagnostics.Stopwatch();
        var progress = new SyncProgress(r =>
        {
            if (r.Stage == stage && !clock.IsRunning)
            {
                clock.Start();
                cts.CancelAfter(TimeSpan.FromMilliseconds(2));
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => maximizer.Select(request, new SimulationOptions { Seed = 1 }, progress, cts.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed} after the cancel");
    }
}
