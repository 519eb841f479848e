using BenchmarkDotNet.Attributes;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Orleans;
using InfluenceModel.Seeding;
using Orleans.TestingHost;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// The overhead of the cluster: OPIM-C (IC, weighted cascade, k = 50, ε = 0.1) in process and on a 1-silo in-process
/// Orleans cluster (one partition, 2 threads on the silo), the same seeds. The silo loads the graph file as stored and
/// applies the weighted cascade itself, as `seeds --cluster` does. Graphs: email-enron, and the 10M-arc R-MAT graph when
/// the environment variable INFLUENCE_BENCH_RMAT names its .imgraph file (`influence graph generate rmat FILE --scale 20
/// --arcs 10500000 --seed 1`). Target: cluster ≤ 1.3 × in process (issue 15). Run with --job short or
/// --iterationCount 3 (an rmat20 selection takes about a minute).
/// </summary>
public class ClusterSeedingBenchmarks
{
    private static readonly SimulationOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };
    private InProcessTestCluster _cluster = null!;
    private SeedingRequest _request = null!;
    private ClusterInfluenceMaximizer _maximizer = null!;
    private string? _temporary;

    /// <summary>email-enron always; "rmat" when INFLUENCE_BENCH_RMAT is set.</summary>
    public static IEnumerable<string> Graphs() =>
        Environment.GetEnvironmentVariable("INFLUENCE_BENCH_RMAT") is { Length: > 0 } ? ["email-enron", "rmat"] : ["email-enron"];

    [ParamsSource(nameof(Graphs))]
    public string Graph { get; set; } = "email-enron";

    [GlobalSetup]
    public void Setup()
    {
        string path;
        if (Graph == "rmat")
        {
            path = Environment.GetEnvironmentVariable("INFLUENCE_BENCH_RMAT")!;
        }
        else
        {
            // The edge list as a graph file without probabilities (what `graph convert` writes); the silo weights it.
            path = _temporary = Path.Combine(Path.GetTempPath(), $"im-bench-enron-{Environment.ProcessId}.imgraph");
            GraphFile.Save(EdgeListReader.ReadFile(SharedData.GraphPath("email-enron.txt.gz"), EdgeListOptions.Default), path);
        }

        SocialGraph graph = SocialGraph.LoadBinary(path).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddInfluenceModel());
        _cluster = builder.Build();
        _cluster.DeployAsync().GetAwaiter().GetResult();
        _request = new SeedingRequest(graph, new IndependentCascade(), 50);
        _maximizer = new ClusterInfluenceMaximizer(_cluster.Client, new ClusterGraph(path, probabilities: EdgeProbabilities.WeightedCascade), new InfluenceClusterOptions { Partitions = 1, SiloParallelism = 2 });
        var local = InfluenceMaximizer.Select(_request, TwoThreads);
        var remote = _maximizer.Select(_request, TwoThreads);
        ClusterRunStatistics s = _maximizer.LastStatistics!;
        Console.WriteLine($"// {Graph}: same seeds: {local.Seeds.SequenceEqual(remote.Seeds)}, RR sets {local.RrSetCount:N0}; "
            + $"cluster: {s.Collections} collections, {s.CoverageStarts} coverage starts ({s.CoverageStartBytes:N0} B), "
            + $"{s.GreedyRounds} greedy rounds ({s.BytesPerGreedyRound:N0} B per round), RR-set bytes {s.Silos.Sum(x => x.Bytes):N0}");

        if (Graph != "rmat")
        {
            Settle(60); // an R-MAT selection takes about a minute: its JIT is settled by the first one
        }

        // CPU time of the process (client and silo are both in it), alternating, three each: on a loaded machine the CPU
        // seconds compare the work where wall time mostly measures the scheduler.
        TimeSpan localCpu = TimeSpan.Zero, clusterCpu = TimeSpan.Zero;
        for (int i = 0; i < 3; i++)
        {
            localCpu += CpuTime(InProcess);
            clusterCpu += CpuTime(OneSiloCluster);
        }

        Console.WriteLine($"// {Graph}: CPU per selection: in process {localCpu.TotalSeconds / 3:F3} s, 1-silo cluster {clusterCpu.TotalSeconds / 3:F3} s, ratio {clusterCpu / localCpu:F3}; "
            + $"cluster wall: sampling {s.SamplingSeconds:F2} s, coverage starts {s.CoverageStartSeconds:F2} s, greedy {s.GreedySeconds:F3} s ({1000 * s.GreedySeconds / Math.Max(1, s.GreedyRounds):F2} ms per round)");
    }

    /// <summary>
    /// Runs both selections, alternating, until the JIT has settled: no method compiled (tier 0, OSR or the background
    /// tier-1 recompilation) over five consecutive pairs, or <paramref name="maxPairs"/> pairs. Orleans' messaging path is
    /// thousands of methods that reach tier 1 only after dozens of calls, one tiering delay at a time: over BenchmarkDotNet's
    /// default warm-up (≈ 12 selections) the cluster's process was still compiling 100-350 methods per selection and
    /// spending about as much CPU on it as on the selection. A silo and its client are long-running processes; this
    /// measures both methods in that steady state, each in its own process after the same warm-up.
    /// </summary>
    private void Settle(int maxPairs)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        long last = System.Runtime.JitInfo.GetCompiledMethodCount();
        int quiet = 0, pairs = 0;
        while (pairs < maxPairs && quiet < 5)
        {
            InProcess();
            OneSiloCluster();
            pairs++;
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }

        Console.WriteLine($"// {Graph}: JIT settled after {pairs} pairs of selections ({System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s, {last:N0} methods compiled{(quiet < 5 ? ", not quiet at the cap" : "")})");
    }

    private static TimeSpan CpuTime(Func<int> selection)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan before = process.TotalProcessorTime;
        selection();
        process.Refresh();
        return process.TotalProcessorTime - before;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_temporary is not null)
        {
            File.Delete(_temporary);
        }
    }

    [Benchmark(Baseline = true)]
    public int InProcess() => InfluenceMaximizer.Select(_request, TwoThreads).Seeds.Count;

    [Benchmark]
    public int OneSiloCluster() => _maximizer.Select(_request, TwoThreads).Seeds.Count;
}
