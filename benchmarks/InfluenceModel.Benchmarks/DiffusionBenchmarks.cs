using BenchmarkDotNet.Attributes;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// Issue 3's speed target: IC, weighted cascade, email-enron, 10,000 simulations from the 50 IMM seeds (spread
/// 11,832 ± 4). Targets: ≤ 3.5 s on one core, ≤ 1.8 s on two (a plain C++ evaluator: 5.7 s / 2.9 s).
/// </summary>
[MemoryDiagnoser]
public class SpreadBenchmarks
{
    private const string Seeds = "76 80 82 90 95 114 127 128 136 140 155 195 213 273 286 292 342 353 370 416 443 458 478 516 530 543 566 588 613 647 734 823 851 887 893 1028 1139 1569 1768 1806 1824 2630 3311 4746 5022 5030 5033 5038 5069 8344";

    private SocialGraph _graph = null!;
    private IReadOnlyList<int> _seeds = null!;

    [Params(1, 2)]
    public int Cores { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _graph = SocialGraph.LoadEdgeList(SharedData.GraphPath("email-enron.txt.gz")).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        _seeds = _graph.IndicesOf(Seeds.Split(' '));
    }

    [Benchmark]
    public double IndependentCascadeEmailEnron10000() =>
        SpreadEstimator.Estimate(new SpreadRequest(_graph, new IndependentCascade(), _seeds), new SimulationOptions { Simulations = 10_000, MaxDegreeOfParallelism = Cores }).Spread.Mean;
}
