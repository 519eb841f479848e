using FsCheck;
using FsCheck.Xunit;
using InfluenceModel.Budgeting;
using MathNet.Numerics.Distributions;

namespace InfluenceModel.Tests.Budgeting;

public class BudgetSimulatorTests
{
    private static readonly FirstImpressionRisk Risk = new(0.3, 0.6, 3);

    [Fact]
    public void NoOpportunities_ReserveZero_EveryPolicyEqualsAnnualFixedExactly()
    {
        var plan = BudgetFixtures.TwoChannels(reserve: 0, risk: Risk);
        var options = BudgetFixtures.Options(2_000);
        var comparison = BudgetFixtures.Compare(plan, OpportunityProcess.None,
            [new AnnualFixedPolicy(), new ReservePolicy(0, 0.2), new RollingReforecastPolicy(3), new StochasticKnapsackPolicy()], options);
        var fixedOutcome = comparison.Outcomes[0];
        Assert.True(fixedOutcome.StandardDeviation > 0, "the launch risk must make years differ");
        foreach (var outcome in comparison.Outcomes)
        {
            Assert.Equal(fixedOutcome.Value.Mean, outcome.Value.Mean);
            Assert.Equal(fixedOutcome.P5, outcome.P5);
            Assert.Equal(fixedOutcome.ConditionalValueAtRisk5, outcome.ConditionalValueAtRisk5);
            Assert.Equal(0, outcome.UnspentAtYearEnd.Mean);
            Assert.Equal(0, outcome.RegretVsClairvoyant.Mean);
        }

        foreach (var difference in comparison.Differences)
        {
            Assert.Equal(0, difference.Difference.Mean);
            Assert.Equal(0, difference.Difference.StandardError);
        }
    }

    [Fact]
    public void NoOpportunities_PositiveReserve_LosesExactlyTheUnspentShare()
    {
        // Equal multiples m and no launch risk: the annual-fixed value is m·B; a policy with reserve ρ earns m on
        // everything except the money left unspent, so V = m·(B − unspent).
        const double m = 1.25, total = 1200;
        var plan = BudgetFixtures.TwoChannels(total: total, reserve: 0.3, m1: m, m2: m);
        var options = BudgetFixtures.Options(500);
        var comparison = BudgetFixtures.Compare(plan, OpportunityProcess.None,
            [new AnnualFixedPolicy(), new ReservePolicy(0.3, 0), new RollingReforecastPolicy(4), new StochasticKnapsackPolicy()], options);
        Assert.Equal(m * total, comparison.Outcomes[0].Value.Mean, 9);
        Assert.Equal(0.3 * total, comparison.Outcomes[1].UnspentAtYearEnd.Mean, 9);
        Assert.Equal(m * 0.7 * total, comparison.Outcomes[1].Value.Mean, 9);
        // The re-forecast recommits the excess over the pro-rata reserve at periods 4 and 8: 1/3 of ρB stays unspent.
        Assert.Equal(0.3 * total / 3, comparison.Outcomes[2].UnspentAtYearEnd.Mean, 9);
        // With nothing to wait for, the knapsack DP commits everything at once.
        Assert.Equal(0, comparison.Outcomes[3].UnspentAtYearEnd.Mean, 9);
        foreach (var outcome in comparison.Outcomes)
        {
            Assert.Equal(m * (total - outcome.UnspentAtYearEnd.Mean), outcome.Value.Mean, 9);
            Assert.Equal(0, outcome.StandardDeviation, 9);
        }
    }

    [Fact]
    public void OnePeriodOneOpportunity_MeanMatchesClosedForm()
    {
        // One period; committed (1 − ρ)B = 85 earns m = 1.2. Flexible money 15 and a deterministic cost c = 10, so at
        // most one opportunity fits. Arrivals N ~ Poisson(λ); each is acceptable when V ≥ k = 1 + h, independently with
        // probability q = P(V ≥ k) = Φ((μ − ln k)/σ). By Poisson thinning the acceptable arrivals are Poisson(λq), so
        // P(capture) = 1 − e^{−λq}, and the captured one is the first acceptable arrival, worth c·E[V | V ≥ k] with the
        // log-normal partial expectation E[V·1{V ≥ k}] = e^{μ+σ²/2}·Φ((μ + σ² − ln k)/σ). Hence
        // E[value] = 1.2·85 + (1 − e^{−λq})·c·E[V·1{V ≥ k}]/q.
        const double lambda = 1.3, c = 10, median = 1.4, sigma = 0.6, hurdle = 0.2;
        var plan = new BudgetPlanBuilder().ForStrategy(BudgetFixtures.Strategy).WithAnnualTotal(100).WithPeriods(1).WithReserveShare(0.15)
            .Commit("search", 1.2, [1.0]).Build();
        var process = new OpportunityProcess { ArrivalRate = lambda, CostMedian = c, CostSigma = 0, ValueMultipleMedian = median, ValueMultipleSigma = sigma };
        double mu = Math.Log(median), lnK = Math.Log(1 + hurdle);
        double q = Normal.CDF(0, 1, (mu - lnK) / sigma);
        double partial = Math.Exp(mu + (sigma * sigma / 2)) * Normal.CDF(0, 1, (mu + (sigma * sigma) - lnK) / sigma);
        double capture = 1 - Math.Exp(-lambda * q);
        double expected = (1.2 * 85) + (capture * c * partial / q);

        var outcome = BudgetFixtures.Simulate(plan, process, new ReservePolicy(0.15, hurdle), BudgetFixtures.Options(200_000, seed: 11));

        Assert.InRange(outcome.Value.Mean, expected - (4 * outcome.Value.StandardError), expected + (4 * outcome.Value.StandardError));
        double captureSe = Math.Sqrt(capture * (1 - capture) / 200_000);
        Assert.InRange(outcome.OpportunitiesCaptured.Mean, capture - (4 * captureSe), capture + (4 * captureSe));
    }

    [Fact]
    public void StochasticKnapsack_MeanAtLeastEveryOtherPolicyWithinTwoStandardErrors()
    {
        var plan = BudgetFixtures.TwoChannels(risk: Risk);
        var comparison = BudgetFixtures.Compare(plan, BudgetFixtures.Process(),
            [new StochasticKnapsackPolicy(), new AnnualFixedPolicy(), new ReservePolicy(0.25, 0), new ReservePolicy(0.25, 0.3),
             new ReservePolicy(0.25, 0.6), new RollingReforecastPolicy(3)],
            BudgetFixtures.Options(20_000));
        foreach (var difference in comparison.Differences)
        {
            // difference = other − knapsack; the knapsack is at least as good within 2 paired standard errors.
            Assert.True(difference.Difference.Mean <= 2 * difference.Difference.StandardError,
                $"{difference.Policy} beats the knapsack by {difference.Difference.Mean} (SE {difference.Difference.StandardError}).");
        }

        Assert.True(comparison.Outcomes[0].Value.Mean > comparison.Outcomes[1].Value.Mean, "flexibility is worth something here");
    }

    [Fact]
    public void CommonRandomNumbers_MakePolicyDifferencesLessVariableThanIndependentRuns()
    {
        var plan = BudgetFixtures.TwoChannels(risk: Risk);
        var process = BudgetFixtures.Process();
        var a = new ReservePolicy(0.25, 0.1);
        var b = new ReservePolicy(0.25, 0.5);
        var paired = BudgetFixtures.Compare(plan, process, [a, b], BudgetFixtures.Options(4_000, seed: 3)).Differences[0];
        var runA = BudgetSimulator.SimulateYears(plan, process, a, BudgetFixtures.Options(4_000, seed: 3), null, default).Value;
        var runB = BudgetSimulator.SimulateYears(plan, process, b, BudgetFixtures.Options(4_000, seed: 4), null, default).Value;
        var independent = runB.Zip(runA, (x, y) => x - y).ToArray();
        double independentSe = BudgetSimulator.MeanAndStandardDeviation(independent).StandardDeviation / Math.Sqrt(independent.Length);
        Assert.True(paired.Difference.StandardError < 0.5 * independentSe, $"paired SE {paired.Difference.StandardError} vs independent {independentSe}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void SameSeed_BitIdenticalAtAnyParallelism(int dop)
    {
        var plan = BudgetFixtures.TwoChannels(risk: Risk);
        var process = BudgetFixtures.Process(window: 2);
        BudgetPolicy[] policies = [new StochasticKnapsackPolicy(budgetUnits: 50), new ReservePolicy(0.2, 0.2), new RollingReforecastPolicy(4)];
        var reference = BudgetFixtures.Compare(plan, process, policies, BudgetFixtures.Options(3_000, dop: 1));
        var run = BudgetFixtures.Compare(plan, process, policies, BudgetFixtures.Options(3_000, dop: dop));
        for (int k = 0; k < policies.Length; k++)
        {
            Assert.Equal(reference.Outcomes[k], run.Outcomes[k]);
        }
    }

    [Property(MaxTest = 40)]
    public bool Outcome_RespectsBudgetAndRegretBounds(NormalFloat reserveRaw, NormalFloat hurdleRaw, PositiveInt seed)
    {
        double reserve = Math.Abs(reserveRaw.Get) % 1.0, hurdle = Math.Abs(hurdleRaw.Get) % 2.0;
        var plan = BudgetFixtures.TwoChannels(risk: Risk);
        var options = BudgetFixtures.Options(100, seed: (ulong)seed.Get);
        var outcome = BudgetFixtures.Simulate(plan, BudgetFixtures.Process(window: 3), new ReservePolicy(reserve, hurdle), options);
        return outcome.UnspentAtYearEnd.Mean >= -1e-9 && outcome.UnspentAtYearEnd.Mean <= (reserve * 1200) + 1e-9
            && outcome.RegretVsClairvoyant.Mean >= 0 && outcome.OpportunitiesCaptured.Mean >= 0
            && outcome.P5 <= outcome.P50 && outcome.P50 <= outcome.P95 && outcome.ConditionalValueAtRisk5 <= outcome.P5 + 1e-9
            && double.IsFinite(outcome.Value.Mean);
    }

    [Fact]
    public void Regret_IsZeroWithoutFlexibleMoneyAndPositiveWithIt()
    {
        var plan = BudgetFixtures.TwoChannels();
        var options = BudgetFixtures.Options(2_000);
        var comparison = BudgetFixtures.Compare(plan, BudgetFixtures.Process(), [new AnnualFixedPolicy(), new ReservePolicy(0.25, 0.3)], options);
        Assert.Equal(0, comparison.Outcomes[0].RegretVsClairvoyant.Mean);
        Assert.True(comparison.Outcomes[1].RegretVsClairvoyant.Mean > 0);
    }

    [Fact]
    public void FirstImpressionRisk_AnnualFixedMean_MatchesClosedForm()
    {
        // E[value] = (1 − ρ)B·Σ_c m_c·(share_c − p·d·atRisk_c). TwoChannels: search 12 × 1 (m 1.3), tiktok 2 in periods
        // 4..11 (m 1.1), so shares 12/28 and 16/28; tiktok launches at 4 and a failure depresses periods 4..6:
        // atRisk = 6/28. Value per year is one of two numbers, so the SE of the mean comes from the Bernoulli(p).
        var risk = new FirstImpressionRisk(0.3, 0.6, 3);
        var plan = BudgetFixtures.TwoChannels(reserve: 0, risk: risk);
        double success = 1200 * ((1.3 * 12 / 28) + (1.1 * 16 / 28));
        double failure = success - (1200 * 1.1 * 0.6 * 6 / 28);
        double expected = (0.7 * success) + (0.3 * failure);
        var outcome = BudgetFixtures.Simulate(plan, OpportunityProcess.None, new AnnualFixedPolicy(), BudgetFixtures.Options(20_000));
        Assert.InRange(outcome.Value.Mean, expected - (4 * outcome.Value.StandardError), expected + (4 * outcome.Value.StandardError));
        Assert.Equal(failure, outcome.P5, 9);
        Assert.Equal(success, outcome.P95, 9);
    }

    [Fact]
    public void Seasonality_ScalesTheArrivalRatePerPeriod()
    {
        // λ = 1 with s(t) = 2 gives exactly the rate 2 of the constant process: the same years, bit for bit. Zero
        // seasonality everywhere gives no opportunities at all.
        var plan = BudgetFixtures.TwoChannels();
        var policy = new ReservePolicy(0.25, 0.2);
        var options = BudgetFixtures.Options(1_000);
        var constant = BudgetFixtures.Simulate(plan, BudgetFixtures.Process(rate: 2), policy, options);
        var seasonal = BudgetFixtures.Simulate(plan, BudgetFixtures.Process(rate: 1) with { Seasonality = Enumerable.Repeat(2.0, 12).ToArray() }, policy, options);
        Assert.Equal(constant, seasonal);
        var off = BudgetFixtures.Simulate(plan, BudgetFixtures.Process(rate: 5) with { Seasonality = new double[12] }, policy, options);
        Assert.Equal(0, off.OpportunitiesCaptured.Mean);
        Assert.Equal(0.25 * 1200, off.UnspentAtYearEnd.Mean, 9);
    }
}
