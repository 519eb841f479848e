using System.Diagnostics;
using InfluenceModel.Channels;
using InfluenceModel.MediaMix;

namespace InfluenceModel.Tests.MediaMix;

public class MediaMixFitTests
{
    internal static readonly MediaMixModel TwoChannelModel = new()
    {
        Channels = [new MediaMixChannel { Name = "tv" }, new MediaMixChannel { Name = "search" }],
        SeasonalityPairs = 1,
    };

    internal static MediaMixData CleanData(int weeks = 104, int seed = 3) =>
        MediaMixSimulation.Generate(weeks, MediaMixSimulation.TwoChannels(), intercept: 300, sigma: 10, seed, seasonalAmplitude: 40);

    private static double Value(MediaMixFit fit, string name) => fit.Parameters.Single(p => p.Name == name).Mean;

    [Fact]
    public void Map_RecoversTrueParameters()
    {
        var sw = Stopwatch.StartNew();
        MediaMixFit fit = TwoChannelModel.Fit(CleanData(), new MediaMixFitOptions { Method = FitMethod.Map });
        TestContext.Current.TestOutputHelper?.WriteLine($"MAP {sw.Elapsed.TotalMilliseconds} ms");
        foreach (var p in fit.Parameters)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{p.Name} {p.Mean}");
        }

        Assert.Equal(400, Value(fit, "tv.beta"), 400 * 0.25);
        Assert.Equal(250, Value(fit, "search.beta"), 250 * 0.25);
        Assert.Equal(0.003, Value(fit, "tv.lambda"), 0.003 * 0.3);
        Assert.Equal(0.012, Value(fit, "search.lambda"), 0.012 * 0.3);
        Assert.Equal(0.6, Value(fit, "tv.alpha"), 0.15);
        Assert.Equal(0.2, Value(fit, "search.alpha"), 0.15);
        Assert.Equal(10, Value(fit, "sigma"), 3.0);
        Assert.InRange(fit.Quality.RSquared, 0.9, 1);
    }

    internal static readonly MediaMixFitOptions ShortNuts = new() { Nuts = new InfluenceModel.Inference.NutsOptions { Chains = 2, Warmup = 300, Draws = 300, Seed = 11 } };

    [Fact]
    public void Nuts_RecoversTrueParametersWithinTheirIntervals()
    {
        var sw = Stopwatch.StartNew();
        MediaMixFit fit = TwoChannelModel.Fit(CleanData(), ShortNuts);
        TestContext.Current.TestOutputHelper?.WriteLine($"NUTS {sw.Elapsed.TotalMilliseconds} ms, grads {fit.Diagnostics!.GradientEvaluations}, rhat {fit.Diagnostics.MaxRhat}, ess {fit.Diagnostics.MinEssBulk}, div {fit.Diagnostics.Divergences}");
        foreach (var p in fit.Parameters)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{p.Name} {p.Mean} [{p.Hdi94Low}, {p.Hdi94High}] rhat {p.Rhat}");
        }

        Assert.Equal(0, fit.Diagnostics!.Divergences);
        Assert.InRange(fit.Diagnostics.MaxRhat, 1, 1.05);
        Assert.Equal(400, Value(fit, "tv.beta"), 400 * 0.25);
        Assert.Equal(250, Value(fit, "search.beta"), 250 * 0.25);
        Assert.Equal(0.6, Value(fit, "tv.alpha"), 0.15);
        Assert.Equal(0.2, Value(fit, "search.alpha"), 0.15);
        Assert.InRange(fit.Quality.PredictiveCoverage94, 0.85, 1);
    }
}
