using InfluenceModel.Budgeting;

namespace InfluenceModel.Tests.Budgeting;

public class BudgetPlanTests
{
    [Fact]
    public void Build_WithoutStrategy_ThrowsInvalidOperationSayingABudgetNeedsAStrategy()
    {
        var builder = new BudgetPlanBuilder().WithAnnualTotal(100).WithPeriods(4).Commit("search", 1.2, BudgetFixtures.Even(4));
        var ex = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("budget needs a strategy", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CommittedAmount_RescalesAllocationsToTotalMinusReserve()
    {
        var plan = BudgetFixtures.TwoChannels(periods: 12, total: 1200, reserve: 0.25);
        double sum = 0;
        for (int c = 0; c < 2; c++)
        {
            for (int t = 0; t < 12; t++)
            {
                sum += plan.CommittedAmount(c, t);
            }
        }

        Assert.Equal(900, sum, 9);
        Assert.Equal(300, plan.FlexibleAmount, 12);
        Assert.Equal(4, plan.Channels[1].LaunchPeriod);
        Assert.Equal(plan.CommittedAmount(0, 0) * 0.9 / 0.75, plan.WithReserveShare(0.1).CommittedAmount(0, 0), 9);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void WithAnnualTotal_NegativeOrNaN_ThrowsNamingParameter(double total)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetPlanBuilder().WithAnnualTotal(total));
        Assert.Equal("annualTotal", ex.ParamName);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void ReserveShare_OutsideUnitInterval_ThrowsNamingParameter(double share)
    {
        Assert.Equal("reserveShare", Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetPlanBuilder().WithReserveShare(share)).ParamName);
        Assert.Equal("reserveShare", Assert.Throws<ArgumentOutOfRangeException>(() => new ReservePolicy(share, 0)).ParamName);
        Assert.Equal("reserveShare", Assert.Throws<ArgumentOutOfRangeException>(() => new RollingReforecastPolicy(4, share)).ParamName);
        Assert.Equal("reserveShare", Assert.Throws<ArgumentOutOfRangeException>(() => new StochasticKnapsackPolicy(share)).ParamName);
        Assert.Equal("reserveShare", Assert.Throws<ArgumentOutOfRangeException>(() => BudgetFixtures.TwoChannels().WithReserveShare(share)).ParamName);
        Assert.Equal("minimum", Assert.Throws<ArgumentOutOfRangeException>(() => new ReserveRange(share, 1)).ParamName);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void NegativeOrNaNRates_ThrowNamingParameter(double rate)
    {
        Assert.Equal(nameof(OpportunityProcess.ArrivalRate), Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityProcess { ArrivalRate = rate }).ParamName);
        Assert.Equal("hurdleRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ReservePolicy(0.1, rate)).ParamName);
        Assert.Equal(nameof(ReserveRequest.HurdleRate), Assert.Throws<ArgumentOutOfRangeException>(() => new ReserveRequest { Plan = BudgetFixtures.TwoChannels(), Opportunities = OpportunityProcess.None, HurdleRate = rate }).ParamName);
        Assert.Equal(nameof(OpportunityProcess.CostMedian), Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityProcess { CostMedian = rate }).ParamName);
        Assert.Equal(nameof(OpportunityProcess.ValueMultipleSigma), Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityProcess { ValueMultipleSigma = rate }).ParamName);
        Assert.Equal(nameof(OpportunityProcess.Seasonality), Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityProcess { Seasonality = [1, rate] }).ParamName);
        Assert.Equal("returnMultiple", Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetPlanBuilder().Commit("x", rate, [1.0])).ParamName);
        Assert.Equal("allocation", Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetPlanBuilder().Commit("x", 1, [1.0, rate])).ParamName);
        Assert.Equal("failureProbability", Assert.Throws<ArgumentOutOfRangeException>(() => new FirstImpressionRisk(rate, 0.5, 2)).ParamName);
        Assert.Equal("variableCostPerUnit", Assert.Throws<ArgumentOutOfRangeException>(() => new FlexibleBudgetVariance(1, rate, 1, 1, 1)).ParamName);
    }

    [Fact]
    public void OtherBadInput_ThrowsNamingParameter()
    {
        Assert.Equal("periods", Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetPlanBuilder().WithPeriods(0)).ParamName);
        Assert.Equal("everyPeriods", Assert.Throws<ArgumentOutOfRangeException>(() => new RollingReforecastPolicy(0)).ParamName);
        Assert.Equal("durationPeriods", Assert.Throws<ArgumentOutOfRangeException>(() => new FirstImpressionRisk(0.2, 0.5, 0)).ParamName);
        Assert.Equal(nameof(OpportunityProcess.DecisionWindow), Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityProcess { DecisionWindow = 0 }).ParamName);
        Assert.Equal("maximum", Assert.Throws<ArgumentOutOfRangeException>(() => new ReserveRange(0.5, 0.2)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new BudgetPlanBuilder().Commit("a", 1, [1.0]).Commit("a", 1, [1.0])).ParamName);
        Assert.Equal("allocation", Assert.Throws<ArgumentException>(() => new BudgetPlanBuilder().ForStrategy(BudgetFixtures.Strategy).WithPeriods(3).Commit("a", 1, [1.0]).Build()).ParamName);
        Assert.Throws<ArgumentException>(() => new Strategy(" ", "a", "k"));
        var process = new OpportunityProcess { Seasonality = [1.0, 2.0] };
        Assert.Equal(nameof(BudgetSimulationRequest.Opportunities), Assert.Throws<ArgumentException>(() => BudgetFixtures.Simulate(BudgetFixtures.TwoChannels(), process, new AnnualFixedPolicy())).ParamName);
    }
}
