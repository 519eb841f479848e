using FsCheck.Xunit;
using InfluenceModel.Community;
using InfluenceModel.DependencyInjection;
using InfluenceModel.Diffusion;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.Community;

public class CommunityRoiCalculatorTests
{
    private static readonly double Ln2 = Math.Log(2);

    /// <summary>
    /// Three periods worked out by hand. Inputs: C = 1000 customers, d = 0.5 ⇒ D = 500 questions per period;
    /// h = 0.1, a_h = 5, l = 0 ⇒ h·a_h + l·a_l = 0.5 answers per member; f_max = 0.6; c_ticket = 10; e_ticket = 0.5 h,
    /// e_fixed = 8 h; fixed cost 1000, c_member = 0.5, launch 2000; w = 0.1; r = 0.1. Observed members
    /// N = 0, 1000·ln 2, 2000·ln 2, so that A/D = 0, ln 2, 2·ln 2 and e^{−A/D} = 1, 1/2, 1/4.
    /// t = 1: N = 0, A = 0, R = 0.6·500·(1 − 1) = 0, D − R = 500, E = 0.5·500 + 8 = 258,
    ///        K = 1000 + 0 + 2000 = 3000, company cost = 10·500 + 3000 = 8000, baseline = 10·500 = 5000,
    ///        V = 5000 − 8000 + 0 = −3000, ΣV = −3000.
    /// t = 2: A = 500·ln 2, R = 0.6·500·(1 − 1/2) = 150, D − R = 350, E = 175 + 8 = 183,
    ///        K = 1000 + 0.5·1000·ln 2 = 1000 + 500·ln 2, company cost = 3500 + K = 4500 + 500·ln 2,
    ///        V = 5000 − 4500 − 500·ln 2 + 0.1·1000·ln 2 = 500 − 400·ln 2 ≈ 222.74 ≥ 0 (break-even),
    ///        ΣV = −2500 − 400·ln 2.
    /// t = 3: A = 1000·ln 2, R = 0.6·500·(1 − 1/4) = 225, D − R = 275, E = 137.5 + 8 = 145.5,
    ///        K = 1000 + 1000·ln 2, company cost = 2750 + K = 3750 + 1000·ln 2,
    ///        V = 5000 − 3750 − 1000·ln 2 + 200·ln 2 = 1250 − 800·ln 2, ΣV = −1250 − 1200·ln 2 &lt; 0 (no payback).
    /// NPV = −3000/1.1 + (500 − 400·ln 2)/1.1² + (1250 − 800·ln 2)/1.1³;
    /// ROI = ΣV/ΣK = (−1250 − 1200·ln 2)/(3000 + 1000 + 500·ln 2 + 1000 + 1000·ln 2) = (−1250 − 1200·ln 2)/(5000 + 1500·ln 2);
    /// tipping point N* = ln 2·500/0.5 = 1000·ln 2.
    /// </summary>
    [Fact]
    public void Compute_HandComputedThreePeriods_MatchesTo1e9()
    {
        var inputs = new CommunityRoiInputs
        {
            Horizon = 3,
            ObservedMembers = [0, 1000 * Ln2, 2000 * Ln2],
            Customers = 2000, // D = C·q = 500 (C covers the 1,386 members: members are customers)
            QuestionsPerCustomer = 0.25,
            LightContributorShare = 0,
            HeavyContributorShare = 0.1,
            HeavyAnswersPerPeriod = 5,
            LightAnswersPerPeriod = 0,
            MaxCommunityResolvedShare = 0.6,
            CostPerTicket = 10,
            EffortHoursPerTicket = 0.5,
            FixedEffortHoursPerPeriod = 8,
            CommunityFixedCostPerPeriod = 1000,
            CostPerMember = 0.5,
            LaunchCost = 2000,
            WordOfMouthValuePerMember = 0.1,
            DiscountRate = 0.1,
        };

        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(inputs);

        double[][] expected =
        [
            // Members, Demand, Resolved, Handled, Effort, CommunityCost, CompanyCost, Baseline, Net, Cumulative
            [0, 500, 0, 500, 258, 3000, 8000, 5000, -3000, -3000],
            [1000 * Ln2, 500, 150, 350, 183, 1000 + (500 * Ln2), 4500 + (500 * Ln2), 5000, 500 - (400 * Ln2), -2500 - (400 * Ln2)],
            [2000 * Ln2, 500, 225, 275, 145.5, 1000 + (1000 * Ln2), 3750 + (1000 * Ln2), 5000, 1250 - (800 * Ln2), -1250 - (1200 * Ln2)],
        ];
        Assert.Equal(3, curve.Points.Count);
        for (int t = 0; t < 3; t++)
        {
            CommunityRoiPoint p = curve.Points[t];
            double[] actual = [p.Members, p.Demand, p.CommunityResolved, p.CompanyHandled, p.CompanyEffortHours, p.CommunityCost, p.CompanyCost, p.BaselineCost, p.NetValue, p.CumulativeNetValue];
            Assert.Equal(t + 1, p.Period);
            for (int k = 0; k < actual.Length; k++)
            {
                Assert.Equal(expected[t][k], actual[k], 1e-9);
            }
        }

        Assert.Equal(2, curve.BreakEvenPeriod);
        Assert.Null(curve.PaybackPeriod);
        double npv = (-3000 / 1.1) + ((500 - (400 * Ln2)) / (1.1 * 1.1)) + ((1250 - (800 * Ln2)) / (1.1 * 1.1 * 1.1));
        Assert.Equal(npv, curve.NetPresentValue, 1e-9);
        Assert.Equal((-1250 - (1200 * Ln2)) / (5000 + (1500 * Ln2)), curve.ReturnOnInvestment!.Value, 1e-12);
        Assert.Equal(1000 * Ln2, curve.TippingPointMembers!.Value, 1e-9);
    }

    [Fact]
    public void Compute_Defaults_MatchIndependentReference()
    {
        // Reference: a separate 20-line Python implementation of the same equations (docs/models/community-roi.md),
        // with the textbook form F = (1 − e)/(1 + (q/p)e): members at t = 12, resolved, net value, and the summary.
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(CommunityRoiInputs.Default);

        Assert.Equal(36, curve.Points.Count);
        Assert.Equal(8810.585285373814, curve.Points[11].Members, 1e-8);
        Assert.Equal(1220.222480177425, curve.Points[11].CommunityResolved, 1e-8);
        Assert.Equal(6105.603263023353, curve.Points[11].NetValue, 1e-7);
        Assert.Equal(-61222.57295341431, curve.Points[0].NetValue, 1e-7);
        Assert.Equal(9, curve.BreakEvenPeriod);
        Assert.Equal(20, curve.PaybackPeriod);
        Assert.Equal(222733.606316165, curve.NetPresentValue, 1e-6);
        Assert.Equal(0.5468099107724431, curve.ReturnOnInvestment!.Value, 1e-12);
        Assert.Equal(9120.357638946649, curve.TippingPointMembers!.Value, 1e-8);
    }

    [Fact]
    public void Compute_MoreMembersThanCustomers_IsRefused_NamingBoth()
    {
        // Issue 16: customers 20,000 under the default market potential of 25,000 grew to 21,991 members silently.
        var ex = Assert.Throws<ArgumentException>(() => CommunityRoiCalculator.Compute(CommunityRoiInputs.Default with { Customers = 20_000 }));
        Assert.Equal("inputs", ex.ParamName);
        Assert.Contains("MarketPotential (25,000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Customers (20,000)", ex.Message, StringComparison.Ordinal);

        var observed = Assert.Throws<ArgumentException>(() => CommunityRoiCalculator.Compute(CommunityRoiInputs.Default with { Customers = 100, ObservedMembers = [50, 120] }));
        Assert.Contains("ObservedMembers (120)", observed.Message, StringComparison.Ordinal);

        // At the bound it is allowed: every customer may join.
        Assert.NotNull(CommunityRoiCalculator.Compute(CommunityRoiInputs.Default with { Customers = 25_000 }));
    }

    [Fact]
    public void Sensitivity_NeverMovesCustomersBelowTheMembers()
    {
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(CommunityRoiInputs.Default with { Customers = 28_000 });
        var rows = curve.Sensitivity(0.2);
        Assert.Equal(25_000, rows.Single(r => r.Input == "Customers").LowValue);       // not 22,400
        Assert.Equal(28_000, rows.Single(r => r.Input == "MarketPotential").HighValue); // not 30,000
    }

    [Theory]
    [InlineData(500.0, 50_000.0, 0.1, 0.5)]
    [InlineData(20_000.0, 50_000.0, 0.1, 0.9)]
    [InlineData(3.0, 7.0, 2.0, 1.0)]
    public void Compute_ConstantMembers_ResolvedEqualsClosedForm(double members, double customers, double questions, double fMax)
    {
        var inputs = CommunityRoiInputs.Default with
        {
            Horizon = 12,
            ObservedMembers = [members],
            Customers = customers,
            QuestionsPerCustomer = questions,
            MaxCommunityResolvedShare = fMax,
        };
        double demand = customers * questions;
        double capacity = members * ((0.01 * 20) + (0.09 * 2));
        double closedForm = fMax * demand * (1 - Math.Exp(-capacity / demand));

        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(inputs);

        Assert.All(curve.Points, p => Assert.Equal(closedForm, p.CommunityResolved, closedForm * 1e-12));
    }

    [Fact]
    public void TippingPointMembers_GivesCapacityOverDemandLn2_AndHalfOfMaxShare()
    {
        CommunityRoiInputs inputs = CommunityRoiInputs.Default;
        double tipping = CommunityRoiCalculator.Compute(inputs).TippingPointMembers!.Value;
        double demand = inputs.Customers * inputs.QuestionsPerCustomer;
        double capacity = tipping * ((inputs.HeavyContributorShare * inputs.HeavyAnswersPerPeriod) + (inputs.LightContributorShare * inputs.LightAnswersPerPeriod));
        Assert.Equal(Ln2, capacity / demand, 1e-12);

        CommunityRoiPoint atTipping = CommunityRoiCalculator.Compute(inputs with { Horizon = 1, ObservedMembers = [tipping] }).Points[0];
        Assert.Equal(inputs.MaxCommunityResolvedShare / 2, atTipping.CommunityResolved / atTipping.Demand, 1e-12);
    }

    [Fact]
    public void TippingPointAndRoi_AreNull_WhenUndefined()
    {
        var silent = CommunityRoiInputs.Default with { HeavyAnswersPerPeriod = 0, LightAnswersPerPeriod = 0 };
        Assert.Null(CommunityRoiCalculator.Compute(silent).TippingPointMembers);
        Assert.Null(CommunityRoiCalculator.Compute(silent).BreakEvenPeriod);

        var free = CommunityRoiInputs.Default with { CommunityFixedCostPerPeriod = 0, CostPerMember = 0, LaunchCost = 0 };
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(free);
        Assert.Null(curve.ReturnOnInvestment);
        Assert.Equal(1, curve.BreakEvenPeriod);

        var noDemand = CommunityRoiInputs.Default with { QuestionsPerCustomer = 0 };
        Assert.Null(CommunityRoiCalculator.Compute(noDemand).TippingPointMembers);
        Assert.All(CommunityRoiCalculator.Compute(noDemand).Points, p => Assert.Equal(0, p.CommunityResolved));
    }

    [Property(MaxTest = 200)]
    public bool MoreMembers_NeverIncreaseCompanyHandledDemand(int seed)
    {
        var rng = new Random(seed);
        CommunityRoiInputs inputs = RandomInputs.Create(rng);
        double[] fewer = new double[inputs.Horizon], more = new double[inputs.Horizon];
        for (int i = 0; i < fewer.Length; i++)
        {
            fewer[i] = RandomInputs.Magnitude(rng, 1e9);
            more[i] = fewer[i] + RandomInputs.Magnitude(rng, 1e9);
        }

        inputs = inputs with { Customers = Math.Max(inputs.Customers, more.Max()) }; // members are customers

        var a = CommunityRoiCalculator.Compute(inputs with { ObservedMembers = fewer }).Points;
        var b = CommunityRoiCalculator.Compute(inputs with { ObservedMembers = more }).Points;
        var c = CommunityRoiCalculator.Compute(inputs with { ObservedMembers = null, MarketPotential = inputs.MarketPotential / 2 }).Points;
        var d = CommunityRoiCalculator.Compute(inputs with { ObservedMembers = null }).Points;
        for (int t = 0; t < a.Count; t++)
        {
            // Tolerance of one rounding error of D: exp is not guaranteed monotone to the last bit.
            double slack = 1e-12 * a[t].Demand;
            if (b[t].CompanyHandled > a[t].CompanyHandled + slack || d[t].CompanyHandled > c[t].CompanyHandled + slack)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 200)]
    public void CostComponents_AddUp(int seed)
    {
        CommunityRoiInputs inputs = RandomInputs.Create(new Random(seed));
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(inputs);
        double cumulative = 0;
        foreach (CommunityRoiPoint p in curve.Points)
        {
            double launch = p.Period == 1 ? inputs.LaunchCost : 0;
            AssertClose(p.Demand, p.CommunityResolved + p.CompanyHandled);
            AssertClose(p.CommunityCost, inputs.CommunityFixedCostPerPeriod + (inputs.CostPerMember * p.Members) + launch);
            AssertClose(p.CompanyCost, (inputs.CostPerTicket * p.CompanyHandled) + p.CommunityCost);
            AssertClose(p.BaselineCost, inputs.CostPerTicket * p.Demand);
            AssertClose(p.NetValue, p.BaselineCost - p.CompanyCost + (inputs.WordOfMouthValuePerMember * p.Members));
            AssertClose(p.CompanyEffortHours, (inputs.EffortHoursPerTicket * p.CompanyHandled) + inputs.FixedEffortHoursPerPeriod);
            cumulative += p.NetValue;
            AssertClose(cumulative, p.CumulativeNetValue);
        }
    }

    [Property(MaxTest = 200)]
    public bool NpvAtZeroDiscount_EqualsFinalCumulativeNetValue(int seed)
    {
        CommunityRoiInputs inputs = RandomInputs.Create(new Random(seed)) with { DiscountRate = 0 };
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(inputs);
        return curve.NetPresentValue == curve.Points[^1].CumulativeNetValue;
    }

    [Property(MaxTest = 200)]
    public bool EveryOutput_IsFinite(int seed)
    {
        CommunityRoiInputs inputs = RandomInputs.Create(new Random(seed));
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(inputs);
        foreach (CommunityRoiPoint p in curve.Points)
        {
            double[] values = [p.Members, p.Demand, p.CommunityResolved, p.CompanyHandled, p.CompanyEffortHours, p.CommunityCost, p.CompanyCost, p.BaselineCost, p.NetValue, p.CumulativeNetValue];
            if (Array.Exists(values, v => !double.IsFinite(v)) || p.CommunityResolved < 0 || p.CompanyHandled < 0)
            {
                return false;
            }
        }

        foreach (CommunityRoiSensitivity row in curve.Sensitivity())
        {
            if (!double.IsFinite(row.LowNetPresentValue) || !double.IsFinite(row.HighNetPresentValue))
            {
                return false;
            }
        }

        return double.IsFinite(curve.NetPresentValue)
            && double.IsFinite(curve.ReturnOnInvestment ?? 0)
            && double.IsFinite(curve.TippingPointMembers ?? 0);
    }

    [Fact]
    public void Sensitivity_IsSortedBySwing_AndEachRowIsARecomputation()
    {
        CommunityRoiInputs inputs = CommunityRoiInputs.Default with { WordOfMouthValuePerMember = 0.5, MaxCommunityResolvedShare = 0.9 };
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(inputs);

        IReadOnlyList<CommunityRoiSensitivity> rows = curve.Sensitivity(0.2);

        Assert.Equal(16, rows.Count);
        for (int i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i - 1].Swing >= rows[i].Swing);
        }

        CommunityRoiSensitivity ticket = Assert.Single(rows, r => r.Input == nameof(CommunityRoiInputs.CostPerTicket));
        Assert.Equal(15.56 * 1.2, ticket.HighValue, 1e-12);
        Assert.Equal(CommunityRoiCalculator.Compute(inputs with { CostPerTicket = 15.56 * 1.2 }).NetPresentValue, ticket.HighNetPresentValue, 1e-6);
        Assert.True(ticket.HighNetPresentValue > curve.NetPresentValue && ticket.LowNetPresentValue < curve.NetPresentValue);

        CommunityRoiSensitivity fixedCost = Assert.Single(rows, r => r.Input == nameof(CommunityRoiInputs.CommunityFixedCostPerPeriod));
        Assert.True(fixedCost.HighNetPresentValue < fixedCost.LowNetPresentValue);

        // A share moved up by 20% from 0.9 is capped at its bound 1, and the row says so.
        CommunityRoiSensitivity share = Assert.Single(rows, r => r.Input == nameof(CommunityRoiInputs.MaxCommunityResolvedShare));
        Assert.Equal(1.0, share.HighValue);
        Assert.Equal(0.72, share.LowValue, 1e-12);

        // With observed members the Bass inputs do not apply.
        Assert.Equal(13, CommunityRoiCalculator.Compute(inputs with { ObservedMembers = [100, 200] }).Sensitivity().Count);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    [InlineData(double.NaN)]
    public void Sensitivity_BadRelativeChange_ThrowsNamingIt(double change)
    {
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(CommunityRoiInputs.Default);
        Assert.Equal("relativeChange", Assert.Throws<ArgumentOutOfRangeException>(() => curve.Sensitivity(change)).ParamName);
    }

    [Fact]
    public void WithMemberGrowthFittedTo_ExactBassCounts_RecoversCoefficients()
    {
        var truth = new BassModel(0.02, 0.3, 5000);
        double[] counts = new double[12];
        for (int t = 1; t <= counts.Length; t++)
        {
            counts[t - 1] = truth.M * truth.CumulativeFraction(t);
        }

        CommunityRoiInputs fitted = CommunityRoiInputs.Default.WithMemberGrowthFittedTo(counts);

        Assert.Null(fitted.ObservedMembers);
        Assert.Equal(0.02, fitted.BassInnovation, 1e-7);
        Assert.Equal(0.3, fitted.BassImitation, 1e-7);
        Assert.Equal(5000, fitted.MarketPotential, 1e-4);
        Assert.Equal("observedMembers", Assert.Throws<ArgumentOutOfRangeException>(() => CommunityRoiInputs.Default.WithMemberGrowthFittedTo([10, 20, 15, 30])).ParamName);
        Assert.Equal("periodSales", Assert.Throws<ArgumentException>(() => CommunityRoiInputs.Default.WithMemberGrowthFittedTo([10, 20, 30])).ParamName);
    }

    public static TheoryData<string, Func<CommunityRoiInputs>> BadInputs => new()
    {
        { "Horizon", () => new CommunityRoiInputs { Horizon = 0 } },
        { "Horizon", () => new CommunityRoiInputs { Horizon = -3 } },
        { "BassInnovation", () => new CommunityRoiInputs { BassInnovation = 0 } },
        { "BassInnovation", () => new CommunityRoiInputs { BassInnovation = double.NaN } },
        { "BassImitation", () => new CommunityRoiInputs { BassImitation = -0.1 } },
        { "MarketPotential", () => new CommunityRoiInputs { MarketPotential = double.PositiveInfinity } },
        { "ObservedMembers", () => new CommunityRoiInputs { ObservedMembers = [] } },
        { "ObservedMembers", () => new CommunityRoiInputs { ObservedMembers = [1, double.NaN] } },
        { "Customers", () => new CommunityRoiInputs { Customers = -1 } },
        { "QuestionsPerCustomer", () => new CommunityRoiInputs { QuestionsPerCustomer = double.NaN } },
        { "HeavyContributorShare", () => new CommunityRoiInputs { HeavyContributorShare = 1.5 } },
        { "HeavyContributorShare", () => new CommunityRoiInputs { HeavyContributorShare = 0.95 } },
        { "LightContributorShare", () => new CommunityRoiInputs { LightContributorShare = -0.01 } },
        { "HeavyAnswersPerPeriod", () => new CommunityRoiInputs { HeavyAnswersPerPeriod = -2 } },
        { "LightAnswersPerPeriod", () => new CommunityRoiInputs { LightAnswersPerPeriod = double.NegativeInfinity } },
        { "MaxCommunityResolvedShare", () => new CommunityRoiInputs { MaxCommunityResolvedShare = 1.01 } },
        { "CostPerTicket", () => new CommunityRoiInputs { CostPerTicket = -15 } },
        { "EffortHoursPerTicket", () => new CommunityRoiInputs { EffortHoursPerTicket = double.NaN } },
        { "FixedEffortHoursPerPeriod", () => new CommunityRoiInputs { FixedEffortHoursPerPeriod = -1 } },
        { "CommunityFixedCostPerPeriod", () => new CommunityRoiInputs { CommunityFixedCostPerPeriod = double.PositiveInfinity } },
        { "CostPerMember", () => new CommunityRoiInputs { CostPerMember = -0.1 } },
        { "LaunchCost", () => new CommunityRoiInputs { LaunchCost = double.NaN } },
        { "WordOfMouthValuePerMember", () => new CommunityRoiInputs { WordOfMouthValuePerMember = -1 } },
        { "DiscountRate", () => new CommunityRoiInputs { DiscountRate = 1.5 } },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Inputs_BadValue_ThrowNamingTheProperty(string property, Func<CommunityRoiInputs> create)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(create);
        Assert.Equal(property, ex.ParamName);
    }

    [Fact]
    public void Compute_NullInputs_Throws() =>
        Assert.Equal("inputs", Assert.Throws<ArgumentNullException>(() => CommunityRoiCalculator.Compute(null!)).ParamName);

    [Fact]
    public void AddInfluenceModel_RegistersTheCalculator()
    {
        using ServiceProvider provider = new ServiceCollection().AddInfluenceModel().BuildServiceProvider();
        var calculator = provider.GetRequiredService<ICommunityRoiCalculator>();
        Assert.Equal(CommunityRoiCalculator.Compute(CommunityRoiInputs.Default).NetPresentValue, calculator.Compute(CommunityRoiInputs.Default).NetPresentValue);
    }

    [Fact]
    public void StaticPath_AndDependencyInjectionPath_GiveTheSameCurve()
    {
        using ServiceProvider provider = new ServiceCollection().AddInfluenceModel().BuildServiceProvider();
        var inputs = CommunityRoiInputs.Default with { Horizon = 48, WordOfMouthValuePerMember = 0.5 };
        CommunityRoiCurve viaHost = provider.GetRequiredService<ICommunityRoiCalculator>().Compute(inputs);
        CommunityRoiCurve viaFacade = CommunityRoiCalculator.Compute(inputs);

        Assert.Equal(viaFacade.Points, viaHost.Points);
        Assert.Equal(viaFacade.Inputs, viaHost.Inputs);
        Assert.Equal(
            (viaFacade.BreakEvenPeriod, viaFacade.PaybackPeriod, viaFacade.NetPresentValue, viaFacade.ReturnOnInvestment, viaFacade.TippingPointMembers),
            (viaHost.BreakEvenPeriod, viaHost.PaybackPeriod, viaHost.NetPresentValue, viaHost.ReturnOnInvestment, viaHost.TippingPointMembers));
    }

    [Fact]
    public void Compute_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CommunityRoiCalculator.Compute(CommunityRoiInputs.Default, cts.Token));
    }

    [Fact]
    public void AddInfluenceModel_CalledTwice_TheSecondConfigurationApplies()
    {
        var services = new ServiceCollection().AddInfluenceModel();
        services.AddInfluenceModel(o => o.Simulation = new SimulationOptions { Simulations = 7 });
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Equal(7, provider.GetRequiredService<InfluenceModel.DependencyInjection.InfluenceModelOptions>().Simulation.Simulations);
    }

    [Fact]
    public void Inputs_WithEqualObservedMembers_AreEqual()
    {
        var a = CommunityRoiInputs.Default with { ObservedMembers = [1, 2] };
        var b = CommunityRoiInputs.Default with { ObservedMembers = [1, 2] };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, CommunityRoiInputs.Default with { ObservedMembers = [1, 3] });
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.Equal(expected, actual, 1e-12 * Math.Max(1, Math.Abs(expected)));
}

/// <summary>Valid random inputs over the whole allowed ranges, magnitudes spread log-uniformly, zeros and bounds included.</summary>
internal static class RandomInputs
{
    public static double Magnitude(Random rng, double max) => rng.Next(10) switch
    {
        0 => 0,
        1 => max,
        _ => max * Math.Pow(10, -12 * rng.NextDouble()),
    };

    public static CommunityRoiInputs Create(Random rng)
    {
        double heavy = rng.Next(5) == 0 ? 0 : rng.NextDouble();
        double light = rng.NextDouble() * (1 - heavy);
        var inputs = new CommunityRoiInputs
        {
            Horizon = rng.Next(20) == 0 ? 1200 : rng.Next(1, 61),
            BassInnovation = Math.Max(1e-9, Magnitude(rng, 1)),
            BassImitation = Magnitude(rng, 10),
            MarketPotential = Magnitude(rng, 1e10),
            Customers = Magnitude(rng, 1e10),
            QuestionsPerCustomer = Magnitude(rng, 1000),
            LightContributorShare = 0, // lowered first so that any valid heavy share can follow (h + l ≤ 1 is checked on each set)
            HeavyAnswersPerPeriod = Magnitude(rng, 1e6),
            LightAnswersPerPeriod = Magnitude(rng, 1e6),
            MaxCommunityResolvedShare = rng.NextDouble(),
            CostPerTicket = Magnitude(rng, 1e9),
            EffortHoursPerTicket = Magnitude(rng, 1e4),
            FixedEffortHoursPerPeriod = Magnitude(rng, 1e6),
            CommunityFixedCostPerPeriod = Magnitude(rng, 1e9),
            CostPerMember = Magnitude(rng, 1e6),
            LaunchCost = Magnitude(rng, 1e9),
            WordOfMouthValuePerMember = Magnitude(rng, 1e6),
            DiscountRate = rng.NextDouble(),
        };
        inputs = inputs with { HeavyContributorShare = heavy };
        inputs = inputs with { LightContributorShare = light };
        if (rng.Next(3) == 0)
        {
            double[] observed = new double[rng.Next(1, 40)];
            for (int i = 0; i < observed.Length; i++)
            {
                observed[i] = Magnitude(rng, 1e10);
            }

            inputs = inputs with { ObservedMembers = observed };
        }

        // Members are customers who join (Compute refuses more members than customers): C covers the most members.
        double most = inputs.ObservedMembers is { } seen ? seen.Max() : inputs.MarketPotential;
        return inputs with { Customers = Math.Max(inputs.Customers, most) };
    }
}
