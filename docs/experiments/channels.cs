#:project ../../src/InfluenceModel/InfluenceModel.csproj
// Channel selection and budget allocation: which few channels, and how much in each.
// Run from the repository root: dotnet run docs/experiments/channels.cs
using InfluenceModel.Channels;

// 1. Why an S-shaped curve needs a global method: two identical Hill channels (slope 3) and a small budget.
var hill = new HillCurve(beta: 100, kappa: 100, slope: 3);
var split = BudgetAllocator.Allocate(new AllocationRequest { Channels = [new("a", [], 0, hill), new("b", [], 0, hill)], Budget = 100 });
Console.WriteLine($"Equal split 50/50 gives {2 * hill.Value(50):F2}; the optimum puts {split.Channels[0].Spend:F1}/{split.Channels[1].Spend:F1} and gives {split.TotalResponse:F2} (gap {split.OptimalityGap:E1}, {split.NodesExplored} nodes).");

// 2. Bounds and locked channels are hard constraints (by position in Channels).
Channel[] three =
[
    new("brand blog", [], 0, new MichaelisMentenCurve(900, 6000)),
    new("review sites", [], 0, new HillCurve(1200, 5000, 1.4)),
    new("search ads", [], 0, new LogisticCurve(1800, 0.00008)),
];
var bounded = BudgetAllocator.Allocate(new AllocationRequest
{
    Channels = three,
    Budget = 30_000,
    Bounds = [new SpendBounds(2_000, 5_000), null, null],
    Locked = new Dictionary<int, double> { [2] = 10_000 },
});
Console.WriteLine($"Bounded/locked split: {string.Join(", ", bounded.Channels.Select(c => $"{c.Name} {c.Spend:N0}"))}; marginal responses {string.Join(", ", bounded.Channels.Select(c => c.MarginalResponse.ToString("G3")))}");

// 3. Selection: the same channels under a cap, for reach and for response.
var segments = new AudienceOverlap([22_000, 43_000, 35_000]);
Channel[] channels =
[
    new("brand blog", [0.30, 0.12, 0.03], 2_000, new MichaelisMentenCurve(900, 6_000)),
    new("review sites", [0.55, 0.25, 0.02], 1_500, new HillCurve(1_200, 5_000, 1.4)),
    new("short video", [0.20, 0.35, 0.40], 5_000, new HillCurve(2_500, 15_000, 2.2)),
    new("photo network", [0.15, 0.30, 0.30], 3_000, new LogisticCurve(1_400, 0.00012)),
    new("search ads", [0.35, 0.35, 0.20], 500, new LogisticCurve(1_800, 0.00008)),
];
foreach (var objective in new[] { SelectionObjective.Reach, SelectionObjective.Response })
{
    var selection = ChannelSelector.Select(new SelectionRequest { Channels = channels, Budget = 40_000, MaxChannels = 3, Objective = objective, Segments = segments });
    Console.WriteLine($"\n{objective}: reach {selection.ExpectedReach:N0}, response {selection.ExpectedResponse:N0}, response per spend {selection.ResponsePerSpend:G3} ({selection.Method}, proven optimal: {selection.IsProvenOptimal})");
    foreach (var c in selection.Allocation.Channels)
    {
        Console.WriteLine($"  {c.Name,-14} fixed {c.FixedCost,7:N0} spend {c.Spend,8:N0} response {c.Response,7:N0} per spend {c.ResponsePerSpend:G3} marginal {c.MarginalResponse:G3}");
    }

    foreach (var e in selection.Excluded)
    {
        Console.WriteLine($"  left out {e.Name}: {e.Reason}");
    }
}

// 4. Fitting a Hill curve with geometric adstock back from a noisy history.
var rng = new Random(3);
double[] spend = [.. Enumerable.Range(0, 156).Select(_ => rng.NextDouble() < 0.15 ? 0 : 300 * rng.NextDouble())];
double[] effective = new GeometricAdstock(0.5, 8, normalize: true).Apply(spend);
double[] outcome = [.. effective.Select(a => Math.Max(0, new HillCurve(1000, 120, 1.8).Value(a) + (15 * Normal(rng))))];
var fit = ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = spend, OutcomeHistory = outcome, Curve = ResponseCurveKind.Hill, Adstock = AdstockKind.Geometric });
Console.WriteLine($"\nFit (truth β=1000, κ=120, s=1.8, α=0.5): R² {fit.RSquared:F3}, MAPE {fit.Mape:P1}");
foreach (var p in fit.Parameters)
{
    Console.WriteLine($"  {p.Name,-13} {p.Estimate,9:G4} ± {p.StandardError:G3}");
}

static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
