#:project ../../src/InfluenceModel/InfluenceModel.csproj
// Diffusion notebook: IC vs LT vs Kelman on a two-community graph, and what happens when the campaign stops.
// Run from the repository root: dotnet run docs/experiments/diffusion.cs
using InfluenceModel;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

var graph = GraphGenerators.StochasticBlockModel([1000, 1000], [[0.01, 0.001], [0.001, 0.01]], seed: 1)
    .WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
var seeds = graph.IndicesOf(["0", "1", "2", "3", "4", "1000"]);
var options = new SimulationOptions { Simulations = 500, Seed = 42 };
Console.WriteLine($"graph: {graph.NodeCount} nodes, {graph.EdgeCount} arcs, {graph.GroupCount} groups; seeds {string.Join(',', seeds.Select(graph.NodeId))}");

foreach (DiffusionModel model in new DiffusionModel[]
{
    new IndependentCascade(),
    new LinearThreshold(),
    new KelmanInfluence { Identification = 1, InternalizationThreshold = 2, ReversibleCompliance = false }, // = LT
    new KelmanInfluence { Identification = 3 },
})
{
    var estimate = SpreadEstimator.Estimate(new SpreadRequest(graph, model, seeds), options);
    Console.WriteLine($"{model.Name,-7} spread {estimate.Spread.Mean,8:F1} ± {estimate.Spread.StandardError:F1}  95% CI [{estimate.Spread.Interval95.Lower:F1}, {estimate.Spread.Interval95.Upper:F1}]");
}

// Kelman: the ambassadors stop after 4 periods. Seeds without support drop out; internalized adopters stay, and so do
// compliant adopters that keep each other above threshold (periods without adoption changes are not printed).
var campaign = new KelmanInfluence { Identification = 3, Stubbornness = 0.3, InternalizationThreshold = 0.6, SeedPeriods = 4 };
var trace = campaign.Simulate(graph, seeds, seed: 42);
Console.WriteLine("period adopters new dropped seeded compliance identification internalization");
foreach (var p in trace.Periods.Where(p => p.Period == 0 || p.NewAdopters > 0 || p.DroppedOut > 0 || p == trace.Periods[^1]))
{
    var m = p.Mechanisms!;
    Console.WriteLine($"{p.Period,6} {p.Adopters,8} {p.NewAdopters,3} {p.DroppedOut,7} {m.Seeded,6} {m.Compliance,10} {m.Identification,14} {m.Internalization,15}");
}

Console.WriteLine($"final adopters: {trace.FinalAdopters}; mean attitude {trace.Attitudes!.Average(a => a.Value):F3}");
