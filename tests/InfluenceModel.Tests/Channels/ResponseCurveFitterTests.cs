using InfluenceModel.Channels;
using InfluenceModel.Internal;

namespace InfluenceModel.Tests.Channels;

public class ResponseCurveFitterTests
{
    private static (double[] Spend, double[] Outcome) Synthetic(IResponseCurve curve, IAdstock adstock, int periods, double noise, ulong seed)
    {
        var rng = new Xoshiro256(seed, 0);
        var spend = new double[periods];
        for (int t = 0; t < periods; t++)
        {
            spend[t] = rng.NextDouble() < 0.15 ? 0 : 300 * rng.NextDouble();
        }

        double[] effective = adstock.Apply(spend);
        var outcome = new double[periods];
        for (int t = 0; t < periods; t++)
        {
            outcome[t] = Math.Max(0, curve.Value(effective[t]) + (noise * rng.NextGaussian()));
        }

        return (spend, outcome);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Fit_HillWithGeometricAdstock_RecoversParametersWithinThreeStandardErrors(ulong seed)
    {
        var truth = new HillCurve(1000, 120, 1.8);
        var adstock = new GeometricAdstock(0.5, 8, normalize: true);
        (double[] spend, double[] outcome) = Synthetic(truth, adstock, 156, 15, seed);
        var fit = ResponseCurveFitter.Fit(spend, outcome, CurveFamily.Hill, AdstockFamily.Geometric);
        double[] expected = [1000, 120, 1.8, 0.5];
        Assert.Equal(["beta", "kappa", "slope", "adstockAlpha"], fit.Parameters.Select(p => p.Name));
        for (int j = 0; j < expected.Length; j++)
        {
            var p = fit.Parameters[j];
            Assert.True(double.IsFinite(p.StandardError) && p.StandardError > 0, $"{p.Name}: SE {p.StandardError}");
            Assert.True(Math.Abs(p.Estimate - expected[j]) <= 3 * p.StandardError, $"{p.Name}: {p.Estimate} vs {expected[j]} ± 3·{p.StandardError}");
        }

        Assert.InRange(fit.RSquared, 0.95, 1);
        Assert.InRange(fit.ResidualStandardError, 12, 18);
        Assert.InRange(fit.Mape, 0, 0.2);
    }

    [Fact]
    public void Fit_MichaelisMentenWithoutAdstock_RecoversParameters()
    {
        var truth = new MichaelisMentenCurve(500, 80);
        (double[] spend, double[] outcome) = Synthetic(truth, new GeometricAdstock(0, 1), 100, 5, 9);
        var fit = ResponseCurveFitter.Fit(spend, outcome, CurveFamily.MichaelisMenten, AdstockFamily.None);
        Assert.True(Math.Abs(fit.Parameters[0].Estimate - 500) <= 3 * fit.Parameters[0].StandardError);
        Assert.True(Math.Abs(fit.Parameters[1].Estimate - 80) <= 3 * fit.Parameters[1].StandardError);
        Assert.Null(fit.Adstock);
    }

    [Fact]
    public void Fit_LogisticWithWeibullAdstock_FitsWell()
    {
        var truth = new LogisticCurve(400, 0.01);
        (double[] spend, double[] outcome) = Synthetic(truth, new WeibullAdstock(1.5, 2, 8, WeibullKind.Cdf, normalize: true), 150, 4, 5);
        var fit = ResponseCurveFitter.Fit(spend, outcome, CurveFamily.Logistic, AdstockFamily.Weibull);
        Assert.InRange(fit.RSquared, 0.9, 1);
        Assert.True(Math.Abs(fit.Parameters[0].Estimate - 400) <= 3 * fit.Parameters[0].StandardError);
    }

    [Fact]
    public void Fit_BadInput_ThrowsNamingParameter()
    {
        Assert.Equal("spendHistory", Assert.Throws<ArgumentOutOfRangeException>(() => ResponseCurveFitter.Fit([1, -2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7], CurveFamily.Hill, AdstockFamily.None)).ParamName);
        Assert.Equal("outcomeHistory", Assert.Throws<ArgumentException>(() => ResponseCurveFitter.Fit([1, 2, 3], [1, 2], CurveFamily.Hill, AdstockFamily.None)).ParamName);
        Assert.Equal("spendHistory", Assert.Throws<ArgumentException>(() => ResponseCurveFitter.Fit([], [], CurveFamily.Hill, AdstockFamily.None)).ParamName);
        Assert.Equal(nameof(ResponseFitOptions.WeibullKind), Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseFitOptions { WeibullKind = (WeibullKind)7 }).ParamName);
        Assert.Equal("spendHistory", Assert.Throws<ArgumentException>(() => ResponseCurveFitter.Fit([1, 2, 3], [1, 2, 3], CurveFamily.Hill, AdstockFamily.Geometric)).ParamName);
        Assert.Equal("spendHistory", Assert.Throws<ArgumentException>(() => ResponseCurveFitter.Fit(new double[10], new double[10], CurveFamily.Logistic, AdstockFamily.None)).ParamName);
    }
}
