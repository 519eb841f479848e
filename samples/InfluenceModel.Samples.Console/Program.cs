// The package's first result (README): the community ROI curve, then ten ambassadors on a generated network.
// Exits 1 when a number is not what the package documents, so CI fails on a broken package.
using InfluenceModel.Community;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

CommunityRoiCurve curve = CommunityRoiCalculator.Compute(CommunityRoiInputs.Default with { Horizon = 36 });
Console.WriteLine($"community: break-even period {curve.BreakEvenPeriod}, payback period {curve.PaybackPeriod}, NPV {curve.NetPresentValue:N0}");

var graph = GraphGenerators.BarabasiAlbert(2_000, 3, seed: 1).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
SeedSelection ambassadors = InfluenceMaximizer.Select(new SeedingRequest(graph, new IndependentCascade(), k: 10));
SpreadEstimate reach = SpreadEstimator.Estimate(new SpreadRequest(graph, new IndependentCascade(), ambassadors.Seeds));
Console.WriteLine($"10 ambassadors reach {reach.Spread.Mean:N0} people (95% CI {reach.Spread.Interval95.Lower:N0}-{reach.Spread.Interval95.Upper:N0})");

bool ok = curve.Points.Count == 36 && ambassadors.Seeds.Count == 10 && reach.Spread.Mean >= 10 && reach.Spread.Mean <= graph.NodeCount;
Console.WriteLine(ok ? "package consumer: OK" : "package consumer: UNEXPECTED RESULT");
return ok ? 0 : 1;
