#:project ../../src/InfluenceModel/InfluenceModel.csproj
// Flexible budgets: what is a reserve worth, and how big should it be?
// Run from the repository root: dotnet run docs/experiments/budgeting.cs
using InfluenceModel;
using InfluenceModel.Budgeting;

var weeks = Enumerable.Repeat(1.0, 52).ToArray();
var late = weeks.Select((w, t) => t >= 13 ? w : 0).ToArray();
var plan = new BudgetPlanBuilder()
    .ForStrategy(new Strategy("Grow trial of the new range", "First-time buyers aged 25-40", "incremental gross margin (EUR)"))
    .WithAnnualTotal(1_040_000).WithPeriods(52).WithReserveShare(0.15)
    .Commit("search", 1.3, weeks)
    .Commit("instagram", 1.2, weeks)
    .Commit("tiktok", 1.4, late, new FirstImpressionRisk(0.3, 0.6, 8))
    .Build();
var process = new OpportunityProcess
{
    ArrivalRate = 2, CostMedian = 2_000, CostSigma = 0.6, ValueMultipleMedian = 1.5, ValueMultipleSigma = 0.6, DecisionWindow = 2,
};
var options = new SimulationOptions { Simulations = 20_000, Seed = 42 };

// 1. Policies on the same simulated years (common random numbers).
var comparison = BudgetSimulator.Compare(
    new BudgetComparisonRequest
    {
        Plan = plan,
        Opportunities = process,
        Policies = [new AnnualFixedPolicy(), new ReservePolicy(0.15, 0.3), new RollingReforecastPolicy(13), new StochasticKnapsackPolicy()],
    },
    options);
Console.WriteLine($"{"policy",-32} {"mean",12} {"±95%",8} {"CVaR5",12} {"taken",6} {"unspent",9} {"regret",9}");
foreach (var o in comparison.Outcomes)
{
    Console.WriteLine($"{o.Policy,-32} {o.Value.Mean,12:N0} {o.Value.Interval95.Upper - o.Value.Mean,8:N0} {o.ConditionalValueAtRisk5,12:N0} {o.OpportunitiesCaptured.Mean,6:N1} {o.UnspentAtYearEnd.Mean,9:N0} {o.RegretVsClairvoyant.Mean,9:N0}");
}

foreach (var d in comparison.Differences)
{
    Console.WriteLine($"{d.Policy} − {d.Baseline}: {d.Difference.Mean:N0} ± {d.Difference.Interval95.Upper - d.Difference.Mean:N0} (paired)");
}

// 2. The reserve share: expected value and risk-adjusted (CVaR 5%) optimum.
foreach (var objective in new[] { ReserveObjective.Mean, ReserveObjective.ConditionalValueAtRisk })
{
    var curve = ReserveOptimizer.Optimize(new ReserveRequest { Plan = plan, Opportunities = process, HurdleRate = 0.3, Objective = objective }, options);
    Console.WriteLine($"best reserve share for {objective}: {curve.BestShare:P1} → {curve.BestValue.Mean:N0} ± {curve.BestValue.Interval95.Upper - curve.BestValue.Mean:N0}");
}

// 3. The flexible budget after the year: fixed retainer + variable cost per thousand impressions.
var variance = new FlexibleBudgetVariance(fixedCost: 20_000, variableCostPerUnit: 4, budgetedVolume: 5_000, actualVolume: 6_000, actualCost: 45_500);
Console.WriteLine($"static {variance.StaticBudget:N0}, flexible {variance.FlexibleBudget:N0}: flexible-budget variance {variance.FlexibleBudgetVarianceAmount:N0} + sales-volume variance {variance.SalesVolumeVariance:N0} = static-budget variance {variance.StaticBudgetVariance:N0}");
