using BenchmarkDotNet.Attributes;
using InfluenceModel.Networks;
using InfluenceModel.Opinions;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// Issue 17's target: 10,000 runs on email-enron within the same order of time as IC (<see cref="SpreadBenchmarks"/>:
/// 10,000 IC cascades from the 50 IMM seeds, 2.7 s on one core). Word of mouth from the same 50 seeds with β = 0.01
/// (Kempe et al.'s uniform IC probability): SIR with γ = 1 is IC with a uniform probability β (one chance per tie), SIR
/// with γ = 0.5 tells for two periods on average, SIS runs at most 10 periods.
/// </summary>
[MemoryDiagnoser]
public class OpinionBenchmarks
{
    private const string Seeds = "76 80 82 90 95 114 127 128 136 140 155 195 213 273 286 292 342 353 370 416 443 458 478 516 530 543 566 588 613 647 734 823 851 887 893 1028 1139 1569 1768 1806 1824 2630 3311 4746 5022 5030 5033 5038 5069 8344";

    private SocialGraph _graph = null!;
    private double[] _told = null!;

    [Params("sir-once", "sir", "sis")]
    public string Model { get; set; } = "sir";

    [Params(1)]
    public int Cores { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _graph = SocialGraph.LoadEdgeList(SharedData.GraphPath("email-enron.txt.gz"));
        _told = new double[_graph.NodeCount];
        foreach (int v in _graph.IndicesOf(Seeds.Split(' ')))
        {
            _told[v] = 1;
        }
    }

    [Benchmark]
    public double WordOfMouthEmailEnron10000()
    {
        OpinionRequest request = Model switch
        {
            "sir-once" => new OpinionRequest(_graph, new SirWordOfMouth { Transmission = 0.01, Recovery = 1 }, _told),
            "sir" => new OpinionRequest(_graph, new SirWordOfMouth { Transmission = 0.01, Recovery = 0.5 }, _told),
            _ => new OpinionRequest(_graph, new SisWordOfMouth { Transmission = 0.01, Recovery = 0.5 }, _told) { MaxPeriods = 10 },
        };
        return OpinionSimulator.Simulate(request, new SimulationOptions { Simulations = 10_000, MaxDegreeOfParallelism = Cores }).FinalMean.Mean;
    }
}
