using InfluenceModel.Inference;

namespace InfluenceModel.Tests.Inference;

public class NutsSamplerTests
{
    [Fact]
    public void Sample_CorrelatedGaussian10_MeansWithinFourMcse()
    {
        double[] mean = [1, -2, 3, 0, 0.5, -1, 2, 10, -5, 0];
        double[] sd = [1, 2, 0.5, 1, 3, 1, 1, 0.1, 2, 1];
        var density = GaussianDensity.Ar(mean, sd, 0.9);
        var sample = NutsSampler.Sample(density, new NutsOptions { Chains = 4, Warmup = 500, Draws = 500, Seed = 1 });
        for (int k = 0; k < 10; k++)
        {
            var s = sample.Summary[k];
            Assert.True(Math.Abs(s.Mean - mean[k]) < 4 * s.McseMean, $"{k}: {s.Mean} vs {mean[k]} (MCSE {s.McseMean}, ESS {s.EssBulk}, Rhat {s.Rhat})");
        }

        Assert.Equal(0, sample.Diagnostics.Divergences);
    }
}
