using BenchmarkDotNet.Attributes;
using InfluenceModel;
using InfluenceModel.Budgeting;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// Issue 6 speed targets: 100,000 simulated years of 52 weeks with 2 opportunities a week under ReservePolicy in ≤ 2 s;
/// the optimal reserve share over 21 grid points × 20,000 years in ≤ 5 s.
/// </summary>
[MemoryDiagnoser]
public class BudgetingBenchmarks
{
    private BudgetPlan _plan = null!;
    private OpportunityProcess _process = null!;

    [GlobalSetup]
    public void Setup()
    {
        var weeks = Enumerable.Repeat(1.0, 52).ToArray();
        _plan = new BudgetPlanBuilder()
            .ForStrategy(new Strategy("grow trial", "first-time buyers", "gross margin (EUR)"))
            .WithAnnualTotal(1_040_000).WithPeriods(52).WithReserveShare(0.2)
            .Commit("search", 1.3, weeks)
            .Commit("social", 1.2, weeks, new FirstImpressionRisk(0.25, 0.5, 4))
            .Build();
        _process = new OpportunityProcess { ArrivalRate = 2, CostMedian = 2_000, CostSigma = 0.5, ValueMultipleMedian = 1.5, ValueMultipleSigma = 0.5 };
    }

    [Benchmark(Description = "Simulate ReservePolicy, 100,000 years x 52 weeks, 2 opportunities/week")]
    public double ReservePolicy100kYears() =>
        BudgetSimulator.Simulate(new BudgetSimulationRequest { Plan = _plan, Opportunities = _process, Policy = new ReservePolicy(0.2, 0.3) }, new SimulationOptions { Simulations = 100_000, Seed = 1 }).Value.Mean;

    [Benchmark(Description = "ReserveOptimizer, 21 shares x 20,000 years")]
    public double OptimizeReserve21x20k() =>
        ReserveOptimizer.Optimize(new ReserveRequest { Plan = _plan, Opportunities = _process, Points = 21, HurdleRate = 0.3 }, new SimulationOptions { Simulations = 20_000, Seed = 1 }).BestShare;

    [Benchmark(Description = "Simulate StochasticKnapsackPolicy (DP + 100,000 years)")]
    public double Knapsack100kYears() =>
        BudgetSimulator.Simulate(new BudgetSimulationRequest { Plan = _plan, Opportunities = _process, Policy = new StochasticKnapsackPolicy() }, new SimulationOptions { Simulations = 100_000, Seed = 1 }).Value.Mean;
}
