using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Channels;

namespace InfluenceModel.Tests.Channels;

public class CurveAndAdstockTests
{
    private static readonly IResponseCurve[] AllCurves =
    [
        new HillCurve(100, 50, 0.6), new HillCurve(100, 50, 1), new HillCurve(100, 50, 3),
        new LogisticCurve(80, 0.03), new MichaelisMentenCurve(120, 40),
    ];

    public static TheoryData<IResponseCurve> Curves() => new(AllCurves);

    [Theory]
    [MemberData(nameof(Curves))]
    public void Derivative_MatchesCentralDifference(IResponseCurve curve)
    {
        foreach (double x in new[] { 1.0, 10, 37, 50, 120, 400 })
        {
            double h = 1e-5 * x;
            double numeric = (curve.Value(x + h) - curve.Value(x - h)) / (2 * h);
            Assert.Equal(numeric, curve.Derivative(x), 1e-6 * Math.Max(1, numeric));
        }
    }

    [Fact]
    public void Curves_MatchTheirClosedForms()
    {
        Assert.Equal(50, new HillCurve(100, 40, 2.5).Value(40), 1e-12);
        Assert.Equal(100 * 30 * 30 / ((30 * 30) + (40 * 40)), new HillCurve(100, 40, 2).Value(30), 1e-12);
        Assert.Equal(80 * (1 - Math.Exp(-0.5)) / (1 + Math.Exp(-0.5)), new LogisticCurve(80, 0.01).Value(50), 1e-12);
        Assert.Equal(120 * 10 / 50.0, new MichaelisMentenCurve(120, 40).Value(10), 1e-12);
        Assert.Equal(40 * Math.Pow(1.5 / 3.5, 1 / 2.5), new HillCurve(1, 40, 2.5).InflectionPoint, 1e-12);
        Assert.Equal(0, new HillCurve(1, 40, 1).InflectionPoint);
    }

    [Property]
    public bool Curves_AreNondecreasingAndStartAtZero(PositiveInt a, PositiveInt b)
    {
        double x1 = Math.Min(a.Get, b.Get) / 10.0, x2 = Math.Max(a.Get, b.Get) / 10.0;
        foreach (var curve in AllCurves)
        {
            Assert.Equal(0, curve.Value(0));
            Assert.True(curve.Value(x1) <= curve.Value(x2) + 1e-12);
            Assert.True(curve.Derivative(x1) >= 0);
        }

        return true;
    }

    [Fact]
    public void BadCurveParameters_ThrowNamingParameter()
    {
        Assert.Equal("kappa", Assert.Throws<ArgumentOutOfRangeException>(() => new HillCurve(1, 0, 1)).ParamName);
        Assert.Equal("kappa", Assert.Throws<ArgumentOutOfRangeException>(() => new HillCurve(1, -3, 1)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new HillCurve(double.NaN, 1, 1)).ParamName);
        Assert.Equal("slope", Assert.Throws<ArgumentOutOfRangeException>(() => new HillCurve(1, 1, 0)).ParamName);
        // Far past saturation (x/κ)^s overflows: the derivative is 0, not ∞/∞ = NaN.
        Assert.Equal(0, new HillCurve(100, 10, 50).Derivative(1e8));
        Assert.Equal("lambda", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticCurve(1, 0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new MichaelisMentenCurve(-1, 1)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => new MichaelisMentenCurve(1, 1).Value(-1)).ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void GeometricAdstock_AlphaOutsideUnitInterval_Throws(double alpha)
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new GeometricAdstock(alpha)).ParamName);
    }

    [Fact]
    public void GeometricAdstock_MatchesRecursionAndPyMcWeights()
    {
        var adstock = new GeometricAdstock(0.5, 4);
        Assert.Equal([1, 0.5, 0.25, 0.125], adstock.Weights);
        Assert.Equal([1.0, 2.5, 1.25, 0.625, 0.3125 - 0.0625 * 1], adstock.Apply([1, 2, 0, 0, 0]).Select(v => Math.Round(v, 12)));
        var normalized = new GeometricAdstock(0.5, 4, normalize: true);
        Assert.Equal(1, normalized.Weights.Sum(), 1e-12);
        // Without truncation a_t = x_t + α·a_{t−1}.
        var longLag = new GeometricAdstock(0.3, 200);
        double[] x = [3, 1, 4, 1, 5, 9, 2, 6];
        double[] a = longLag.Apply(x);
        for (int t = 1; t < x.Length; t++)
        {
            Assert.Equal(x[t] + (0.3 * a[t - 1]), a[t], 1e-12);
        }

        Assert.Equal("spend", Assert.Throws<ArgumentOutOfRangeException>(() => adstock.Apply([1, -1])).ParamName);
    }

    [Fact]
    public void WeibullAdstock_MatchesPyMcMarketingDefinitions()
    {
        // CDF: w0 = 1, w_l = Π_{i≤l} exp(−(i/λ)^k).
        var cdf = new WeibullAdstock(shape: 1.5, scale: 2, maxLag: 4, kind: WeibullKind.Cdf);
        double s1 = Math.Exp(-Math.Pow(0.5, 1.5)), s2 = Math.Exp(-Math.Pow(1.0, 1.5)), s3 = Math.Exp(-Math.Pow(1.5, 1.5));
        Assert.Equal(new[] { 1, s1, s1 * s2, s1 * s2 * s3 }, cdf.Weights.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        // PDF: density at t = 1..L, min–max scaled.
        var pdf = new WeibullAdstock(shape: 2, scale: 3, maxLag: 5, kind: WeibullKind.Pdf);
        double[] d = Enumerable.Range(1, 5).Select(t => 2 / 3.0 * (t / 3.0) * Math.Exp(-Math.Pow(t / 3.0, 2))).ToArray();
        double min = d.Min(), max = d.Max();
        Assert.Equal(d.Select(v => (v - min) / (max - min)).ToArray(), pdf.Weights.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal("shape", Assert.Throws<ArgumentOutOfRangeException>(() => new WeibullAdstock(0, 1)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new WeibullAdstock(1, -1)).ParamName);
        Assert.Equal("maxLag", Assert.Throws<ArgumentOutOfRangeException>(() => new WeibullAdstock(1, 1, 0)).ParamName);
    }

    [Fact]
    public void Fatigue_DecaysToFloor()
    {
        var fatigue = new FatigueModel(0.2, 0.4);
        Assert.Equal(1, fatigue.Multiplier(0));
        Assert.Equal(0.4 + (0.6 * 0.8 * 0.8), fatigue.Multiplier(2), 1e-12);
        Assert.Equal(0.4, fatigue.Multiplier(10_000), 1e-12);
        Assert.Equal("Floor", Assert.Throws<ArgumentOutOfRangeException>(() => new FatigueModel(0.1, 1.5)).ParamName);
        Assert.Equal("DeclinePerPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => new FatigueModel(-0.1, 0.5)).ParamName);
        Assert.Equal("periodsPresent", Assert.Throws<ArgumentOutOfRangeException>(() => fatigue.Multiplier(-1)).ParamName);
    }

    [Fact]
    public void Channel_ResponseOverTime_AppliesAdstockAndFatigue()
    {
        var channel = new Channel("c", [0.5], 0, new MichaelisMentenCurve(100, 10), new GeometricAdstock(0.5, 3), new FatigueModel(0.5, 0));
        double[] y = channel.ResponseOverTime([10, 10, 0]);
        Assert.Equal(50, y[0], 1e-12);
        Assert.Equal(100 * 15 / 25.0 * 0.5, y[1], 1e-12);
        Assert.Equal(100 * 7.5 / 17.5 * 0.25, y[2], 1e-12);
        Assert.Equal("audience", Assert.Throws<ArgumentOutOfRangeException>(() => new Channel("c", [1.5], 0, new MichaelisMentenCurve(1, 1))).ParamName);
        Assert.Equal("fixedCost", Assert.Throws<ArgumentOutOfRangeException>(() => new Channel("c", [0.5], -1, new MichaelisMentenCurve(1, 1))).ParamName);
    }

    [Property]
    public bool AudienceOverlap_IsMonotoneAndSubmodular(PositiveInt seed)
    {
        var rng = new System.Random(seed.Get);
        var channels = ChannelSelectorTests.RandomChannels(rng, 5, 4);
        var audience = new AudienceOverlap([100.0, 50, 10, 400]);
        var a = channels.Take(2).ToList();
        var b = channels.Take(4).ToList();
        var e = channels[4];
        Assert.True(audience.Reach(b) >= audience.Reach(a) - 1e-9);
        Assert.True(audience.Reach([.. a, e]) - audience.Reach(a) >= audience.Reach([.. b, e]) - audience.Reach(b) - 1e-9);
        Assert.InRange(audience.Reach(channels), 0, audience.TotalAudience + 1e-9);
        return true;
    }

    [Fact]
    public void AudienceOverlap_MatchesFormula()
    {
        var audience = new AudienceOverlap([100.0, 200]);
        var c1 = new Channel("a", [0.5, 0.1], 0, new MichaelisMentenCurve(1, 1));
        var c2 = new Channel("b", [0.2, 0.4], 0, new MichaelisMentenCurve(1, 1));
        Assert.Equal((100 * (1 - (0.5 * 0.8))) + (200 * (1 - (0.9 * 0.6))), audience.Reach([c1, c2]), 1e-12);
    }
}
