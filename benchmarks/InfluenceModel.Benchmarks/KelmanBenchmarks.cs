using BenchmarkDotNet.Attributes;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// Issue 14's "Kelman at cascade speed": the cost of one Kelman simulation against one LT simulation (the baseline) on
/// the same graph and seeds. Weighted cascade weights (1/indeg), the 100 nodes of largest out-degree as seeds (ties by
/// index), the models at their defaults, one core; each invocation runs <see cref="Simulations"/> simulations and the
/// time is reported per simulation. Target: Kelman ≤ 3× LT.
/// </summary>
[MemoryDiagnoser]
public class KelmanBenchmarks
{
    private const int Simulations = 200;

    private SocialGraph _graph = null!;
    private int[] _seeds = null!;

    [Params("nethept.txt", "email-enron.txt.gz")]
    public string Graph { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _graph = SocialGraph.LoadEdgeList(SharedData.GraphPath(Graph)).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        _seeds = TopOutDegree(_graph, 100);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Simulations)]
    public double LinearThresholdPerSimulation() => Spread(new LinearThreshold());

    [Benchmark(OperationsPerInvoke = Simulations)]
    public double KelmanPerSimulation() => Spread(new KelmanInfluence());

    internal static int[] TopOutDegree(SocialGraph graph, int count)
    {
        int[] nodes = [.. Enumerable.Range(0, graph.NodeCount)];
        Array.Sort(nodes, (a, b) => graph.OutDegree(b) != graph.OutDegree(a) ? graph.OutDegree(b).CompareTo(graph.OutDegree(a)) : a.CompareTo(b));
        return nodes[..count];
    }

    private double Spread(DiffusionModel model) =>
        SpreadEstimator.Estimate(new SpreadRequest(_graph, model, _seeds), new SimulationOptions { Simulations = Simulations, MaxDegreeOfParallelism = 1 }).Spread.Mean;
}
