using BenchmarkDotNet.Attributes;
using InfluenceModel.Campaigns;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// The campaign model on the default scenario (10,000 consumers, 12 months): building the campaign (network, OPIM-C
/// ambassadors, channel selection, budget plan) and simulating it — the work behind `influence demo`.
/// </summary>
[MemoryDiagnoser]
public class CampaignBenchmarks
{
    private readonly Campaign _campaign = CampaignScenario.Default.Build();

    /// <summary>Monte-Carlo runs (the default scenario uses 40).</summary>
    [Params(10, 40)]
    public int Simulations { get; set; }

    [Benchmark]
    public Campaign Build() => CampaignScenario.Default.Build();

    [Benchmark]
    public CampaignResult Simulate() => CampaignSimulator.Simulate(_campaign, new SimulationOptions { Simulations = Simulations, Seed = 2009 });
}
