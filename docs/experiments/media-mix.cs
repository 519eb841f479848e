#:project ../../src/InfluenceModel/InfluenceModel.csproj
// Media-mix modelling: generate three years of weekly data from known curves, fit the Bayesian model, compare the
// recovered response curves with the true ones, then split the budget on the fitted curves.
// Run from the repository root: dotnet run docs/experiments/media-mix.cs
// (`-- --write-csv docs/examples/media-mix.csv` also writes the generated table: that is how the example was made.)
using System.Globalization;
using InfluenceModel.Channels;
using InfluenceModel.Inference;
using InfluenceModel.MediaMix;

var inv = CultureInfo.InvariantCulture;

// 1. The truth. Weekly spend for 156 weeks: TV in bursts, search always on, social in between; a price index as control.
const int weeks = 156, maxLag = 8;
var rng = new Random(2026);
var start = new DateOnly(2023, 1, 2);
string[] names = ["tv", "search", "social"];
double[] alpha = [0.6, 0.2, 0.4];       // geometric adstock (carry-over per week)
double[] lambda = [2.0, 3.5, 1.5];      // logistic saturation rate on spend scaled by its maximum
double[] beta = [2_400, 1_600, 900];    // steady-state ceiling of each channel (sales per week)
double[][] spend =
[
    [.. Enumerable.Range(0, weeks).Select(t => t % 10 < 6 ? 8_000 + (7_000 * rng.NextDouble()) : 0)],
    [.. Enumerable.Range(0, weeks).Select(_ => 2_000 + (3_000 * rng.NextDouble()))],
    [.. Enumerable.Range(0, weeks).Select(t => t % 13 < 9 ? 1_000 + (5_000 * rng.NextDouble()) : 300 * rng.NextDouble())],
];
double[] price = [.. Enumerable.Range(0, weeks).Select(t => Math.Round(1 + (0.05 * Math.Sin(t / 9.0)) + (0.02 * (rng.NextDouble() - 0.5)), 4))];
var trueCurves = new IResponseCurve[names.Length];
var sales = new double[weeks];
for (int t = 0; t < weeks; t++)
{
    double season = (600 * Math.Sin(2 * Math.PI * t / (365.25 / 7))) + (300 * Math.Cos(2 * Math.PI * t / (365.25 / 7)));
    sales[t] = 6_000 + (4 * t) + season - (8_000 * (price[t] - 1)) + (150 * Normal(rng));
}

for (int c = 0; c < names.Length; c++)
{
    double max = spend[c].Max();
    // Normalised adstock keeps a steady spend x at x, so the steady-state curve is β·tanh(λx/(2·max)).
    trueCurves[c] = new LogisticCurve(beta[c], lambda[c] / max);
    double[] adstocked = new GeometricAdstock(alpha[c], maxLag, normalize: true).Apply(spend[c]);
    for (int t = 0; t < weeks; t++)
    {
        sales[t] += beta[c] * Math.Tanh(lambda[c] * adstocked[t] / max / 2);
    }
}

for (int t = 0; t < weeks; t++)
{
    sales[t] = Math.Round(sales[t], 1);
    for (int c = 0; c < names.Length; c++)
    {
        spend[c][t] = Math.Round(spend[c][t], 2);
    }
}

if (args.Length == 2 && args[0] == "--write-csv")
{
    using var csv = new StreamWriter(args[1]);
    csv.NewLine = "\n";
    csv.WriteLine($"week,sales,{string.Join(',', names)},price");
    for (int t = 0; t < weeks; t++)
    {
        csv.WriteLine(string.Join(',', [start.AddDays(7 * t).ToString("yyyy-MM-dd", inv), sales[t].ToString(inv), .. spend.Select(s => s[t].ToString(inv)), price[t].ToString(inv)]));
    }

    Console.WriteLine($"wrote {args[1]} ({weeks} weeks)");
}

// 2. Fit. The CSV route (MediaMixCsv.Read) gives the same table; here the columns go in directly.
var data = MediaMixData.FromColumns(
    [.. Enumerable.Range(0, weeks).Select(t => start.AddDays(7 * t))],
    sales,
    names.Select((n, c) => KeyValuePair.Create(n, (IReadOnlyList<double>)spend[c])),
    [KeyValuePair.Create("price", (IReadOnlyList<double>)price)]);
var model = new MediaMixModel
{
    Channels = [.. names.Select(n => new MediaMixChannel { Name = n })],
    Controls = ["price"],
    MaxLag = maxLag,
    Trend = TrendKind.Linear,
};
var clock = System.Diagnostics.Stopwatch.StartNew();
MediaMixFit fit = model.Fit(data, new MediaMixFitOptions { Nuts = new NutsOptions { Chains = 4, Warmup = 500, Draws = 500, Seed = 7 } });
Console.WriteLine($"fit: {clock.Elapsed.TotalSeconds:F1} s; max R-hat {fit.Diagnostics!.MaxRhat:F3}, min bulk ESS {fit.Diagnostics.MinEssBulk:F0}, divergences {fit.Diagnostics.Divergences}; R² {fit.Quality.RSquared:F3}, MAPE {fit.Quality.Mape:P1}");

// 3. Recovered against true: the steady-state weekly response at half, one and two times each channel's average spend.
IReadOnlyList<IResponseCurve> fitted = fit.SteadyStateCurves();
Console.WriteLine($"\n{"channel",-8} {"spend/wk",9} {"true",8} {"fitted",8}   adstock α true / posterior mean [94% HDI]");
for (int c = 0; c < names.Length; c++)
{
    double average = spend[c].Average();
    var a = fit.Parameters.Single(p => p.Name == $"{names[c]}.alpha");
    foreach (double k in new[] { 0.5, 1, 2 })
    {
        double x = k * average;
        string adstock = k == 1 ? $"   {alpha[c]:F2} / {a.Mean:F2} [{a.Hdi94Low:F2}, {a.Hdi94High:F2}]" : "";
        Console.WriteLine($"{(k == 0.5 ? names[c] : ""),-8} {x,9:N0} {trueCurves[c].Value(x),8:N0} {fitted[c].Value(x),8:N0}{adstock}");
    }
}

foreach (var channel in fit.Channels)
{
    Console.WriteLine($"{channel.Channel,-8} share {channel.Share.Mean:P1} ROAS {channel.Roas.Mean:F3} [{channel.Roas.Low:F3}, {channel.Roas.High:F3}] marginal ROAS {channel.MarginalRoas.Mean:F3}");
}

// 4. Split the same weekly budget on the fitted curves (the library's BudgetAllocator) and on the true ones.
double budget = spend.Sum(s => s.Average());
var onFitted = fit.Allocate(budget);
var onTrue = BudgetAllocator.Allocate(new AllocationRequest
{
    Channels = [.. names.Select((name, c) => new Channel(name, [1.0], 0, trueCurves[c]))],
    Budget = budget,
});
double current = names.Select((_, c) => trueCurves[c].Value(spend[c].Average())).Sum();
Console.WriteLine($"\nWeekly budget {budget:N0}: current split gives {current:N0} sales/week (true curves).");
Console.WriteLine($"{"channel",-8} {"current",9} {"fitted opt",11} {"true opt",9}");
for (int c = 0; c < names.Length; c++)
{
    Console.WriteLine($"{names[c],-8} {spend[c].Average(),9:N0} {onFitted.Channels[c].Spend,11:N0} {onTrue.Channels[c].Spend,9:N0}");
}

double achieved = names.Select((_, c) => trueCurves[c].Value(onFitted.Channels[c].Spend)).Sum();
Console.WriteLine($"The fitted split earns {achieved:N0} sales/week on the true curves; the true optimum {onTrue.TotalResponse:N0} ({(achieved - current) / current:P1} over the current split).");

static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
