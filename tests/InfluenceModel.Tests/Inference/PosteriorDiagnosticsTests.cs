using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Inference;
using MathNet.Numerics.Distributions;

namespace InfluenceModel.Tests.Inference;

public class PosteriorDiagnosticsTests
{
    /// <summary>AR(1) chains x_t = ρx_{t−1} + √(1−ρ²)·ε_t started at stationarity; their ESS is N(1−ρ)/(1+ρ).</summary>
    private static double[][] Ar1(int chains, int n, double rho, int seed, double[]? offsets = null)
    {
        var rng = new Random(seed);
        var result = new double[chains][];
        for (int c = 0; c < chains; c++)
        {
            var x = new double[n];
            x[0] = Normal.Sample(rng, 0, 1);
            for (int t = 1; t < n; t++)
            {
                x[t] = (rho * x[t - 1]) + (Math.Sqrt(1 - (rho * rho)) * Normal.Sample(rng, 0, 1));
            }

            if (offsets is not null)
            {
                for (int t = 0; t < n; t++)
                {
                    x[t] += offsets[c];
                }
            }

            result[c] = x;
        }

        return result;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void EssMean_Ar1Chains_MatchesTheoreticalEss(double rho)
    {
        // 4 × 20,000 draws: the ESS estimate's own relative error is a few per cent.
        double[][] chains = Ar1(4, 20_000, rho, seed: 42);
        double expected = 4 * 20_000 * (1 - rho) / (1 + rho);
        double ess = PosteriorDiagnostics.EssMean(chains);
        Assert.InRange(ess / expected, 0.9, 1.1);
        // Bulk-ESS of a Gaussian AR(1) is the same quantity on ranks.
        Assert.InRange(PosteriorDiagnostics.EssBulk(chains) / expected, 0.9, 1.1);
        // The tail-ESS of indicators of a correlated chain is at least of that order, and never above the total.
        Assert.InRange(PosteriorDiagnostics.EssTail(chains), 0.5 * expected, 4 * 20_000 * 1.1);
    }

    [Fact]
    public void SplitRhatAndEss_SmallFixedArray_MatchBruteForceFormulas()
    {
        // Two chains of 8 draws; an independent textbook computation (direct sums, no FFT) of the same definitions.
        double[][] chains =
        [
            [0.3, -1.2, 0.8, 1.9, -0.4, 0.1, 2.2, -0.7],
            [1.1, 0.6, -0.3, 2.5, 0.9, 1.7, -0.2, 1.4],
        ];
        double[][] split = [[0.3, -1.2, 0.8, 1.9], [-0.4, 0.1, 2.2, -0.7], [1.1, 0.6, -0.3, 2.5], [0.9, 1.7, -0.2, 1.4]];
        // Rank-normalise the 16 distinct values: z = Φ⁻¹((r − 3/8)/(16 + 1/4)).
        double[] all = split.SelectMany(s => s).Order().ToArray();
        double[][] z = split.Select(s => s.Select(v => Normal.InvCDF(0, 1, (Array.IndexOf(all, v) + 1 - 0.375) / 16.25)).ToArray()).ToArray();
        double bulk = BruteRhat(z);
        double median = (all[7] + all[8]) / 2;
        double[] foldedAll = split.SelectMany(s => s).Select(v => Math.Abs(v - median)).Order().ToArray();
        double[][] zf = split.Select(s => s.Select(v => Normal.InvCDF(0, 1, (AverageRank(foldedAll, Math.Abs(v - median)) - 0.375) / 16.25)).ToArray()).ToArray();
        double tail = BruteRhat(zf);
        Assert.Equal(Math.Max(bulk, tail), PosteriorDiagnostics.SplitRhat(chains), 12);
        Assert.Equal(BruteEss(z), PosteriorDiagnostics.EssBulk(chains), 10);
        Assert.Equal(BruteEss(split), PosteriorDiagnostics.EssMean(chains), 10);
    }

    private static double AverageRank(double[] sorted, double v)
    {
        int first = Array.FindIndex(sorted, x => Math.Abs(x - v) < 1e-12), last = Array.FindLastIndex(sorted, x => Math.Abs(x - v) < 1e-12);
        return ((first + 1) + (last + 1)) / 2.0;
    }

    private static double BruteRhat(double[][] seqs)
    {
        int m = seqs.Length, n = seqs[0].Length;
        double[] means = seqs.Select(s => s.Average()).ToArray();
        double grand = means.Average();
        double b = n / (m - 1.0) * means.Sum(x => (x - grand) * (x - grand));
        double w = seqs.Select((s, i) => s.Sum(x => (x - means[i]) * (x - means[i])) / (n - 1)).Average();
        return Math.Sqrt((((n - 1.0) / n * w) + (b / n)) / w);
    }

    /// <summary>Stan's ESS with direct autocovariances and Geyer's initial monotone sequence, written out plainly.</summary>
    private static double BruteEss(double[][] seqs)
    {
        int m = seqs.Length, n = seqs[0].Length;
        double[] means = seqs.Select(s => s.Average()).ToArray();
        double Acov(int c, int lag) => Enumerable.Range(0, n - lag).Sum(i => (seqs[c][i] - means[c]) * (seqs[c][i + lag] - means[c])) / n;
        double w = Enumerable.Range(0, m).Average(c => Acov(c, 0)) * n / (n - 1.0);
        double grand = means.Average();
        double varPlus = (w * (n - 1.0) / n) + (means.Sum(x => (x - grand) * (x - grand)) / (m - 1.0));
        double Rho(int lag) => 1 - ((w - Enumerable.Range(0, m).Average(c => Acov(c, lag))) / varPlus);
        var rho = new double[n];
        rho[0] = 1;
        rho[1] = Rho(1);
        double even = 1, odd = rho[1];
        int t = 1;
        while (t < n - 3 && even + odd > 0)
        {
            even = Rho(t + 1);
            odd = Rho(t + 2);
            if (even + odd >= 0)
            {
                rho[t + 1] = even;
                rho[t + 2] = odd;
            }

            t += 2;
        }

        int maxT = t - 2;
        if (even > 0)
        {
            rho[maxT + 1] = even;
        }

        for (t = 1; t <= maxT - 2; t += 2)
        {
            if (rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t])
            {
                rho[t + 1] = rho[t + 2] = (rho[t - 1] + rho[t]) / 2;
            }
        }

        double tau = -1 + (2 * rho.Take(maxT + 1).Sum()) + rho[maxT + 1];
        double s = (double)m * n;
        return s / Math.Max(tau, 1 / Math.Log10(s));
    }

    [Fact]
    public void SplitRhat_ChainsWithDifferentMeans_IsLarge()
    {
        double[][] chains = Ar1(4, 1000, 0.3, seed: 1, offsets: [0, 0, 0, 3]);
        Assert.True(PosteriorDiagnostics.SplitRhat(chains) > 1.1);
        Assert.True(PosteriorDiagnostics.SplitRhat(Ar1(4, 1000, 0.3, seed: 1)) < 1.01);
    }

    [Fact]
    public void SplitRhat_DifferentScalesSameMean_DetectedByFolding()
    {
        // Same location, one chain 5× wider: the bulk R-hat misses it, the folded (tail) R-hat does not.
        double[][] chains = Ar1(4, 1000, 0.0, seed: 3);
        for (int t = 0; t < 1000; t++)
        {
            chains[3][t] *= 5;
        }

        Assert.True(PosteriorDiagnostics.SplitRhat(chains) > 1.05);
    }

    [Fact]
    public void Diagnostics_ConstantAndStuckChains_GiveDocumentedValues()
    {
        double[][] constant = [[2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2]];
        Assert.Equal(1, PosteriorDiagnostics.SplitRhat(constant));
        Assert.Equal(12, PosteriorDiagnostics.EssBulk(constant));
        Assert.Equal(0, PosteriorDiagnostics.McseMean(constant));
        double[][] stuck = [[1, 1, 1, 1], [2, 2, 2, 2]];
        Assert.Equal(double.PositiveInfinity, PosteriorDiagnostics.SplitRhat(stuck));
    }

    [Fact]
    public void Hdi_KnownValues_IsShortestInterval()
    {
        // 100 values: 0..49 dense at 0.01 spacing, then 50 spread to 100: the 50 % HDI is the dense block.
        double[] values = [.. Enumerable.Range(0, 50).Select(i => i * 0.01), .. Enumerable.Range(0, 50).Select(i => 2.0 + (2 * i))];
        var (low, high) = PosteriorDiagnostics.Hdi(values, 0.5);
        Assert.Equal(0, low);
        Assert.Equal(values[50], high); // ⌊0.5·100⌋ = 50 steps from the lowest value
        var (l94, h94) = PosteriorDiagnostics.Hdi([5.0, 1, 4, 2, 3], 0.94);
        Assert.Equal((1.0, 5.0), (l94, h94)); // ⌊0.94·5⌋ = 4: the whole range
    }

    [Fact]
    public void Hdi_StandardNormalDraws_NearPlusMinus1point88()
    {
        var rng = new Random(5);
        double[] draws = Enumerable.Range(0, 200_000).Select(_ => Normal.Sample(rng, 0, 1)).ToArray();
        var (low, high) = PosteriorDiagnostics.Hdi(draws);
        double z = Normal.InvCDF(0, 1, 0.97);
        Assert.Equal(-z, low, 0.03);
        Assert.Equal(z, high, 0.03);
    }

    [Property(MaxTest = 50)]
    public Property Hdi_ContainsMedianAndAbout94PercentOfValues(NonEmptyArray<NormalFloat> input)
    {
        double[] values = input.Get.Select(v => v.Get).ToArray();
        var (low, high) = PosteriorDiagnostics.Hdi(values);
        double[] sorted = values.Order().ToArray();
        int inside = values.Count(v => v >= low && v <= high);
        int expected = (int)Math.Floor(0.94 * values.Length) + 1;
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);
        // The window spans ⌊0.94N⌋ + 1 order statistics (ties may add more): over half the values, so the median is inside.
        return (low <= high && inside >= expected && low <= median && median <= high).ToProperty();
    }

    [Property(MaxTest = 20)]
    public Property Diagnostics_IidChains_RhatNearOneEssSaneSummaryFinite(PositiveInt seed)
    {
        var rng = new Random(seed.Get);
        double[][] chains = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 400).Select(_ => Normal.Sample(rng, 2, 3)).ToArray()).ToArray();
        double rhat = PosteriorDiagnostics.SplitRhat(chains);
        double bulk = PosteriorDiagnostics.EssBulk(chains), tail = PosteriorDiagnostics.EssTail(chains);
        double total = 1600;
        ParameterSummary s = PosteriorDiagnostics.Summarize("x", chains);
        bool finite = double.IsFinite(s.Mean) && double.IsFinite(s.StandardDeviation) && double.IsFinite(s.Hdi94Low)
            && double.IsFinite(s.Hdi94High) && double.IsFinite(s.Rhat) && double.IsFinite(s.EssBulk) && double.IsFinite(s.EssTail)
            && double.IsFinite(s.McseMean);
        return (rhat > 0.99 && rhat < 1.02 && bulk > 0.5 * total && bulk <= total * Math.Log10(total)
            && tail > 0.3 * total && tail <= total * Math.Log10(total) && finite && s.Rhat == rhat && s.EssBulk == bulk).ToProperty();
    }

    [Fact]
    public void Diagnostics_BadInput_ThrowsNamingTheParameter()
    {
        Assert.Equal("chains", Assert.Throws<ArgumentNullException>(() => PosteriorDiagnostics.SplitRhat(null!)).ParamName);
        Assert.Equal("chains", Assert.Throws<ArgumentException>(() => PosteriorDiagnostics.EssBulk([])).ParamName);
        Assert.Equal("chains", Assert.Throws<ArgumentException>(() => PosteriorDiagnostics.EssTail([[1, 2, 3]])).ParamName);
        Assert.Equal("chains", Assert.Throws<ArgumentException>(() => PosteriorDiagnostics.McseMean([[1, 2, 3, 4], [1, 2, 3, 4, 5]])).ParamName);
        Assert.Equal("chains", Assert.Throws<ArgumentOutOfRangeException>(() => PosteriorDiagnostics.SplitRhat([[1, 2, double.NaN, 4]])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => PosteriorDiagnostics.Hdi([])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => PosteriorDiagnostics.Hdi([1, double.PositiveInfinity])).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => PosteriorDiagnostics.Hdi([1, 2], 1)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => PosteriorDiagnostics.Hdi([1, 2], 0)).ParamName);
    }
}
