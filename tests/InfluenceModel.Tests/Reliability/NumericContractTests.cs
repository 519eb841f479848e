using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;
using InfluenceModel.Channels;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Tests.Reliability;

/// <summary>
/// Issue 13, the numeric contract (<see cref="NumericLimits"/>): within the declared bounds every public result is
/// finite; outside them the input is refused up front with an <see cref="ArgumentOutOfRangeException"/> naming the
/// parameter. Each case of the issue is a regression test here; the sweep and the properties cover the rest.
/// </summary>
public sealed class NumericContractTests
{
    /// <summary>The values every numeric parameter is probed with: 0, ε, the declared bounds and far beyond.</summary>
    public static readonly double[] Extremes =
        [0, double.Epsilon, 1e-300, 1e-15, NumericLimits.MinScale, 1e-3, 0.5, 1, 1e6, NumericLimits.MaxAmount, 1e100, 1e300, 1e306, 1e308, double.MaxValue];

    private static Channel Channel(IResponseCurve curve, string name = "c", double fixedCost = 0) => new(name, [1.0], fixedCost, curve);

    // ---- Regression cases of the issue ----

    [Fact]
    public void MichaelisMenten_HugeSpend_IsFiniteAndAtTheCeiling()
    {
        // αx/(λ+x) overflowed to ∞/∞ (channels -b 1e308 printed ROI Infinity); α/(λ/x + 1) does not.
        var curve = new MichaelisMentenCurve(NumericLimits.MaxAmount, NumericLimits.MinScale);
        Assert.Equal(NumericLimits.MaxAmount, curve.Value(1e308), 1e-12 * NumericLimits.MaxAmount);
        Assert.Equal(NumericLimits.MaxAmount, curve.Value(double.MaxValue), 1e-12 * NumericLimits.MaxAmount);
        Assert.True(double.IsFinite(curve.Derivative(0)));
        Assert.Equal(0.0, curve.Derivative(double.MaxValue));
        // The closed form still holds at ordinary values.
        var plain = new MichaelisMentenCurve(2, 3);
        Assert.Equal(2.0 * 5 / 8, plain.Value(5), 14);
        Assert.Equal(2.0 * 3 / 64, plain.Derivative(5), 14);
    }

    [Fact]
    public void Hill_DerivativeAtExtremeSpends_IsFiniteAndMatchesTheClosedForm()
    {
        foreach (double slope in (double[])[1, 1.5, 3, NumericLimits.MaxHillSlope])
        {
            foreach (double kappa in (double[])[NumericLimits.MinScale, 1, NumericLimits.MaxAmount])
            {
                var curve = new HillCurve(NumericLimits.MaxAmount, kappa, slope);
                foreach (double x in Extremes)
                {
                    Assert.True(double.IsFinite(curve.Value(x)), $"Value({x}) of {curve}");
                    Assert.True(double.IsFinite(curve.Derivative(x)), $"Derivative({x}) of {curve}");
                }
            }
        }

        var h = new HillCurve(3, 2, 2.5);
        double r = Math.Pow(1.7 / 2, 2.5);
        Assert.Equal(3 * 2.5 * r / (1.7 * (1 + r) * (1 + r)), h.Derivative(1.7), 14);
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(100.0001)]
    public void Hill_SlopeAboveTheBound_IsRefused(double slope) =>
        Assert.Equal("slope", Assert.Throws<ArgumentOutOfRangeException>(() => new HillCurve(1, 1, slope)).ParamName);

    [Fact]
    public void Allocator_SixSteepestHillChannelsAtTheLargestBudget_GivesAFiniteAllocation()
    {
        // Hill slope 1e308 sent NaN into MathNet's Brent (CurveMath.TangentPoint); the steepest allowed slope is 100.
        Channel[] channels = [.. Enumerable.Range(0, 6).Select(i => Channel(new HillCurve(1 + i, 1e3 * (i + 1), NumericLimits.MaxHillSlope), $"c{i}"))];
        foreach (double budget in (double[])[0, 1, 2.5e3, 1e6, NumericLimits.MaxAmount])
        {
            Allocation a = BudgetAllocator.Allocate(new AllocationRequest { Channels = channels, Budget = budget });
            Assert.All(a.Channels, c => Assert.True(double.IsFinite(c.Spend) && double.IsFinite(c.Response), $"{c.Name} at {budget}"));
            Assert.True(a.TotalSpend <= budget * (1 + 1e-12));
        }
    }

    [Theory]
    [InlineData(1e306)]
    [InlineData(1e308)]
    public void Allocator_AndSelector_BudgetBeyondTheBound_AreRefusedNotIndexMinusOne(double budget)
    {
        // annualTotal 1e308 / channels -b 1e306 died with "Index was outside the bounds of the array" (branch −1).
        Channel[] channels = [Channel(new HillCurve(1, 10, 2), "a"), Channel(new MichaelisMentenCurve(1, 10), "b")];
        Assert.Equal("Budget", Assert.Throws<ArgumentOutOfRangeException>(() => new AllocationRequest { Channels = channels, Budget = budget }).ParamName);
        Assert.Equal("Budget", Assert.Throws<ArgumentOutOfRangeException>(() => new SelectionRequest { Channels = channels, Budget = budget }).ParamName);
        Assert.Equal("AnnualTotal", Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignBudget { AnnualTotal = budget }).ParamName);
        Assert.Equal("annualTotal", Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetPlanBuilder().WithAnnualTotal(budget)).ParamName);
        ChannelSelection s = ChannelSelector.Select(new SelectionRequest { Channels = channels, Budget = NumericLimits.MaxAmount, MaxChannels = 2 });
        Assert.True(double.IsFinite(s.Allocation.TotalResponse));
    }

    [Fact]
    public void BudgetInputs_ReturnMultipleBeyondTheBound_IsRefused() =>
        Assert.Equal("returnMultiple", Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetPlanBuilder().Commit("x", 1e300, [1.0])).ParamName);

    [Fact]
    public void AudienceOverlap_HugeSegments_AreRefused_AndTheLargestGiveAFiniteReach()
    {
        Assert.Equal("segmentSizes", Assert.Throws<ArgumentOutOfRangeException>(() => new AudienceOverlap([1e308, 1e308])).ParamName);
        var overlap = new AudienceOverlap([NumericLimits.MaxAmount, NumericLimits.MaxAmount]);
        var c = new Channel("c", [1.0, 0.5], 0, new MichaelisMentenCurve(1, 1));
        Assert.Equal(1.5 * NumericLimits.MaxAmount, overlap.Reach([c]), 1e-12 * NumericLimits.MaxAmount);
    }

    [Fact]
    public void Bass_DensityAndPeakTime_AtTheBounds_AreFinite()
    {
        foreach (double p in (double[])[NumericLimits.MinScale, 1e-3, 1])
        {
            foreach (double q in (double[])[0, 0.5, NumericLimits.MaxRate])
            {
                var bass = new BassModel(p, q, NumericLimits.MaxAmount);
                Assert.True(double.IsFinite(bass.PeakTime), $"PeakTime p={p} q={q}");
                foreach (double t in (double[])[0, double.Epsilon, 1e-300, 1, 1e3, 1e300, double.MaxValue])
                {
                    Assert.True(double.IsFinite(bass.Density(t)), $"Density({t}) p={p} q={q}");
                    Assert.True(double.IsFinite(bass.CumulativeFraction(t)), $"F({t}) p={p} q={q}");
                }

                Assert.True(double.IsFinite(bass.PeriodAdoptions(1e300)));
            }
        }

        // f(t) = (p+q)²/p · e^{−(p+q)t}/(1 + (q/p)e^{−(p+q)t})², the textbook form, at an ordinary point.
        var b = new BassModel(0.03, 0.38, 100);
        double e = Math.Exp(-0.41 * 2);
        Assert.Equal(0.41 * 0.41 / 0.03 * e / Math.Pow(1 + (0.38 / 0.03 * e), 2), b.Density(2), 14);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => new BassModel(double.Epsilon, 0.5, 1)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => new BassModel(0.1, 1e300, 1)).ParamName);
    }

    [Fact]
    public void OpportunityProcess_MeanCostAtTheBounds_IsFinite_AndTheArrivalCapHoldsAfterSeasonality()
    {
        var widest = new OpportunityProcess { CostMedian = NumericLimits.MaxAmount, CostSigma = 5, ValueMultipleMedian = NumericLimits.MaxRate, ValueMultipleSigma = 5 };
        Assert.True(double.IsFinite(widest.MeanCost) && double.IsFinite(widest.MeanValueMultiple));
        Assert.Equal("CostMedian", Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityProcess { CostMedian = 1e308 }).ParamName);
        // Seasonality 1e5 multiplied λ past its 1,000 cap and a year never finished.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityProcess { ArrivalRate = 1, Seasonality = [1, 1e5] });
        Assert.Equal("Seasonality", ex.ParamName);
        Assert.Contains("1,000", ex.Message, StringComparison.Ordinal);
        Assert.Equal("ArrivalRate", Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityProcess { Seasonality = [1, 500], ArrivalRate = 3 }).ParamName);
        // λ = 1,000 with a 52-period window took 77 s per simulated year: λ·w is capped at 1,000 open opportunities.
        Assert.Equal("DecisionWindow", Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityProcess { ArrivalRate = 1000, DecisionWindow = 52 }).ParamName);
        Assert.Equal(52, new OpportunityProcess { ArrivalRate = 19, DecisionWindow = 52 }.DecisionWindow);
        Assert.Equal(1000, new OpportunityProcess { ArrivalRate = 1000, Seasonality = [1, 0.5] }.ArrivalRate);
    }

    [Fact]
    public void FlexibleBudgetVariance_AtTheBound_IsFinite_BeyondIsRefused()
    {
        double m = NumericLimits.MaxAmount;
        var v = new FlexibleBudgetVariance(m, m, m, m, m);
        Assert.True(double.IsFinite(v.StaticBudget) && double.IsFinite(v.FlexibleBudgetVarianceAmount) && double.IsFinite(v.StaticBudgetVariance));
        Assert.Equal("variableCostPerUnit", Assert.Throws<ArgumentOutOfRangeException>(() => new FlexibleBudgetVariance(0, 1e308, 1e308, 1, 1)).ParamName);
    }

    [Fact]
    public void Adstock_OfTheLargestSpends_IsFinite_BeyondIsRefused()
    {
        double[] spend = [.. Enumerable.Repeat(NumericLimits.MaxAmount, 200)];
        foreach (IAdstock a in (IAdstock[])[new GeometricAdstock(0.999, 1000), new WeibullAdstock(NumericLimits.MaxHillSlope, NumericLimits.MinScale, 50, WeibullKind.Pdf), new WeibullAdstock(0.01, NumericLimits.MaxAmount, 50)])
        {
            Assert.All(a.Apply(spend), x => Assert.True(double.IsFinite(x)));
            Assert.All(a.Weights, w => Assert.True(double.IsFinite(w)));
        }

        Assert.Equal("spend", Assert.Throws<ArgumentOutOfRangeException>(() => new GeometricAdstock(0.5).Apply([1e308])).ParamName);
    }

    [Fact]
    public void Reserve_OpportunityCostingExactlyTheMoneyLeft_IsCaptured()
    {
        // Annual 20,000 with reserve 50 % leaves 10,000; one opportunity a period (3 periods) costing exactly 10,000
        // (σ = 0). The first arrival is taken: captured = P(N ≥ 1) = 1 − e⁻³ ≈ 0.95; it was 0 (cost drawn as
        // exp(ln 10,000) = 10,000.00000000001 and a fit check without the knapsack's tolerance).
        BudgetPlan plan = new BudgetPlanBuilder().ForStrategy(new Strategy("o", "a", "k")).WithAnnualTotal(20_000).WithPeriods(3).WithReserveShare(0.5)
            .Commit("base", 1, [1.0, 1, 1]).Build();
        var process = new OpportunityProcess { ArrivalRate = 1, CostMedian = 10_000, CostSigma = 0, ValueMultipleMedian = 2, ValueMultipleSigma = 0 };
        BudgetOutcome outcome = BudgetSimulator.Simulate(
            new BudgetSimulationRequest { Plan = plan, Opportunities = process, Policy = new ReservePolicy(0.5, 0) },
            new SimulationOptions { Simulations = 4000, Seed = 13 });
        double expected = 1 - Math.Exp(-3);
        Assert.InRange(outcome.OpportunitiesCaptured.Mean, expected - (4 * outcome.OpportunitiesCaptured.StandardError) - 1e-9, expected + (4 * outcome.OpportunitiesCaptured.StandardError) + 1e-9);
    }

    [Fact]
    public void BassFit_NonlinearLeastSquares_OnACleanLongSeries_RecoversTheParameters()
    {
        // A clean 2,000-period series threw MathNet's "The parameters must be finite" (a step to p + q < 0 overflowed).
        var truth = new BassModel(0.004, 0.35, 50_000);
        double[] sales = [.. Enumerable.Range(1, 2000).Select(t => truth.PeriodAdoptions(t))];
        BassFit fit = BassModel.Fit(sales, BassEstimationMethod.NonlinearLeastSquares);
        Assert.Equal(truth.P, fit.Model.P, 1e-4);
        Assert.Equal(truth.Q, fit.Model.Q, 1e-3);
        Assert.Equal(truth.M, fit.Model.M, 1.0);
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(1e-300)]
    [InlineData(1e-12)]
    public void ResponseCurveFitter_AtExtremeScales_FitsOrRefusesByName(double scale)
    {
        double[] spend = [.. Enumerable.Range(1, 30).Select(i => scale * i)];
        double[] outcome = [.. spend.Select(x => scale * 5 * x / (scale * 10 + x))];
        foreach (ResponseCurveKind kind in Enum.GetValues<ResponseCurveKind>())
        {
            try
            {
                ResponseCurveFit fit = ResponseCurveFitter.Fit(new ResponseFitRequest { SpendHistory = spend, OutcomeHistory = outcome, Curve = kind });
                Assert.All(fit.Fitted, f => Assert.True(double.IsFinite(f)));
                Assert.True(double.IsFinite(fit.RSquared));
            }
            catch (ArgumentException ex)
            {
                Assert.Contains(ex.ParamName, (string[])["SpendHistory", "OutcomeHistory"]);
            }
        }
    }

    [Fact]
    public void Seeding_TinyEpsilon_IsRefusedWithTheMemoryEstimateAndTheKnob()
    {
        // seeds -e 1e-7 aborted the process (exit 134): no cap on RR sets.
        SocialGraph graph = GraphGenerators.ErdosRenyi(2_000, 3_000, 3);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => InfluenceMaximizer.Select(
            new SeedingRequest(graph, new IndependentCascade(), 10) { Epsilon = 1e-7 }, new SimulationOptions { Seed = 1 }));
        Assert.Equal("Epsilon", ex.ParamName);
        Assert.Contains("GB of RR sets", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Raise ε or lower k", ex.Message, StringComparison.Ordinal);
        // The default request on a small graph is unaffected.
        SocialGraph small = GraphGenerators.ErdosRenyi(200, 300, 3);
        Assert.Equal(2, InfluenceMaximizer.Select(new SeedingRequest(small, new IndependentCascade(), 2) { Epsilon = 0.5 }, new SimulationOptions { Seed = 1 }).Seeds.Count);
        Assert.Equal("MaxRrSetBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new SeedingRequest(graph, new IndependentCascade(), 1) { MaxRrSetBytes = 0 }).ParamName);
    }

    [Theory]
    [InlineData(100_000, 99_999)]
    [InlineData(10_000_000, 12)]
    public void Scenario_PopulationBeyondTheMemoryLimit_IsRejectedByValidate(int consumers, double degree)
    {
        JsonNode root = JsonNode.Parse(CampaignScenario.Default.ToJson())!;
        root["population"]!["consumers"] = consumers;
        root["population"]!["averageDegree"] = degree;
        IReadOnlyList<ScenarioProblem> problems = CampaignScenario.Validate(root.ToJsonString());
        ScenarioProblem problem = Assert.Single(problems, p => p.Path.Contains("averageDegree", StringComparison.Ordinal));
        Assert.Contains("GB", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.budget.valuePerAdoption", 1e308)]
    [InlineData("$.ambassadors.costPerAmbassadorPerPeriod", 5e-324)]
    [InlineData("$.phases[1].spendWeight", 1e308)]
    [InlineData("$.channels[1].response.kappa", 1e308)]
    [InlineData("$.budget.annualTotal", 1e308)]
    [InlineData("$.opportunities.valueMultipleMedian", 1e308)]
    public void Validate_RejectsWhatRunRejects_AtTheJsonPath(string path, double value)
    {
        JsonNode root = JsonNode.Parse(CampaignScenario.Default.ToJson())!;
        Set(root, path, value);
        IReadOnlyList<ScenarioProblem> problems = CampaignScenario.Validate(root.ToJsonString());
        Assert.Contains(problems, p => p.Path == path);
    }

    // ---- The sweep: every public numeric entry point at every extreme value ----

    /// <summary>Public entry points taking a number: each either returns only finite numbers or refuses with an ArgumentException.</summary>
    public static IEnumerable<(string Name, Func<double, IEnumerable<double>> Call)> EntryPoints()
    {
        var hill = new HillCurve(1, 10, 2);
        var mm = new MichaelisMentenCurve(1, 10);
        var logistic = new LogisticCurve(1, 0.1);
        yield return ("HillCurve.Value", x => [hill.Value(x)]);
        yield return ("HillCurve.Derivative", x => [hill.Derivative(x)]);
        yield return ("MichaelisMentenCurve.Value", x => [mm.Value(x)]);
        yield return ("MichaelisMentenCurve.Derivative", x => [mm.Derivative(x)]);
        yield return ("LogisticCurve.Value", x => [logistic.Value(x)]);
        yield return ("LogisticCurve.Derivative", x => [logistic.Derivative(x)]);
        yield return ("HillCurve(beta)", x => Curve(new HillCurve(x, 10, 2)));
        yield return ("HillCurve(kappa)", x => Curve(new HillCurve(1, x, 2)));
        yield return ("HillCurve(slope)", x => Curve(new HillCurve(1, 10, x)));
        yield return ("HillCurve(kappa, slope<1)", x => Curve(new HillCurve(1, x, 0.5)));
        yield return ("MichaelisMentenCurve(alpha)", x => Curve(new MichaelisMentenCurve(x, 10)));
        yield return ("MichaelisMentenCurve(lambda)", x => Curve(new MichaelisMentenCurve(1, x)));
        yield return ("LogisticCurve(beta)", x => Curve(new LogisticCurve(x, 0.1)));
        yield return ("LogisticCurve(lambda)", x => Curve(new LogisticCurve(1, x)));
        yield return ("GeometricAdstock.Apply", x => new GeometricAdstock(0.5, 12, normalize: true).Apply([x, x, 0, x]));
        yield return ("WeibullAdstock(shape)", x => new WeibullAdstock(x, 3, 12, WeibullKind.Pdf).Apply([1, 1, 1]));
        yield return ("WeibullAdstock(scale)", x => new WeibullAdstock(2, x, 12).Apply([1, 1, 1]));
        yield return ("Channel.ResponseOverTime", x => new Channel("c", [1.0], 0, hill, new GeometricAdstock(0.5)).ResponseOverTime([x, x]));
        yield return ("Channel(fixedCost)", x => [new Channel("c", [1.0], x, hill).FixedCost]);
        yield return ("AudienceOverlap.Reach", x => [new AudienceOverlap([x, 1]).Reach([new Channel("c", [0.5, 0.5], 0, hill)])]);
        yield return ("SpendBounds", x => [new SpendBounds(x).Min]);
        yield return ("BudgetAllocator.Allocate(budget)", x => Allocation(BudgetAllocator.Allocate(new AllocationRequest { Channels = [Channel(hill, "a"), Channel(mm, "b"), Channel(logistic, "c")], Budget = x })));
        yield return ("BudgetAllocator.Allocate(beta)", x => Allocation(BudgetAllocator.Allocate(new AllocationRequest { Channels = [Channel(new HillCurve(x, 10, 3), "a"), Channel(mm, "b")], Budget = 50 })));
        yield return ("ChannelSelector.Select(budget)", x => Allocation(ChannelSelector.Select(new SelectionRequest { Channels = [Channel(hill, "a", 1), Channel(mm, "b", 2)], Budget = x, MaxChannels = 1 }).Allocation));
        yield return ("BassModel(p)", x => Bass(new BassModel(x, 0.4, 100)));
        yield return ("BassModel(q)", x => Bass(new BassModel(0.01, x, 100)));
        yield return ("BassModel(m)", x => Bass(new BassModel(0.01, 0.4, x)));
        yield return ("BassModel.Density(t)", x => [new BassModel(0.01, 0.4, 100).Density(x)]);
        yield return ("BassModel.PeriodAdoptions(t)", x => [new BassModel(0.01, 0.4, 100).PeriodAdoptions(x)]);
        yield return ("OpportunityProcess(costMedian)", x => [new OpportunityProcess { CostMedian = x, CostSigma = 5 }.MeanCost]);
        yield return ("OpportunityProcess(valueMultipleMedian)", x => [new OpportunityProcess { ValueMultipleMedian = x, ValueMultipleSigma = 5 }.MeanValueMultiple]);
        yield return ("OpportunityProcess(arrivalRate)", x => [new OpportunityProcess { ArrivalRate = x }.ArrivalRate]);
        yield return ("FlexibleBudgetVariance", x => Variance(new FlexibleBudgetVariance(x, x, x, 1, x)));
        yield return ("BudgetPlanBuilder.WithAnnualTotal", x => [new BudgetPlanBuilder().ForStrategy(new Strategy("o", "a", "k")).WithAnnualTotal(x).WithPeriods(2).Commit("c", 1, [1.0, 1]).Build().CommittedAmount(0, 0)]);
        yield return ("BudgetSimulator.Compare(costMedian)", x => Compare(new OpportunityProcess { ArrivalRate = 2, CostMedian = x }, 1.5));
        yield return ("BudgetSimulator.Compare(returnMultiple)", x => Compare(new OpportunityProcess { ArrivalRate = 2, CostMedian = 50 }, x));
        yield return ("CampaignBudget(valuePerAdoption)", x => [new CampaignBudget { ValuePerAdoption = x }.ValuePerAdoption]);
        yield return ("CampaignBudget(annualTotal)", x => [new CampaignBudget { AnnualTotal = x }.Committed]);
        yield return ("AmbassadorProgram(cost)", x => [new AmbassadorProgram { CostPerAmbassadorPerPeriod = x }.CostPerPeriod]);
        yield return ("CampaignPhase(spendWeight)", x => [new CampaignPhase { SpendWeight = x }.SpendWeight]);
        yield return ("ConsumerPopulation(averageDegree)", x => [new ConsumerPopulation { AverageDegree = x }.EstimatedBytes]);
        yield return ("Estimate.FromSample", x => Est(Estimate.FromSample([x, 0, x])));
    }

    [Fact]
    public void Sweep_EveryEntryPointAtEveryExtreme_GivesFiniteNumbersOrAnArgumentException()
    {
        var failures = new List<string>();
        int calls = 0;
        var entryPoints = EntryPoints().ToList();
        foreach ((string name, Func<double, IEnumerable<double>> call) in entryPoints)
        {
            foreach (double x in Extremes)
            {
                calls++;
                try
                {
                    double[] results = [.. call(x)];
                    if (results.Any(r => !double.IsFinite(r)))
                    {
                        failures.Add($"{name}({x:R}) returned {string.Join(", ", results.Where(r => !double.IsFinite(r)).Distinct())}");
                    }
                }
                catch (ArgumentException)
                {
                    // Refused up front: the contract.
                }
                catch (Exception ex)
                {
                    failures.Add($"{name}({x:R}) threw {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        Assert.True(entryPoints.Count >= 40, $"{entryPoints.Count} entry points");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls broke the contract:\n" + string.Join("\n", failures));
    }

    // ---- Properties over the full declared ranges ----

    /// <summary>A value in [lo, hi] that hits the bounds and their neighbourhoods often (log-uniform in between).</summary>
    private static Gen<double> Bounded(double lo, double hi) =>
        Gen.OneOf(
            Gen.Constant(lo),
            Gen.Constant(hi),
            Gen.Constant(Math.BitIncrement(lo) <= hi ? Math.BitIncrement(lo) : lo),
            Gen.Choose(0, 1_000_000).Select(i => Math.Exp(Math.Log(Math.Max(lo, double.Epsilon)) + ((Math.Log(hi) - Math.Log(Math.Max(lo, double.Epsilon))) * i / 1e6))).Select(v => Math.Clamp(v, lo, hi)));

    private static Gen<double> Spend => Gen.OneOf(Gen.Elements(Extremes), Bounded(double.Epsilon, double.MaxValue));

    [Property(MaxTest = 300)]
    public Property Curves_OverTheDeclaredRanges_AreFinite() =>
        Prop.ForAll(
            (from beta in Bounded(NumericLimits.MinScale, NumericLimits.MaxAmount)
             from kappa in Bounded(NumericLimits.MinScale, NumericLimits.MaxAmount)
             from slope in Bounded(1e-3, NumericLimits.MaxHillSlope)
             from rate in Bounded(1e-15, 1e9)
             from x in Spend
             select (beta, kappa, slope, rate, x)).ToArbitrary(),
            c =>
            {
                IResponseCurve[] curves = [new HillCurve(c.beta, c.kappa, c.slope), new MichaelisMentenCurve(c.beta, c.kappa), new LogisticCurve(c.beta, c.rate)];
                foreach (IResponseCurve curve in curves)
                {
                    double v = curve.Value(c.x), d = curve.Derivative(c.x);
                    Assert.True(double.IsFinite(v) && v >= 0 && v <= c.beta * (1 + 1e-12), $"{curve}.Value({c.x}) = {v}");
                    // The one documented exception: Hill with slope < 1 has an infinite marginal response at 0 and
                    // just above it (where the true value exceeds the double range); +∞ then, never NaN.
                    bool exempt = curve is HillCurve { Slope: < 1 } && double.IsPositiveInfinity(d);
                    Assert.True(exempt || (double.IsFinite(d) && d >= 0), $"{curve}.Derivative({c.x}) = {d}");
                }
            });

    [Property(MaxTest = 200)]
    public Property Bass_OverTheDeclaredRanges_IsFinite() =>
        Prop.ForAll(
            (from p in Bounded(NumericLimits.MinScale, 1)
             from q in Gen.OneOf(Gen.Constant(0.0), Bounded(NumericLimits.MinScale, NumericLimits.MaxRate))
             from m in Bounded(double.Epsilon, NumericLimits.MaxAmount)
             from t in Spend
             select (p, q, m, t)).ToArbitrary(),
            c =>
            {
                var bass = new BassModel(c.p, c.q, c.m);
                double[] values = [bass.PeakTime, bass.Density(c.t), bass.CumulativeFraction(c.t), bass.PeriodAdoptions(Math.Max(1, c.t))];
                Assert.All(values, v => Assert.True(double.IsFinite(v) && v >= 0, $"{bass}: {string.Join(", ", values)}"));
            });

    [Property(MaxTest = 60)]
    public Property Allocator_OverTheDeclaredRanges_IsFinite() =>
        Prop.ForAll(
            (from beta in Bounded(NumericLimits.MinScale, NumericLimits.MaxAmount)
             from kappa in Bounded(NumericLimits.MinScale, NumericLimits.MaxAmount)
             from slope in Bounded(0.1, NumericLimits.MaxHillSlope)
             from budget in Gen.OneOf(Gen.Constant(0.0), Bounded(double.Epsilon, NumericLimits.MaxAmount))
             select (beta, kappa, slope, budget)).ToArbitrary(),
            c =>
            {
                Allocation a = BudgetAllocator.Allocate(new AllocationRequest
                {
                    Channels = [Channel(new HillCurve(c.beta, c.kappa, c.slope), "h"), Channel(new MichaelisMentenCurve(c.beta, c.kappa), "m"), Channel(new HillCurve(c.beta, Math.Min(c.kappa * 2, NumericLimits.MaxAmount), Math.Min(c.slope * 2, NumericLimits.MaxHillSlope)), "s")],
                    Budget = c.budget,
                });
                Assert.All(Allocation(a), v => Assert.True(double.IsFinite(v)));
                Assert.True(a.TotalSpend <= c.budget * (1 + 1e-9) + 1e-300, $"spent {a.TotalSpend:R} of {c.budget:R}: {string.Join(", ", a.Channels.Select(x => x.Spend.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}");
            });

    /// <summary>
    /// validate ⇒ run: every scenario the validator accepts, generated across the declared bounds of the money, weight
    /// and curve parameters, builds and runs (tiny population, 2 runs) and yields only finite numbers (the default
    /// System.Text.Json writer refuses NaN and ±∞, so serialising the whole result checks every number in it).
    /// </summary>
    [Property(MaxTest = 12)]
    public Property ValidScenario_Runs_AndEveryNumberIsFinite() =>
        Prop.ForAll(
            (from value in Bounded(0, NumericLimits.MaxAmount)
             from total in Bounded(NumericLimits.MinScale, NumericLimits.MaxAmount)
             from cost in Gen.OneOf(Gen.Constant(0.0), Bounded(NumericLimits.MinScale, NumericLimits.MaxAmount))
             from weight in Bounded(NumericLimits.MinScale, NumericLimits.MaxSpendWeight)
             from kappa in Bounded(NumericLimits.MinScale, NumericLimits.MaxAmount)
             from slope in Bounded(0.05, NumericLimits.MaxHillSlope)
             from costMedian in Bounded(NumericLimits.MinScale, NumericLimits.MaxAmount)
             from multiple in Bounded(NumericLimits.MinScale, NumericLimits.MaxRate)
             select (value, total, cost, weight, kappa, slope, costMedian, multiple)).ToArbitrary(),
            c =>
            {
                JsonNode root = JsonNode.Parse(CampaignScenario.Default.ToJson())!;
                root["population"]!["consumers"] = 60;
                root["population"]!["averageDegree"] = 4;
                root["ambassadors"]!["employees"] = 10;
                root["ambassadors"]!["count"] = 2;
                root["simulation"]!["simulations"] = 2;
                root["budget"]!["valuePerAdoption"] = c.value;
                root["budget"]!["annualTotal"] = c.total;
                root["ambassadors"]!["costPerAmbassadorPerPeriod"] = c.cost;
                root["phases"]![1]!["spendWeight"] = c.weight;
                root["channels"]![1]!["response"] = new JsonObject { ["kind"] = "hill", ["beta"] = 0.5, ["kappa"] = c.kappa, ["slope"] = c.slope };
                root["opportunities"]!["costMedian"] = c.costMedian;
                root["opportunities"]!["valueMultipleMedian"] = c.multiple;
                string json = root.ToJsonString();
                if (CampaignScenario.Validate(json).Count > 0)
                {
                    return; // refused up front, with its JSON path: also the contract.
                }

                CampaignScenario scenario = CampaignScenario.Parse(json);
                CampaignResult result = CampaignSimulator.Simulate(scenario.Build(), scenario.Simulation);
                _ = JsonSerializer.Serialize(result);
            });

    /// <summary>Values and marginal responses at 0, tiny, 1 and huge spends; for a Hill curve with slope &lt; 1 not the
    /// marginal response at 0 and 1e-300, which is +∞ (the documented exception of <see cref="IResponseCurve.Derivative"/>).</summary>
    private static double[] Curve(IResponseCurve c) =>
        c is HillCurve { Slope: < 1 }
            ? [c.Value(0), c.Value(1), c.Derivative(1), c.Value(1e300), c.Derivative(1e300), c.Value(1e-300)]
            : [c.Value(0), c.Value(1), c.Derivative(0), c.Derivative(1), c.Value(1e300), c.Derivative(1e300), c.Value(1e-300), c.Derivative(1e-300)];

    private static double[] Bass(BassModel b) => [b.PeakTime, b.Density(0), b.Density(1e3), b.CumulativeFraction(1e300), b.PeriodAdoptions(1), b.PeriodAdoptions(1e6)];

    private static double[] Allocation(Allocation a) =>
        [a.TotalSpend, a.TotalResponse, a.Unspent, a.OptimalityGap, .. a.Channels.SelectMany(c => (double[])[c.Spend, c.Response, c.ResponsePerSpend])];

    private static double[] Variance(FlexibleBudgetVariance v) => [v.StaticBudget, v.FlexibleBudget, v.FlexibleBudgetVarianceAmount, v.SalesVolumeVariance, v.StaticBudgetVariance];

    private static double[] Est(Estimate e) => [e.Mean, e.StandardError];

    private static double[] Compare(OpportunityProcess process, double multiple)
    {
        BudgetPlan plan = new BudgetPlanBuilder().ForStrategy(new Strategy("o", "a", "k")).WithAnnualTotal(1000).WithPeriods(4).WithReserveShare(0.2)
            .Commit("c", multiple, [1.0, 1, 1, 1]).Build();
        BudgetComparison comparison = BudgetSimulator.Compare(
            new BudgetComparisonRequest { Plan = plan, Opportunities = process, Policies = [new AnnualFixedPolicy(), new ReservePolicy(0.2, 0.1)] },
            new SimulationOptions { Simulations = 20, Seed = 3 });
        _ = JsonSerializer.Serialize(comparison); // throws on NaN or ±∞ anywhere in the comparison
        return [.. comparison.Outcomes.SelectMany(o => (double[])[o.Value.Mean, o.Value.StandardError, o.P5, o.P95, o.ConditionalValueAtRisk5, o.OpportunitiesCaptured.Mean])];
    }

    private static void Set(JsonNode root, string path, double value)
    {
        JsonNode node = root;
        string[] parts = path[2..].Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? part : part[..bracket];
            if (i == parts.Length - 1 && bracket < 0)
            {
                node[name] = value;
                return;
            }

            node = node[name]!;
            if (bracket >= 0)
            {
                node = node[int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
            }
        }
    }
}
