#:project ../../src/InfluenceModel/InfluenceModel.csproj
// Opinion-dynamics notebook: consensus, stubbornness, bounded confidence, binary opinions and word of mouth on one
// consumer graph. Run from the repository root: dotnet run docs/experiments/opinion-dynamics.cs
using InfluenceModel;
using InfluenceModel.Networks;
using InfluenceModel.Opinions;

var graph = GraphGenerators.StochasticBlockModel([500, 500], [[0.02, 0.002], [0.002, 0.02]], seed: 1);
int n = graph.NodeCount;
Console.WriteLine($"graph: {n} nodes, {graph.EdgeCount} arcs, two segments of 500");

// Segment 0 starts sceptical (opinions in [0, 0.5)), segment 1 enthusiastic ([0.5, 1]); evenly spaced within each.
double[] attitudes = [.. Enumerable.Range(0, n).Select(v => v < 500 ? v / 1000.0 : 0.5 + ((v - 500) / 998.0))];
var options = new SimulationOptions { Simulations = 200, Seed = 42 };

void Show(OpinionOutcome o) =>
    Console.WriteLine($"{o.Model,-9} mean {o.FinalMean.Mean:F3} ± {o.FinalMean.StandardError:F3}  periods {o.Periods.Mean,7:F1}  converged {o.Converged.Mean:P0}"
        + (o.Clusters is { } c ? $"  clusters {c.Mean:F1}" : "")
        + (o.FixationProbability is { } f ? $"  P(1 fixates) {f.Mean:F3} ± {f.StandardError:F3}" : ""));

// Continuous opinions: DeGroot reaches consensus, stubbornness (FJ) keeps the segments apart, bounded confidence
// (HK, Deffuant) splits into clusters.
Show(OpinionSimulator.Simulate(new OpinionRequest(graph, new DeGrootModel { SelfWeight = 0.5 }, attitudes) { MaxPeriods = 5_000 }));
var fj = OpinionSimulator.Simulate(new OpinionRequest(graph, new FriedkinJohnsenModel { Stubbornness = 0.2 }, attitudes));
Show(fj);
Console.WriteLine($"          FJ segment means: {fj.FinalOpinions.Take(500).Average():F3} vs {fj.FinalOpinions.Skip(500).Average():F3}");
foreach (double epsilon in new[] { 0.1, 0.2, 0.4 })
{
    Show(OpinionSimulator.Simulate(new OpinionRequest(graph, new HegselmannKrauseModel { Confidence = epsilon }, attitudes)));
    Show(OpinionSimulator.Simulate(new OpinionRequest(graph, new DeffuantWeisbuchModel { Confidence = epsilon }, attitudes) { MaxPeriods = 2_000, Tolerance = 1e-4 }, options with { Simulations = 20 }));
}

// Binary opinions: 30 % of segment 1 hold the brand opinion (1). The voter model keeps the degree-weighted share on
// average; majority rule drives the minority out.
double[] brand = [.. Enumerable.Range(0, n).Select(v => v >= 500 && v % 10 < 3 ? 1.0 : 0.0)];
Show(OpinionSimulator.Simulate(new OpinionRequest(graph, new VoterModel(), brand) { MaxPeriods = 200 }, options));
Show(OpinionSimulator.Simulate(new OpinionRequest(graph, new MajorityRuleModel(), brand) { MaxPeriods = 200 }, options));

// Word of mouth from 10 customers in segment 0: tell, then stop (SIR) or lapse (SIS).
double[] seeds = [.. Enumerable.Range(0, n).Select(v => v < 10 ? 1.0 : 0.0)];
var sir = OpinionSimulator.Simulate(new OpinionRequest(graph, new SirWordOfMouth { Transmission = 0.1, Recovery = 0.5 }, seeds), options);
Show(sir);
Console.WriteLine($"          reached: segment 0 {sir.FinalOpinions.Take(500).Average():P1}, segment 1 {sir.FinalOpinions.Skip(500).Average():P1}");
var sis = OpinionSimulator.Simulate(new OpinionRequest(graph, new SisWordOfMouth { Transmission = 0.05, Recovery = 0.3 }, seeds) { MaxPeriods = 60 }, options);
Show(sis);
Console.WriteLine("period  telling(SIR)  telling(SIS)");
for (int p = 0; p <= 60; p += 10)
{
    double sirTelling = p < sir.Trajectory.Count ? sir.Trajectory[p].Shares[1] : sir.Trajectory[^1].Shares[1];
    Console.WriteLine($"{p,6}  {sirTelling,12:P1}  {sis.Trajectory[p].Shares[1],12:P1}");
}
