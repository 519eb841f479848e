#:project ../../src/InfluenceModel/InfluenceModel.csproj
// Channel selection and budget allocation: which few channels, and how much in each.
// Run from the repository root: dotnet run docs/experiments/channels.cs
using InfluenceModel.Channels;

// 1. Why an S-shaped curve needs a global method: two identical Hill channels (slope 3) and a small budget.
var hill = new HillCurve(beta: 100, kappa: 100, slope: 3);
var allocator = new BudgetAllocator();
var split = allocator.Allocate([hill, hill], new AllocationRequest { TotalBudget = 100 });
Console.WriteLine($"Equal split 50/50 gives {2 * hill.Value(50):F2}; the optimum puts {split.Spend[0]:F1}/{split.Spend[1]:F1} and gives {split.TotalResponse:F2} (gap {split.OptimalityGap:E1}, {split.NodesExplored} nodes).");

// 2. Bounds and locked channels are hard constraints.
var curves = new IResponseCurve[] { new MichaelisMentenCurve(900, 6000), new HillCurve(1200, 5000, 1.4), new LogisticCurve(1800, 0.00008) };
var bounded = allocator.Allocate(curves, new AllocationRequest
{
    TotalBudget = 30_000,
    Bounds = [new SpendBounds(2_000, 5_000), null, null],
    Locked = new Dictionary<int, double> { [2] = 10_000 },
});
Console.WriteLine($"Bounded/locked split: {string.Join(", ", bounded.Spend.Select(s => s.ToString("N0")))}; marginal returns {string.Join(", ", bounded.MarginalReturn.Select(m => m.ToString("G3")))}");

// 3. Selection: the same channels under a cap, for reach and for response.
var audience = new AudienceOverlap([22_000, 43_000, 35_000]);
Channel[] channels =
[
    new("brand blog", [0.30, 0.12, 0.03], 2_000, new MichaelisMentenCurve(900, 6_000)),
    new("review sites", [0.55, 0.25, 0.02], 1_500, new HillCurve(1_200, 5_000, 1.4)),
    new("short video", [0.20, 0.35, 0.40], 5_000, new HillCurve(2_500, 15_000, 2.2)),
    new("photo network", [0.15, 0.30, 0.30], 3_000, new LogisticCurve(1_400, 0.00012)),
    new("search ads", [0.35, 0.35, 0.20], 500, new LogisticCurve(1_800, 0.00008)),
];
var selector = new ChannelSelector();
foreach (var objective in new[] { SelectionObjective.Reach, SelectionObjective.Response })
{
    var plan = selector.Select(channels, new SelectionRequest { Budget = 40_000, MaxChannels = 3, Objective = objective, Audience = audience });
    Console.WriteLine($"\n{objective}: reach {plan.ExpectedReach:N0}, response {plan.ExpectedResponse:N0}, ROI {plan.Roi:G3} ({plan.Method}, proven optimal: {plan.IsProvenOptimal})");
    foreach (var c in plan.Channels)
    {
        Console.WriteLine($"  {c.Name,-14} entry {c.EntryCost,7:N0} spend {c.Spend,8:N0} response {c.Response,7:N0} ROI {c.Roi:G3} marginal {c.MarginalRoi:G3}");
    }

    foreach (var e in plan.Excluded)
    {
        Console.WriteLine($"  left out {e.Name}: {e.Reason}");
    }
}

// 4. Fitting a Hill curve with geometric adstock back from a noisy history.
var rng = new Random(3);
double[] spend = [.. Enumerable.Range(0, 156).Select(_ => rng.NextDouble() < 0.15 ? 0 : 300 * rng.NextDouble())];
double[] effective = new GeometricAdstock(0.5, 8, normalize: true).Apply(spend);
double[] outcome = [.. effective.Select(a => Math.Max(0, new HillCurve(1000, 120, 1.8).Value(a) + (15 * Normal(rng))))];
var fit = ResponseCurveFitter.Fit(spend, outcome, CurveFamily.Hill, AdstockFamily.Geometric);
Console.WriteLine($"\nFit (truth β=1000, κ=120, s=1.8, α=0.5): R² {fit.RSquared:F3}, MAPE {fit.Mape:P1}");
foreach (var p in fit.Parameters)
{
    Console.WriteLine($"  {p.Name,-13} {p.Estimate,9:G4} ± {p.StandardError:G3}");
}

static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
