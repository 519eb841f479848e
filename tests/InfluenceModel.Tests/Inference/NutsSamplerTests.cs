using InfluenceModel.DependencyInjection;
using InfluenceModel.Inference;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.Inference;

public class NutsSamplerTests
{
    private static readonly double[] GaussianMean = [1, -2, 3, 0, 0.5, -1, 2, 10, -5, 0];
    private static readonly double[] GaussianSd = [1, 2, 0.5, 1, 3, 1, 1, 0.1, 2, 1];

    /// <summary>Posterior means within 4 MCSE and variances within 4 MCSE of E[(x − μ)²] (the MCSE of a mean of
    /// (x − μ)² computed by the library's own ESS).</summary>
    private static void AssertMoments(PosteriorSample sample, double[] mean, Matrix<double> covariance)
    {
        for (int k = 0; k < sample.Dimension; k++)
        {
            ParameterSummary s = sample.Summary[k];
            Assert.True(s.Rhat < 1.05, $"{k}: R-hat {s.Rhat}");
            Assert.True(Math.Abs(s.Mean - mean[k]) < 4 * s.McseMean, $"{k}: mean {s.Mean} vs {mean[k]} (MCSE {s.McseMean}, ESS {s.EssBulk})");
            double[][] squares = sample.ChainValues(k);
            foreach (double[] chain in squares)
            {
                for (int i = 0; i < chain.Length; i++)
                {
                    chain[i] = (chain[i] - mean[k]) * (chain[i] - mean[k]);
                }
            }

            double variance = 0;
            foreach (double[] chain in squares)
            {
                variance += chain.Sum();
            }

            variance /= sample.Chains * sample.Draws;
            double mcse = PosteriorDiagnostics.McseMean(squares);
            Assert.True(Math.Abs(variance - covariance[k, k]) < 4 * mcse, $"{k}: variance {variance} vs {covariance[k, k]} (MCSE {mcse})");
        }
    }

    [Fact]
    public void Sample_CorrelatedGaussian10_MomentsWithinFourMcse()
    {
        var density = GaussianDensity.Ar(GaussianMean, GaussianSd, 0.9);
        var sample = NutsSampler.Sample(density, new NutsOptions { Warmup = 500, Draws = 500, Seed = 1 });
        AssertMoments(sample, GaussianMean, density.Covariance);
        Assert.Equal(0, sample.Diagnostics.Divergences);
        Assert.All(sample.Diagnostics.StepSize, e => Assert.InRange(e, 1e-3, 10));
        Assert.InRange(sample.Diagnostics.MeanAcceptance, 0.6, 0.97);
    }

    [Fact]
    public void Sample_CorrelatedGaussian10DenseMetric_MomentsWithinFourMcseAndLargerSteps()
    {
        var density = GaussianDensity.Ar(GaussianMean, GaussianSd, 0.9);
        var diagonal = NutsSampler.Sample(density, new NutsOptions { Warmup = 500, Draws = 500, Seed = 2 });
        var dense = NutsSampler.Sample(density, new NutsOptions { Warmup = 500, Draws = 500, Seed = 2, DenseMetric = true });
        AssertMoments(dense, GaussianMean, density.Covariance);
        // With the covariance learnt, the transformed target is nearly isotropic: fewer gradients per draw.
        Assert.True(dense.Diagnostics.GradientEvaluations < diagonal.Diagnostics.GradientEvaluations,
            $"dense {dense.Diagnostics.GradientEvaluations} vs diagonal {diagonal.Diagnostics.GradientEvaluations}");
    }

    [Fact]
    public void Sample_ConjugateRegression_MatchesClosedFormPosterior()
    {
        var density = new RegressionDensity(n: 50, p: 4, sigma: 1.5, priorSd: 3, seed: 7);
        var sample = NutsSampler.Sample(density, new NutsOptions { Warmup = 400, Draws = 500, Seed = 3 });
        AssertMoments(sample, density.PosteriorMean.ToArray(), density.PosteriorCovariance);
    }

    [Fact]
    public void Sample_EightSchoolsNonCentred_MatchesPosteriordbReference()
    {
        // posteriordb eight_schools-eight_schools_noncentered reference posterior means.
        double[] reference = [4.4105, 3.6021, 6.1505, 4.9396, 3.9059, 4.7960, 3.6144, 4.0511, 6.3172, 4.8840];
        var raw = NutsSampler.Sample(new EightSchools(), new NutsOptions { Warmup = 1000, Draws = 1000, Seed = 11, TargetAcceptance = 0.9 });
        // Transform to (μ, τ, θ₁..θ₈).
        int chains = raw.Chains, draws = raw.Draws;
        var values = new double[chains * draws * 10];
        for (int c = 0; c < chains; c++)
        {
            for (int d = 0; d < draws; d++)
            {
                ReadOnlySpan<double> x = raw.Draw(c, d);
                int o = ((c * draws) + d) * 10;
                values[o] = x[0];
                values[o + 1] = Math.Exp(x[1]);
                for (int j = 0; j < 8; j++)
                {
                    values[o + 2 + j] = x[0] + (Math.Exp(x[1]) * x[2 + j]);
                }
            }
        }

        string[] names = ["mu", "tau", "theta[1]", "theta[2]", "theta[3]", "theta[4]", "theta[5]", "theta[6]", "theta[7]", "theta[8]"];
        var sample = new PosteriorSample(chains, draws, names, values, raw.Diagnostics);
        for (int k = 0; k < 10; k++)
        {
            ParameterSummary s = sample.Summary[k];
            Assert.True(Math.Abs(s.Mean - reference[k]) < 4 * s.McseMean, $"{names[k]}: {s.Mean} vs {reference[k]} (MCSE {s.McseMean}, R-hat {s.Rhat})");
            Assert.True(s.Rhat < 1.02, $"{names[k]}: R-hat {s.Rhat}");
        }

        Assert.True(raw.Diagnostics.Divergences <= 0.005 * chains * draws, $"{raw.Diagnostics.Divergences} divergences");
        Assert.All(raw.Diagnostics.Ebfmi, e => Assert.True(e > 0.3, $"E-BFMI {e}"));
    }

    [Fact]
    public void Sample_SameSeed_BitIdenticalAtAnyParallelism()
    {
        var density = new EightSchools();
        var options = new NutsOptions { Warmup = 150, Draws = 100, Seed = 5, MaxDegreeOfParallelism = 1 };
        var one = NutsSampler.Sample(density, options);
        var two = NutsSampler.Sample(density, options with { MaxDegreeOfParallelism = 2 });
        var four = NutsSampler.Sample(density, options with { MaxDegreeOfParallelism = 4 });
        var again = NutsSampler.Sample(density, options);
        var other = NutsSampler.Sample(density, options with { Seed = 6 });
        for (int k = 0; k < density.Dimension; k++)
        {
            Assert.Equal(one.Values(k), two.Values(k));
            Assert.Equal(one.Values(k), four.Values(k));
            Assert.Equal(one.Values(k), again.Values(k));
            Assert.NotEqual(one.Values(k), other.Values(k));
        }

        Assert.Equal(one.Diagnostics.StepSize, four.Diagnostics.StepSize);
        Assert.Equal(one.Diagnostics.GradientEvaluations, four.Diagnostics.GradientEvaluations);
        // Chains differ from each other (their own streams).
        Assert.NotEqual(one[0, 0, 0], one[1, 0, 0]);
    }

    [Fact]
    public void Sample_StaticAndInjectedPaths_GiveTheSameDraws()
    {
        using var provider = new ServiceCollection().AddInfluenceModel().BuildServiceProvider();
        var injected = provider.GetRequiredService<INutsSampler>();
        var density = GaussianDensity.Ar([0, 0], [1, 1], 0.5);
        var options = new NutsOptions { Chains = 2, Warmup = 100, Draws = 50 };
        Assert.Equal(NutsSampler.Sample(density, options).Values(0), injected.Sample(density, options).Values(0));
        // Without options both fall back to NutsOptions.Default (the host set none).
        var configured = new ServiceCollection().AddInfluenceModel(o => o.Sampling = options).BuildServiceProvider();
        Assert.Equal(NutsSampler.Sample(density, options).Values(1), configured.GetRequiredService<INutsSampler>().Sample(density).Values(1));
    }

    [Fact]
    public void Sample_Progress_ReportsWarmupThenSamplingToCompletion()
    {
        var reports = new List<ProgressReport>();
        var progress = new SynchronousProgress(reports);
        NutsSampler.Sample(GaussianDensity.Ar([0, 0], [1, 1], 0.5), new NutsOptions { Chains = 2, Warmup = 100, Draws = 60 }, progress);
        Assert.Contains(new ProgressReport("warm-up", 200, 200), reports);
        Assert.Equal(new ProgressReport("sampling", 120, 120), reports[^1]);
        Assert.All(reports, r => Assert.Contains(r.Stage, new[] { "warm-up", "sampling" }));
    }

    [Fact]
    public void Sample_ShortWarmupAndOneChain_Works()
    {
        var sample = NutsSampler.Sample(GaussianDensity.Ar([3], [2], 0), new NutsOptions { Chains = 1, Warmup = 10, Draws = 200, Seed = 4 });
        Assert.Equal(1, sample.Chains);
        Assert.True(double.IsFinite(sample.Summary[0].Rhat));
        Assert.InRange(sample.Summary[0].Mean, 3 - (5 * sample.Summary[0].McseMean), 3 + (5 * sample.Summary[0].McseMean));
    }

    [Fact]
    public void Sample_BoundedSupport_RejectsOutsidePointsWithoutNaN()
    {
        // Uniform on (0, 1)² written on the raw scale: −∞ outside; the sampler must never step out.
        var sample = NutsSampler.Sample(new BoxDensity(), new NutsOptions { Chains = 2, Warmup = 200, Draws = 300, Seed = 9, InitialPoint = [0.5, 0.5] });
        for (int k = 0; k < 2; k++)
        {
            Assert.All(sample.Values(k), v => Assert.InRange(v, 0, 1));
        }
    }

    [Fact]
    public void Sample_TightTreeDepth_CountsHits()
    {
        var density = GaussianDensity.Ar(GaussianMean, GaussianSd, 0.99);
        var sample = NutsSampler.Sample(density, new NutsOptions { Chains = 2, Warmup = 100, Draws = 100, MaxTreeDepth = 2, Seed = 1 });
        Assert.True(sample.Diagnostics.MaxTreeDepthHits > 0);
        Assert.True(sample.Diagnostics.MaxTreeDepthHits <= 200);
    }

    private sealed class BoxDensity : ILogDensity
    {
        public int Dimension => 2;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient.Clear();
            return x[0] is > 0 and < 1 && x[1] is > 0 and < 1 ? 0 : double.NegativeInfinity;
        }
    }

    private sealed class SynchronousProgress(List<ProgressReport> reports) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
