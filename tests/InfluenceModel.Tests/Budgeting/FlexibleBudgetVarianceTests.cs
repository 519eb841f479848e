using FsCheck;
using FsCheck.Xunit;
using InfluenceModel.Budgeting;

namespace InfluenceModel.Tests.Budgeting;

public class FlexibleBudgetVarianceTests
{
    [Fact]
    public void Variances_WorkedExample_MatchHandComputation()
    {
        // Plan: fixed agency retainer 20,000 + 4 per thousand impressions × 5,000 = 40,000. Actual 6,000 thousand
        // impressions cost 45,500. Flexible budget 20,000 + 4·6,000 = 44,000: flexible-budget variance 1,500 U,
        // sales-volume variance 4,000 U, static-budget variance 5,500 U.
        var v = new FlexibleBudgetVariance(20_000, 4, 5_000, 6_000, 45_500);
        Assert.Equal(40_000, v.StaticBudget);
        Assert.Equal(44_000, v.FlexibleBudget);
        Assert.Equal(1_500, v.FlexibleBudgetVarianceAmount);
        Assert.Equal(4_000, v.SalesVolumeVariance);
        Assert.Equal(5_500, v.StaticBudgetVariance);
    }

    [Property]
    public bool FlexibleAndSalesVolumeVariances_AddUpToStaticBudgetVariance(
        NonNegativeInt fixedCost, NonNegativeInt rateTenths, NonNegativeInt budgeted, NonNegativeInt actual, NonNegativeInt cost)
    {
        var v = new FlexibleBudgetVariance(fixedCost.Get, rateTenths.Get / 10.0, budgeted.Get, actual.Get, cost.Get);
        double sum = v.FlexibleBudgetVarianceAmount + v.SalesVolumeVariance;
        return Math.Abs(sum - v.StaticBudgetVariance) <= 1e-12 * (1 + v.StaticBudget + v.FlexibleBudget + cost.Get)
            && v.FlexibleBudget == fixedCost.Get + (rateTenths.Get / 10.0 * actual.Get);
    }
}
