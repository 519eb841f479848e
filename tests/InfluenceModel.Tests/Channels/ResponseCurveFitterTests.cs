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
        var fit = ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = spend, OutcomeHistory = outcome, Curve = ResponseCurveKind.Hill, Adstock = AdstockKind.Geometric });
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
        var fit = ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = spend, OutcomeHistory = outcome, Curve = ResponseCurveKind.MichaelisMenten, Adstock = AdstockKind.None });
        Assert.True(Math.Abs(fit.Parameters[0].Estimate - 500) <= 3 * fit.Parameters[0].StandardError);
        Assert.True(Math.Abs(fit.Parameters[1].Estimate - 80) <= 3 * fit.Parameters[1].StandardError);
        Assert.Null(fit.Adstock);
    }

    [Fact]
    public void Fit_LogisticWithWeibullAdstock_FitsWell()
    {
        var truth = new LogisticCurve(400, 0.01);
        (double[] spend, double[] outcome) = Synthetic(truth, new WeibullAdstock(1.5, 2, 8, WeibullKind.Cdf, normalize: true), 150, 4, 5);
        var fit = ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = spend, OutcomeHistory = outcome, Curve = ResponseCurveKind.Logistic, Adstock = AdstockKind.Weibull });
        Assert.InRange(fit.RSquared, 0.9, 1);
        Assert.True(Math.Abs(fit.Parameters[0].Estimate - 400) <= 3 * fit.Parameters[0].StandardError);
    }

    [Fact]
    public void Fit_BadInput_ThrowsNamingParameter()
    {
        Assert.Equal(nameof(ResponseFitRequest.SpendHistory), Assert.Throws<ArgumentOutOfRangeException>(() => ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = [1, -2, 3, 4, 5, 6, 7], OutcomeHistory = [1, 2, 3, 4, 5, 6, 7], Curve = ResponseCurveKind.Hill, Adstock = AdstockKind.None })).ParamName);
        Assert.Equal(nameof(ResponseFitRequest.OutcomeHistory), Assert.Throws<ArgumentException>(() => ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = [1, 2, 3], OutcomeHistory = [1, 2], Curve = ResponseCurveKind.Hill, Adstock = AdstockKind.None })).ParamName);
        Assert.Equal(nameof(ResponseFitRequest.SpendHistory), Assert.Throws<ArgumentException>(() => ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = [], OutcomeHistory = [], Curve = ResponseCurveKind.Hill, Adstock = AdstockKind.None })).ParamName);
        Assert.Equal(nameof(ResponseFitRequest.Curve), Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseFitRequest { SpendHistory = [1], OutcomeHistory = [1], Curve = (ResponseCurveKind)7 }).ParamName);
        Assert.Equal(nameof(ResponseFitRequest.Adstock), Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseFitRequest { SpendHistory = [1], OutcomeHistory = [1], Adstock = (AdstockKind)7 }).ParamName);
        Assert.Equal(nameof(ResponseFitOptions.WeibullKind), Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseFitOptions { WeibullKind = (WeibullKind)7 }).ParamName);
        Assert.Equal(nameof(ResponseFitRequest.SpendHistory), Assert.Throws<ArgumentException>(() => ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = [1, 2, 3], OutcomeHistory = [1, 2, 3], Curve = ResponseCurveKind.Hill, Adstock = AdstockKind.Geometric })).ParamName);
        Assert.Equal(nameof(ResponseFitRequest.SpendHistory), Assert.Throws<ArgumentException>(() => ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = new double[10], OutcomeHistory = new double[10], Curve = ResponseCurveKind.Logistic, Adstock = AdstockKind.None })).ParamName);
    }
}
