using InfluenceModel.Channels;
using InfluenceModel.MediaMix;

namespace InfluenceModel.Tests.MediaMix;

public class MediaMixDensityTests
{
    internal static MediaMixData Data(int weeks = 60, int seed = 1) =>
        MediaMixSimulation.Generate(weeks, MediaMixSimulation.TwoChannels(), intercept: 500, sigma: 20, seed, seasonalAmplitude: 30, trend: 50, controlEffects: [40]);

    public static TheoryData<MediaMixAdstockKind, ResponseCurveKind> Combinations()
    {
        var data = new TheoryData<MediaMixAdstockKind, ResponseCurveKind>();
        foreach (MediaMixAdstockKind a in Enum.GetValues<MediaMixAdstockKind>())
        {
            foreach (ResponseCurveKind s in Enum.GetValues<ResponseCurveKind>())
            {
                data.Add(a, s);
            }
        }

        return data;
    }

    /// <summary>Largest |analytic − central difference| / max(1, |analytic|) over the coordinates.</summary>
    internal static double MaxGradientError(MediaMixDensity density, double[] point)
    {
        var gradient = new double[density.Dimension];
        density.Evaluate(point, gradient);
        var scratch = new double[density.Dimension];
        double worst = 0;
        for (int i = 0; i < point.Length; i++)
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(point[i]));
            double[] plus = (double[])point.Clone(), minus = (double[])point.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (density.Evaluate(plus, scratch) - density.Evaluate(minus, scratch)) / (2 * h);
            worst = Math.Max(worst, Math.Abs(fd - gradient[i]) / Math.Max(1, Math.Abs(gradient[i])));
        }

        return worst;
    }

    internal static double[] RandomPoint(MediaMixProblem problem, int seed)
    {
        var random = new Random(seed);
        double[] u = MediaMixEngine.InitialPoint(problem);
        for (int i = 0; i < u.Length; i++)
        {
            u[i] += 0.6 * ((2 * random.NextDouble()) - 1);
        }

        return u;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Gradient_MatchesCentralDifferences_ForEveryAdstockAndSaturation(MediaMixAdstockKind adstock, ResponseCurveKind saturation)
    {
        var model = new MediaMixModel
        {
            Channels =
            [
                new MediaMixChannel { Name = "tv", Adstock = adstock, Saturation = saturation },
                new MediaMixChannel { Name = "search", Adstock = adstock, Saturation = saturation, RoasPrior = Prior.LogNormal(0, 1) },
            ],
            Controls = ["event0"],
            Trend = TrendKind.PiecewiseLinear,
            ChangePoints = 3,
            LiftTests = [new LiftTest { Channel = "tv", FirstPeriod = MediaMixSimulation.Start.AddDays(7 * 20), LastPeriod = MediaMixSimulation.Start.AddDays(7 * 25), SpendChange = 300, Lift = 150, StandardError = 30 }],
        };
        var density = new MediaMixDensity(MediaMixProblem.Create(model, Data(), 60));
        for (int seed = 0; seed < 3; seed++)
        {
            double[] point = RandomPoint(density.Problem, seed);
            Assert.True(double.IsFinite(density.Evaluate(point, new double[density.Dimension])));
            Assert.InRange(MaxGradientError(density, point), 0, 2e-5);
        }
    }

    [Theory]
    [InlineData(LikelihoodKind.Normal, false)]
    [InlineData(LikelihoodKind.StudentT, false)]
    [InlineData(LikelihoodKind.StudentT, true)]
    public void Gradient_MatchesCentralDifferences_ForLikelihoodOptions(LikelihoodKind likelihood, bool normalize)
    {
        var model = new MediaMixModel
        {
            Channels = [new MediaMixChannel { Name = "tv", Adstock = MediaMixAdstockKind.WeibullPdf, Saturation = ResponseCurveKind.Hill }, new MediaMixChannel { Name = "search" }],
            Likelihood = likelihood,
            DegreesOfFreedom = 4,
            NormalizeAdstock = normalize,
            SeasonalityPairs = 3,
        };
        var density = new MediaMixDensity(MediaMixProblem.Create(model, Data(), 60));
        Assert.InRange(MaxGradientError(density, RandomPoint(density.Problem, 7)), 0, 2e-5);
    }

    [Theory]
    [InlineData(MediaMixAdstockKind.Geometric)]
    [InlineData(MediaMixAdstockKind.WeibullCdf)]
    [InlineData(MediaMixAdstockKind.WeibullPdf)]
    public void Kernels_EqualTheChannelsAdstockClasses(MediaMixAdstockKind kind)
    {
        const int lags = 9;
        var w = new double[lags];
        MediaMixKernels.Weights(kind, kind == MediaMixAdstockKind.Geometric ? 0.55 : 1.7, 2.3, normalize: true, w, new double[lags], new double[lags]);
        IAdstock reference = kind switch
        {
            MediaMixAdstockKind.Geometric => new GeometricAdstock(0.55, lags, normalize: true),
            MediaMixAdstockKind.WeibullCdf => new WeibullAdstock(1.7, 2.3, lags, WeibullKind.Cdf, normalize: true),
            _ => new WeibullAdstock(1.7, 2.3, lags, WeibullKind.Pdf, normalize: true),
        };
        for (int l = 0; l < lags; l++)
        {
            Assert.Equal(reference.Weights[l], w[l], 1e-14);
        }
    }

    [Fact]
    public void Kernels_SaturationEqualsTheChannelsCurves()
    {
        foreach (double a in new[] { 0.0, 0.05, 0.4, 1.3, 7 })
        {
            Assert.Equal(new LogisticCurve(1, 2.5).Value(a), MediaMixKernels.Saturate(ResponseCurveKind.Logistic, a, 2.5, 0, out _, out _, out _), 1e-14);
            Assert.Equal(new HillCurve(1, 0.6, 2.2).Value(a), MediaMixKernels.Saturate(ResponseCurveKind.Hill, a, 0.6, 2.2, out _, out _, out _), 1e-14);
            Assert.Equal(new MichaelisMentenCurve(1, 0.6).Value(a), MediaMixKernels.Saturate(ResponseCurveKind.MichaelisMenten, a, 0.6, 0, out _, out _, out _), 1e-14);
        }
    }

    [Fact]
    public void Delayed_PeaksAtTheta()
    {
        var w = new double[8];
        MediaMixKernels.Weights(MediaMixAdstockKind.Delayed, 0.5, 3, normalize: false, w, new double[8], new double[8]);
        Assert.Equal(1.0, w[3], 15);
        Assert.Equal(0.5, w[2], 15);
        Assert.Equal(Math.Pow(0.5, 4), w[5], 15);
    }

    [Fact]
    public void Evaluate_AtExtremePoint_IsNegativeInfinityOrFinite_NeverNaN()
    {
        var model = new MediaMixModel { Channels = [new MediaMixChannel { Name = "tv", Saturation = ResponseCurveKind.Hill, Adstock = MediaMixAdstockKind.WeibullCdf }, new MediaMixChannel { Name = "search" }] };
        var density = new MediaMixDensity(MediaMixProblem.Create(model, Data(), 60));
        var gradient = new double[density.Dimension];
        foreach (double value in new[] { -800.0, -40, 40, 800 })
        {
            var point = Enumerable.Repeat(value, density.Dimension).ToArray();
            double lp = density.Evaluate(point, gradient);
            Assert.False(double.IsNaN(lp));
            Assert.All(gradient, g => Assert.True(double.IsFinite(g)));
        }
    }
}
