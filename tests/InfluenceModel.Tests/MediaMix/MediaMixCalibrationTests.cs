using InfluenceModel.Channels;
using InfluenceModel.Inference;
using InfluenceModel.MediaMix;

namespace InfluenceModel.Tests.MediaMix;

/// <summary>
/// Simulation-based calibration (Talts et al. 2018) of the density + NUTS on a one-channel model (intercept, β,
/// logistic λ, geometric α, σ): draw θ from the prior, y from the model, sample the posterior, and rank θ among
/// L thinned draws. With a correct sampler and matching priors the ranks are uniform on {0 … L}.
/// </summary>
public class MediaMixCalibrationTests
{
    private const int Replications = 40;
    private const int Thinned = 9; // ranks 0 … 9: 10 bins

    /// <summary>χ² statistic of all parameters' ranks pooled into L + 1 bins (expected count Replications·dim/(L+1) ≥ 20).</summary>
    private static double RankChiSquare(MediaMixChannel channel, bool preconditioned = false)
    {
        MediaMixData data = MediaMixFitTests.CleanData(30, 1);
        var model = new MediaMixModel { Channels = [channel], SeasonalityPairs = 0 };
        var generating = new MediaMixModel { Channels = [new MediaMixChannel { Name = "tv" }], SeasonalityPairs = 0 };
        var counts = new int[Thinned + 1];
        int dim = 0;
        for (int r = 0; r < Replications; r++)
        {
            MediaMixProblem truthProblem = MediaMixProblem.Create(generating, data, data.Periods);
            var random = new Random(1000 + r);
            ParameterInfo[] info = truthProblem.Parameters;
            dim = info.Length;
            var truth = info.Select(p => p.Prior.Sample(random)).ToArray();
            ChannelTerm ch = truthProblem.Channels[0];
            int lags = truthProblem.MaxLag;
            var w = new double[lags];
            MediaMixKernels.Weights(MediaMixAdstockKind.Geometric, truth[3], 0, normalize: true, w, new double[lags], new double[lags]);
            var a = new double[truthProblem.Fitted];
            MediaMixKernels.Convolve(ch.Spend, w, a);
            var y = new double[a.Length];
            for (int t = 0; t < y.Length; t++)
            {
                y[t] = truth[0] + (truth[1] * MediaMixKernels.Saturate(ResponseCurveKind.Logistic, a[t], truth[2], 0, out _, out _, out _)) + (truth[4] * MediaMixSimulation.Gaussian(random));
            }

            MediaMixProblem problem = MediaMixProblem.Create(model, data, data.Periods);
            problem.ReplaceScaledKpi(y);
            var options = new NutsOptions { Chains = 1, Warmup = 200, Draws = 180, Seed = (ulong)r, MaxDegreeOfParallelism = 1 };
            PosteriorSample sample = preconditioned
                ? MediaMixEngine.SampleUnconstrained(new MediaMixDensity(problem), options, null, TestContext.Current.CancellationToken)
                : NutsSampler.Sample(new MediaMixDensity(problem), options);
            var v = new double[dim];
            for (int i = 0; i < dim; i++)
            {
                int rank = 0;
                for (int k = 0; k < Thinned; k++)
                {
                    MediaMixDensity.Constrain(problem, sample.Draw(0, (k * sample.Draws / Thinned) + (sample.Draws / Thinned / 2)), v);
                    rank += v[i] < truth[i] ? 1 : 0;
                }

                counts[rank]++;
            }
        }

        double expected = (double)Replications * dim / (Thinned + 1);
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }

    // χ²(9) 99.9 % quantile = 27.88: a correct sampler fails this 1 time in 1,000 (fixed seeds make it reproducible).
    private const double Critical = 27.88;

    [Fact]
    public void Ranks_AreUniform_WhenThePriorMatchesTheGenerator()
    {
        double chi2 = RankChiSquare(new MediaMixChannel { Name = "tv" });
        Assert.InRange(chi2, 0, Critical);
    }

    [Fact]
    public void Ranks_AreUniform_ThroughTheFitsLaplacePreconditionedSampler()
    {
        // The path MediaMixModel.Fit takes: mode, Laplace map u = mode + A·z, NUTS on z, draws mapped back.
        double chi2 = RankChiSquare(new MediaMixChannel { Name = "tv" }, preconditioned: true);
        Assert.InRange(chi2, 0, Critical);
    }

    [Fact]
    public void Ranks_AreNotUniform_WhenThePriorIsMisspecified()
    {
        // β is generated from HalfNormal(2) but fitted with a prior concentrated near 0.2: the truth ranks high.
        double chi2 = RankChiSquare(new MediaMixChannel { Name = "tv", Priors = new Dictionary<string, Prior> { ["beta"] = Prior.LogNormal(Math.Log(0.2), 0.05) } });
        Assert.True(chi2 > Critical, $"χ² = {chi2} should exceed {Critical}");
    }
}
