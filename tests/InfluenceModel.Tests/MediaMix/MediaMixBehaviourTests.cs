using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Channels;
using InfluenceModel.DependencyInjection;
using InfluenceModel.MediaMix;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.MediaMix;

public class MediaMixBehaviourTests
{
    private static readonly MediaMixFitOptions Map = new() { Method = FitMethod.Map };

    private static readonly Lazy<MediaMixFit> MapFit = new(() => MediaMixFitTests.TwoChannelModel.Fit(MediaMixFitTests.CleanData(), Map));

    [Fact]
    public void Decomposition_SumsToFitted_AndFittedMatchesPredictedMean()
    {
        var model = MediaMixFitTests.TwoChannelModel with { Trend = TrendKind.PiecewiseLinear, ChangePoints = 2, Controls = ["event0"] };
        MediaMixData data = MediaMixDensityTests.Data(80, 5);
        foreach (MediaMixFit fit in new[] { model.Fit(data, Map), model.Fit(data, new MediaMixFitOptions { Nuts = new InfluenceModel.Inference.NutsOptions { Chains = 2, Warmup = 100, Draws = 50, Seed = 2 } }) })
        {
            MediaMixDecomposition d = fit.Decomposition;
            double[] predicted = fit.PredictMean();
            for (int t = 0; t < d.Fitted.Count; t++)
            {
                double sum = d.Baseline[t] + d.Trend[t] + d.Seasonality[t] + d.Controls[t] + d.Channels.Sum(c => c[t]);
                Assert.Equal(d.Fitted[t], sum, 1e-9 * Math.Max(1, Math.Abs(sum)));
                Assert.Equal(predicted[t], d.Fitted[t], 1e-8 * Math.Max(1, Math.Abs(sum)));
                Assert.True(d.PredictiveLow[t] <= d.Fitted[t] && d.Fitted[t] <= d.PredictiveHigh[t]);
            }

            Assert.NotEqual(0, d.Trend.Max(Math.Abs));
            Assert.NotEqual(0, d.Controls.Max(Math.Abs));
            for (int c = 0; c < fit.Channels.Count; c++)
            {
                Assert.Equal(fit.Channels[c].TotalContribution.Mean, d.Channels[c].Sum(), 1e-6 * fit.Channels[c].TotalContribution.Mean);
            }
        }
    }

    [Fact]
    public void Roas_EqualsContributionOverSpend_AndMarginalRoasMatchesFiniteDifference()
    {
        MediaMixFit fit = MapFit.Value;
        MediaMixData data = MediaMixFitTests.CleanData();
        for (int c = 0; c < 2; c++)
        {
            ChannelContribution ch = fit.Channels[c];
            Assert.Equal(data.Spend(ch.Channel).Sum(), ch.Spend, 1e-9 * ch.Spend);
            Assert.Equal(ch.TotalContribution.Mean / ch.Spend, ch.Roas.Mean, 1e-12);
            Assert.Equal(ch.TotalContribution.Mean / data.Kpi.Sum(), ch.Share.Mean, 1e-12);

            // Oracle: total contribution with the library's own curve and adstock, at spend × (1 ± h).
            IResponseCurve curve = fit.ResponseCurve(ch.Channel);
            IAdstock adstock = fit.Adstock(ch.Channel);
            double Total(double factor) => adstock.Apply([.. data.Spend(ch.Channel).Select(x => x * factor)]).Sum(curve.Value);
            Assert.Equal(ch.TotalContribution.Mean, Total(1), 1e-9 * ch.TotalContribution.Mean);
            const double h = 1e-5;
            double marginal = (Total(1 + h) - Total(1 - h)) / (2 * h * ch.Spend);
            Assert.Equal(marginal, ch.MarginalRoas.Mean, 1e-6 * Math.Abs(marginal));
            Assert.True(ch.MarginalRoas.Mean < ch.Roas.Mean, "a concave curve's marginal ROAS is below its average ROAS");
        }
    }

    [Fact]
    public void Allocate_OnFittedCurves_FavoursTheChannelTheTrueCurvesFavour()
    {
        MediaMixFit fit = MediaMixFitTests.TwoChannelModel.Fit(MediaMixFitTests.CleanData(), MediaMixFitTests.ShortNuts with { Nuts = MediaMixFitTests.ShortNuts.Nuts! with { Warmup = 200, Draws = 100 } });
        TrueChannel[] truth = MediaMixSimulation.TwoChannels();
        // Steady-state true curves: normalised adstock ⇒ Σw = 1, so the curve itself.
        IResponseCurve[] trueCurves = [truth[0].Curve, truth[1].Curve];
        Channel[] trueChannels = [new("tv", [1.0], 0, trueCurves[0]), new("search", [1.0], 0, trueCurves[1])];
        foreach (double budget in new[] { 300.0, 900 })
        {
            Allocation best = BudgetAllocator.Allocate(new AllocationRequest { Channels = trueChannels, Budget = budget });
            Allocation fitted = fit.Allocate(budget);
            Assert.Equal(budget, fitted.TotalSpend, 1e-6 * budget);
            double[] spend = [.. fitted.Channels.Select(c => c.Spend)];
            // The fitted split is within 15 % of the budget of the true optimum, and loses < 2 % of the true response.
            Assert.Equal(best.Channels[0].Spend, spend[0], 0.15 * budget);
            double achieved = trueCurves[0].Value(spend[0]) + trueCurves[1].Value(spend[1]);
            Assert.InRange(achieved, 0.98 * best.TotalResponse, best.TotalResponse + 1e-9);
            PosteriorInterval plan = fit.PlanResponse(spend);
            Assert.Equal(fitted.TotalResponse, plan.Mean, 1e-9 * plan.Mean);
            Assert.True(plan.Low < plan.Mean && plan.Mean < plan.High);
        }
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Allocate_RejectsABadBudget_NamingIt(double budget)
    {
        MediaMixFit fit = MediaMixFitTests.TwoChannelModel.Fit(MediaMixFitTests.CleanData(40, 3), new MediaMixFitOptions { Method = FitMethod.Map });
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => fit.Allocate(budget));
        Assert.Equal("budgetPerPeriod", e.ParamName);
        Assert.Equal(2, fit.FittedChannels().Count);
        Assert.Equal(0, fit.Allocate(0).TotalSpend);
    }

    [Fact]
    public void SameSeed_GivesBitIdenticalFits_AtAnyParallelism()
    {
        MediaMixData data = MediaMixFitTests.CleanData(60, 9);
        MediaMixFit Run(int threads) => MediaMixFitTests.TwoChannelModel.Fit(data, new MediaMixFitOptions { Nuts = new InfluenceModel.Inference.NutsOptions { Chains = 2, Warmup = 60, Draws = 30, Seed = 5, MaxDegreeOfParallelism = threads } });
        MediaMixFit one = Run(1), two = Run(2);
        Assert.Equal(one.Parameters.Select(p => p.Mean), two.Parameters.Select(p => p.Mean));
        Assert.Equal(one.Channels[0].Contribution, two.Channels[0].Contribution);
        Assert.Equal(one.Decomposition.PredictiveLow, two.Decomposition.PredictiveLow);
    }

    [Fact]
    public void DiPath_EqualsStaticPath()
    {
        using ServiceProvider provider = new ServiceCollection().AddInfluenceModel().BuildServiceProvider();
        var fitter = provider.GetRequiredService<IMediaMixFitter>();
        MediaMixData data = MediaMixFitTests.CleanData(40, 2);
        var options = new MediaMixFitOptions { Nuts = new InfluenceModel.Inference.NutsOptions { Chains = 1, Warmup = 40, Draws = 20 } };
        Assert.Equal(MediaMixFitTests.TwoChannelModel.Fit(data, options).Parameters, fitter.Fit(MediaMixFitTests.TwoChannelModel, data, options).Parameters);
        Assert.Equal(MediaMixFitTests.TwoChannelModel.Fit(data, Map).Parameters, fitter.Fit(MediaMixFitTests.TwoChannelModel, data, Map).Parameters);
    }

    [Fact]
    public void LiftTest_PullsTheChannelTowardsTheMeasuredLift()
    {
        MediaMixData data = MediaMixFitTests.CleanData(52, 4);
        var window = (First: MediaMixSimulation.Start.AddDays(7 * 10), Last: MediaMixSimulation.Start.AddDays(7 * 19));
        MediaMixFit plain = MediaMixFitTests.TwoChannelModel.Fit(data, Map);
        double Lift(MediaMixFit fit)
        {
            IResponseCurve curve = fit.ResponseCurve("tv");
            IAdstock adstock = fit.Adstock("tv");
            double[] x = [.. data.Spend("tv")];
            double[] bumped = [.. x.Select((v, t) => t >= 10 && t <= 19 ? v + 200 : v)];
            double[] a0 = adstock.Apply(x), a1 = adstock.Apply(bumped);
            return Enumerable.Range(10, 10).Sum(t => curve.Value(a1[t]) - curve.Value(a0[t]));
        }

        double before = Lift(plain);
        double target = 2 * before;
        var calibrated = MediaMixFitTests.TwoChannelModel with { LiftTests = [new LiftTest { Channel = "tv", FirstPeriod = window.First, LastPeriod = window.Last, SpendChange = 200, Lift = target, StandardError = 0.01 * before }] };
        double after = Lift(calibrated.Fit(data, Map));
        Assert.InRange(after, 0.9 * target, 1.1 * target);
    }

    [Property(MaxTest = 25)]
    public Property Contributions_NonNegative_SharesAndRoasFinite() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            MediaMixFit fit = MapFit.Value;
            double[] v = (double[])fit.DrawValues(0).Clone();
            // Any β ≥ 0 and any positive curve parameters: recompute through the public bridge.
            IReadOnlyList<IResponseCurve> curves = fit.SteadyStateCurves(0);
            double spend = random.NextDouble() * 5000;
            bool ok = curves.All(c => c.Value(spend) >= 0 && double.IsFinite(c.Value(spend)) && c.Derivative(spend) >= 0);
            ok &= fit.Channels.All(c => c.Contribution.All(x => x >= 0) && double.IsFinite(c.Share.Mean) && double.IsFinite(c.Roas.Mean) && double.IsFinite(c.MarginalRoas.Mean));
            ok &= v.All(double.IsFinite);
            return ok;
        });

    [Property(MaxTest = 15)]
    public Property AnyChannelKinds_GiveFiniteNonNegativeContributions() =>
        Prop.ForAll(Gen.Elements(Enum.GetValues<MediaMixAdstockKind>()).ToArbitrary(), Gen.Elements(Enum.GetValues<ResponseCurveKind>()).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (adstock, saturation, seed) =>
        {
            var model = new MediaMixModel { Channels = [new MediaMixChannel { Name = "tv", Adstock = adstock, Saturation = saturation }, new MediaMixChannel { Name = "search" }], SeasonalityPairs = 1 };
            MediaMixFit fit = model.Fit(MediaMixFitTests.CleanData(40, seed), Map);
            return fit.Channels.All(c => c.Contribution.All(x => x >= 0 && double.IsFinite(x)) && c.Share.Mean >= 0 && double.IsFinite(c.Roas.Mean) && c.MarginalRoas.Mean >= 0)
                && double.IsFinite(fit.Quality.RSquared) && fit.Parameters.All(p => double.IsFinite(p.Mean));
        });

    [Fact]
    public void CrossValidate_GivesOutOfSampleFitPerFold()
    {
        MediaMixData data = MediaMixFitTests.CleanData(80, 6);
        MediaMixCrossValidation cv = MediaMixFit.CrossValidate(MediaMixFitTests.TwoChannelModel, data, folds: 3, horizon: 8, Map);
        Assert.Equal([56, 64, 72], cv.Folds.Select(f => f.TrainingPeriods));
        Assert.All(cv.Folds, f => Assert.InRange(f.RSquared, 0.5, 1));
        Assert.InRange(cv.MeanMape, 0, 0.1);
        Assert.Throws<ArgumentOutOfRangeException>("horizon", () => MediaMixFit.CrossValidate(MediaMixFitTests.TwoChannelModel, data, folds: 5, horizon: 10, Map));
    }
}
