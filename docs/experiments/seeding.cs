#:project ../../src/InfluenceModel/InfluenceModel.csproj

// Seeding experiment: which 20 people should a brand recruit as ambassadors on a social graph, and how much does the
// algorithm matter? Compares OPIM-C (default), IMM and three heuristics on a Barabási–Albert graph (or on an edge list
// given as the first argument), under independent cascade with weighted-cascade probabilities, then restricts the
// choice to a candidate set ("only employees": every 10th node) and adds a budget with node costs.
// Run from the repository root: dotnet run docs/experiments/seeding.cs [edge-list]
using System.Globalization;
using InfluenceModel;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

SocialGraph graph = args.Length > 0
    ? SocialGraph.LoadEdgeList(args[0])
    : GraphGenerators.BarabasiAlbert(5_000, 3, seed: 7);
graph = graph.WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
var ic = new IndependentCascade();
Console.WriteLine($"graph: {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} arcs; IC, weighted cascade; k = 20");
Console.WriteLine("algorithm        spread ± se        guarantee   RR sets     time");
foreach (var algorithm in new[] { SeedingAlgorithm.Opimc, SeedingAlgorithm.Imm, SeedingAlgorithm.MaxDegree, SeedingAlgorithm.DegreeDiscount, SeedingAlgorithm.PageRank })
{
    var result = InfluenceMaximizer.Select(new SeedingRequest(graph, ic, 20) { Algorithm = algorithm }, new SimulationOptions { Seed = 1 });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{algorithm,-15} {result.Spread.Mean,9:F1} ± {result.Spread.StandardError,-6:F1} {result.ApproximationGuarantee,9:F3} {result.RrSetCount,10:N0} {result.Elapsed.TotalMilliseconds,7:F0} ms"));
}

// Constraints: only every 10th node may be chosen; node 0 is already an ambassador; a follower-based fee.
int[] employees = [.. Enumerable.Range(0, graph.NodeCount).Where(v => v % 10 == 0)];
double[] costs = [.. Enumerable.Range(0, graph.NodeCount).Select(v => 100.0 + graph.OutDegree(v))];
var constrained = InfluenceMaximizer.Select(
    new SeedingRequest(graph, ic, 20)
    {
        Candidates = employees,
        ForcedSeeds = [0],
        Costs = costs,
        Budget = 2_000,
    },
    new SimulationOptions { Seed = 1 });
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"employees only, node 0 forced, budget 2,000: {constrained.Seeds.Count} seeds, cost {constrained.TotalCost:F0}, spread {constrained.Spread.Mean:F1} ± {constrained.Spread.StandardError:F1}, guarantee {constrained.ApproximationGuarantee:F3}"));
Console.WriteLine("seeds (id: marginal gain): " + string.Join(", ", constrained.SeedIds.Zip(constrained.MarginalGains, (id, g) => string.Create(CultureInfo.InvariantCulture, $"{id}: {g:F1}"))));
