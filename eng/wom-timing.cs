#:project ../src/InfluenceModel/InfluenceModel.csproj
#:property Configuration=Release
using System.Diagnostics;
using InfluenceModel;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Opinions;

// Warm timings of the OpinionBenchmarks cases (process CPU time, one core, repeated in one process so that a case can be
// timed after its JIT): dotnet run -c Release eng/wom-timing.cs -- RUNS MODEL... with MODEL in ic, ic-uniform, sir-once,
// sir, sis, sir-wc (SIR γ = 1 with PerArcTransmission on the WC graph), sir-wc-05; GRAPH=nethept for nethept (default
// email-enron); GRAPHS = the graphs folder (default ../shared/data/graphs, from the repository root). Prints CPU and wall seconds and the mean final size ± SE. See docs/performance.md (OpinionBenchmarks).
int runs = int.Parse(args[0]);
bool nethept = Environment.GetEnvironmentVariable("GRAPH") == "nethept";
string folder = Environment.GetEnvironmentVariable("GRAPHS") ?? Path.Combine("..", "shared", "data", "graphs");
var g = SocialGraph.LoadEdgeList(Path.Combine(folder, nethept ? "nethept.txt" : "email-enron.txt.gz"));
const string EnronSeeds = "76 80 82 90 95 114 127 128 136 140 155 195 213 273 286 292 342 353 370 416 443 458 478 516 530 543 566 588 613 647 734 823 851 887 893 1028 1139 1569 1768 1806 1824 2630 3311 4746 5022 5030 5033 5038 5069 8344";
int[] seeds = nethept ? [.. Enumerable.Range(0, g.NodeCount).OrderByDescending(g.OutDegree).ThenBy(v => v).Take(50)] : [.. g.IndicesOf(EnronSeeds.Split(' '))];
var told = new double[g.NodeCount];
foreach (int v in seeds) told[v] = 1;
int reachable = Enumerable.Range(0, g.NodeCount).Count(v => g.InDegree(v) > 0);
double tie = (double)reachable / g.EdgeCount;
var wc = g.WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
var uni = g.WithEdgeProbabilities(EdgeProbabilities.Uniform(tie));
const double gamma = 0.5;
double beta = tie * gamma / (1 - (tie * (1 - gamma)));
var options = new SimulationOptions { Simulations = runs, MaxDegreeOfParallelism = 1 };
foreach (var m in args.Skip(1))
{
    var p = Process.GetCurrentProcess();
    var cpu0 = p.TotalProcessorTime; var sw = Stopwatch.StartNew();
    string r;
    switch (m)
    {
        case "ic": { var e = SpreadEstimator.Estimate(new SpreadRequest(wc, new IndependentCascade(), seeds), options).Spread; r = $"{e.Mean:F1} ± {e.StandardError:F1}"; break; }
        case "ic-uniform": { var e = SpreadEstimator.Estimate(new SpreadRequest(uni, new IndependentCascade(), seeds), options).Spread; r = $"{e.Mean:F1} ± {e.StandardError:F1}"; break; }
        default:
            OpinionRequest req = m switch
            {
                "sir-once" => new(g, new SirWordOfMouth { Transmission = tie, Recovery = 1 }, told),
                "sir" => new(g, new SirWordOfMouth { Transmission = beta, Recovery = gamma }, told),
                "sir-wc" => new(wc, new SirWordOfMouth { PerArcTransmission = true, Recovery = 1 }, told),
                "sir-wc-05" => new(wc, new SirWordOfMouth { PerArcTransmission = true, Recovery = gamma }, told),
                "sis" => new(g, new SisWordOfMouth { Transmission = beta, Recovery = gamma }, told) { MaxPeriods = 10 },
                _ => throw new ArgumentException(m),
            };
            var o = OpinionSimulator.Simulate(req, options);
            r = $"{o.FinalMean.Mean * g.NodeCount:F1} ± {o.FinalMean.StandardError * g.NodeCount:F1}";
            break;
    }
    p.Refresh();
    Console.WriteLine($"{m,-11} cpu {(p.TotalProcessorTime - cpu0).TotalSeconds,7:F3} s  wall {sw.Elapsed.TotalSeconds,7:F3} s  {r}");
}
