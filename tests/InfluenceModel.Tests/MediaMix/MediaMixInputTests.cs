using InfluenceModel.MediaMix;

namespace InfluenceModel.Tests.MediaMix;

public class MediaMixInputTests
{
    private static readonly DateOnly[] Weeks = [.. Enumerable.Range(0, 10).Select(t => new DateOnly(2024, 1, 1).AddDays(7 * t))];

    private static double[] Ones => [.. Enumerable.Repeat(1.0, 10)];

    private static KeyValuePair<string, IReadOnlyList<double>> Column(string name, double[] values) => new(name, values);

    private static ArgumentException Reject(string param, Action act)
    {
        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Equal(param, ex.ParamName);
        return ex;
    }

    [Fact]
    public void FromColumns_AcceptsWeeklyAndDaily()
    {
        Assert.Equal(DataFrequency.Weekly, MediaMixData.FromColumns(Weeks, Ones, [Column("tv", Ones)]).Frequency);
        DateOnly[] days = [.. Enumerable.Range(0, 10).Select(t => new DateOnly(2024, 1, 1).AddDays(t))];
        MediaMixData daily = MediaMixData.FromColumns(days, Ones, [Column("tv", Ones)], [Column("price", Ones)]);
        Assert.Equal(DataFrequency.Daily, daily.Frequency);
        Assert.Equal(365.25, daily.YearlyPeriod);
        Assert.Equal(["price"], daily.ControlNames);
    }

    [Fact]
    public void FromColumns_RejectsBadInput_NamingRowAndColumn()
    {
        double[] kpi = Ones;
        kpi[4] = double.NaN;
        Assert.Contains("row 4 (2024-01-29), column 'kpi'", Reject("kpi", () => MediaMixData.FromColumns(Weeks, kpi, [Column("tv", Ones)])).Message);
        double[] spend = Ones;
        spend[7] = -1;
        Assert.Contains("row 7 (2024-02-19), column 'tv'", Reject("spend", () => MediaMixData.FromColumns(Weeks, Ones, [Column("tv", spend)])).Message);
        Assert.Contains("'radio' never spends", Reject("spend", () => MediaMixData.FromColumns(Weeks, Ones, [Column("tv", Ones), Column("radio", new double[10])])).Message);
        DateOnly[] duplicated = [.. Weeks];
        duplicated[3] = duplicated[2];
        Assert.Contains("row 3", Reject("dates", () => MediaMixData.FromColumns(duplicated, Ones, [Column("tv", Ones)])).Message);
        DateOnly[] gap = [.. Weeks.Take(5), .. Weeks.Skip(6).Select(d => d.AddDays(7)).Prepend(Weeks[5].AddDays(7))];
        Assert.Contains("missing", Reject("dates", () => MediaMixData.FromColumns(gap, Ones, [Column("tv", Ones)])).Message);
        Reject("dates", () => MediaMixData.FromColumns([.. Weeks.Select((d, i) => d.AddDays(i))], Ones, [Column("tv", Ones)]));
        Reject("dates", () => MediaMixData.FromColumns(Weeks[..5], Ones[..5], [Column("tv", Ones[..5])]));
        Assert.Contains("'tv' has 9 values", Reject("spend", () => MediaMixData.FromColumns(Weeks, Ones, [Column("tv", Ones[..9])])).Message);
        Reject("spend", () => MediaMixData.FromColumns(Weeks, Ones, [Column("tv", Ones), Column("tv", Ones)]));
        Reject("spend", () => MediaMixData.FromColumns(Weeks, Ones, []));
        double[] control = Ones;
        control[2] = double.PositiveInfinity;
        Assert.Contains("column 'price'", Reject("controls", () => MediaMixData.FromColumns(Weeks, Ones, [Column("tv", Ones)], [Column("price", control)])).Message);
        Reject("kpi", () => MediaMixData.FromColumns(Weeks, new double[10], [Column("tv", Ones)]));
    }

    [Fact]
    public void Model_RejectsBadSpecification_NamingTheProperty()
    {
        var tv = new MediaMixChannel { Name = "tv" };
        Reject("Channels", () => _ = new MediaMixModel { Channels = [] });
        Reject("Channels", () => _ = new MediaMixModel { Channels = [tv, tv] });
        Assert.Contains("'kappa'", Reject("Channels", () => _ = new MediaMixModel { Channels = [tv with { Priors = new Dictionary<string, Prior> { ["kappa"] = Prior.Gamma(2, 2) } }] }).Message);
        Assert.Contains("'alpha'", Reject("Channels", () => _ = new MediaMixModel { Channels = [tv with { Priors = new Dictionary<string, Prior> { ["alpha"] = Prior.Gamma(2, 2) } }] }).Message);
        Reject("Channels", () => _ = new MediaMixModel { Channels = [tv with { RoasPrior = Prior.Normal(1, 1) }] });
        Assert.Throws<ArgumentOutOfRangeException>("MaxLag", () => new MediaMixModel { Channels = [tv], MaxLag = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("SeasonalityPairs", () => new MediaMixModel { Channels = [tv], SeasonalityPairs = 21 });
        Assert.Throws<ArgumentOutOfRangeException>("DegreesOfFreedom", () => new MediaMixModel { Channels = [tv], DegreesOfFreedom = 0.5 });
        Assert.Throws<ArgumentOutOfRangeException>("Trend", () => new MediaMixModel { Channels = [tv], Trend = (TrendKind)7 });
        Reject("SigmaPrior", () => _ = new MediaMixModel { Channels = [tv], SigmaPrior = Prior.Normal(0, 1) });
        Reject("InterceptPrior", () => _ = new MediaMixModel { Channels = [tv], InterceptPrior = Prior.Beta(1, 1) });
        Assert.Throws<ArgumentOutOfRangeException>("standardDeviation", () => Prior.Normal(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>("StandardError", () => new LiftTest { Channel = "tv", FirstPeriod = Weeks[0], LastPeriod = Weeks[1], SpendChange = 1, Lift = 1, StandardError = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("SpendChange", () => new LiftTest { Channel = "tv", FirstPeriod = Weeks[0], LastPeriod = Weeks[1], SpendChange = 0, Lift = 1, StandardError = 1 });
    }

    [Fact]
    public void Fit_RejectsDataThatDoNotMatchTheModel()
    {
        MediaMixData data = MediaMixFitTests.CleanData(30, 1);
        var map = new MediaMixFitOptions { Method = FitMethod.Map };
        Assert.Contains("'radio'", Reject("data", () => new MediaMixModel { Channels = [new MediaMixChannel { Name = "radio" }] }.Fit(data, map)).Message);
        Assert.Contains("'price'", Reject("data", () => (MediaMixFitTests.TwoChannelModel with { Controls = ["price"] }).Fit(data, map)).Message);
        Assert.Contains("LiftTests[0]", Reject("model", () => (MediaMixFitTests.TwoChannelModel with { LiftTests = [new LiftTest { Channel = "radio", FirstPeriod = data.Dates[2], LastPeriod = data.Dates[3], SpendChange = 1, Lift = 1, StandardError = 1 }] }).Fit(data, map)).Message);
        Assert.Contains("LiftTests[0]", Reject("model", () => (MediaMixFitTests.TwoChannelModel with { LiftTests = [new LiftTest { Channel = "tv", FirstPeriod = data.Dates[5], LastPeriod = new DateOnly(1999, 1, 1), SpendChange = 1, Lift = 1, StandardError = 1 }] }).Fit(data, map)).Message);
        Assert.Contains("delayed", Reject("model", () => new MediaMixModel { Channels = [new MediaMixChannel { Name = "tv", Adstock = MediaMixAdstockKind.Delayed }], MaxLag = 1 }.Fit(data, map)).Message);
        Assert.Throws<ArgumentNullException>("data", () => MediaMixFitTests.TwoChannelModel.Fit(null!));
        MediaMixFit fit = MediaMixFitTests.TwoChannelModel.Fit(data, map);
        Reject("channel", () => fit.ResponseCurve("radio"));
        Reject("spendPerPeriod", () => fit.PlanResponse([1.0]));
        Assert.Throws<ArgumentOutOfRangeException>("draw", () => fit.SteadyStateCurves(1));
    }

    [Fact]
    public void Fit_HonoursCancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => MediaMixFitTests.TwoChannelModel.Fit(MediaMixFitTests.CleanData(30, 1), null, null, cts.Token));
    }
}
