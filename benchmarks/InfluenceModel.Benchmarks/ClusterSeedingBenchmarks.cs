using BenchmarkDotNet.Attributes;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Orleans;
using InfluenceModel.Seeding;
using Orleans.TestingHost;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// The overhead of the cluster: OPIM-C on email-enron (IC, weighted cascade, k = 50, ε = 0.1) in process and on a
/// 1-silo in-process Orleans cluster (one partition, 2 threads on the silo), the same seeds. Target: cluster ≤ 1.3 × in
/// process (issue 15).
/// </summary>
public class ClusterSeedingBenchmarks
{
    private static readonly SimulationOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };
    private InProcessTestCluster _cluster = null!;
    private SeedingRequest _request = null!;
    private ClusterInfluenceMaximizer _maximizer = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        var graph = SocialGraph.LoadEdgeList(SharedData.GraphPath("email-enron.txt.gz")).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        _path = Path.Combine(Path.GetTempPath(), $"im-bench-enron-{Environment.ProcessId}.imgraph");
        GraphFile.Save(graph, _path);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddInfluenceModel());
        _cluster = builder.Build();
        _cluster.DeployAsync().GetAwaiter().GetResult();
        _request = new SeedingRequest(graph, new IndependentCascade(), 50);
        _maximizer = new ClusterInfluenceMaximizer(_cluster.Client, new ClusterGraph(_path), new InfluenceClusterOptions { Partitions = 1, SiloParallelism = 2 });
        var local = InfluenceMaximizer.Select(_request, TwoThreads);
        var remote = _maximizer.Select(_request, TwoThreads);
        Console.WriteLine($"// same seeds: {local.Seeds.SequenceEqual(remote.Seeds)}, RR sets {local.RrSetCount:N0}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true)]
    public int InProcess() => InfluenceMaximizer.Select(_request, TwoThreads).Seeds.Count;

    [Benchmark]
    public int OneSiloCluster() => _maximizer.Select(_request, TwoThreads).Seeds.Count;
}
