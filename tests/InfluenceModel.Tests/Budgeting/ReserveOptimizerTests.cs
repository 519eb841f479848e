using InfluenceModel.Budgeting;
using InfluenceModel.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.Budgeting;

public class ReserveOptimizerTests
{
    [Fact]
    public void Optimize_WithoutOpportunities_CurveFallsLinearlyAndBestShareIsTheMinimum()
    {
        // Equal multiples m, no opportunities: V(ρ) = m·(1 − ρ)·B exactly, with zero spread.
        var plan = BudgetFixtures.TwoChannels(total: 1000, m1: 1.5, m2: 1.5);
        var curve = ReserveOptimizer.Optimize(
            new ReserveRequest { Plan = plan, Opportunities = OpportunityProcess.None, Range = new ReserveRange(0.1, 0.5), Points = 5 }, BudgetFixtures.Options(200));
        Assert.Equal(5, curve.Points.Count);
        for (int g = 0; g < 5; g++)
        {
            double share = 0.1 + (0.1 * g);
            Assert.Equal(share, curve.Points[g].ReserveShare, 12);
            Assert.Equal(1.5 * (1 - share) * 1000, curve.Points[g].Mean.Mean, 9);
            Assert.Equal(curve.Points[g].Mean.Mean, curve.Points[g].ConditionalValueAtRisk5.Mean, 9);
        }

        Assert.Equal(0.1, curve.BestShare, 12);
    }

    [Fact]
    public void Optimize_MatchesReservePolicySimulationAtEveryGridPoint()
    {
        // The optimizer replays each year at every share; the same years under BudgetSimulator give the same values.
        var plan = BudgetFixtures.TwoChannels(risk: new FirstImpressionRisk(0.3, 0.5, 2));
        var process = BudgetFixtures.Process();
        var options = BudgetFixtures.Options(1_000);
        var request = new ReserveRequest { Plan = plan, Opportunities = process, Range = new ReserveRange(0, 0.4), Points = 3, HurdleRate = 0.3, Objective = ReserveObjective.ConditionalValueAtRisk };
        var curve = ReserveOptimizer.Optimize(request, options);
        foreach (var point in curve.Points)
        {
            var outcome = BudgetFixtures.Simulate(plan, process, new ReservePolicy(point.ReserveShare, 0.3), options);
            Assert.Equal(outcome.Value.Mean, point.Mean.Mean, 9);
            Assert.Equal(outcome.Value.StandardError, point.Mean.StandardError, 9);
            Assert.Equal(outcome.ConditionalValueAtRisk5, point.ConditionalValueAtRisk5.Mean, 9);
            Assert.Equal(point.ConditionalValueAtRisk5, point.Objective);
            Assert.True(point.Objective.Interval95.Contains(point.Objective.Mean) && (point.Objective.StandardError > 0 || point.ReserveShare == 0));
        }

        Assert.Equal(curve.Points.MaxBy(p => p.Objective.Mean)!.ReserveShare, curve.BestShare);
    }

    [Fact]
    public void Optimize_WithValuableOpportunities_PrefersAnInteriorReserve()
    {
        // Opportunities worth ≈ 2× while the plan earns 1.1×: some reserve pays; all of it cannot be spent.
        var plan = BudgetFixtures.TwoChannels(periods: 52, total: 52_000, m1: 1.1, m2: 1.1);
        var process = new OpportunityProcess { ArrivalRate = 1, CostMedian = 100, CostSigma = 0.3, ValueMultipleMedian = 2, ValueMultipleSigma = 0.3 };
        var curve = ReserveOptimizer.Optimize(new ReserveRequest { Plan = plan, Opportunities = process, Range = new ReserveRange(0, 1), Points = 11, HurdleRate = 0.1 }, BudgetFixtures.Options(2_000));
        Assert.InRange(curve.BestShare, 0.05, 0.95);
        Assert.True(curve.BestValue.Mean > curve.Points[0].Mean.Mean + (3 * curve.Points[0].Mean.StandardError));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Optimize_SameSeed_BitIdenticalAtAnyParallelism(int dop)
    {
        var plan = BudgetFixtures.TwoChannels();
        var request = new ReserveRequest { Plan = plan, Opportunities = BudgetFixtures.Process(), Points = 4 };
        var a = ReserveOptimizer.Optimize(request, BudgetFixtures.Options(2_000, dop: 1));
        var b = ReserveOptimizer.Optimize(request, BudgetFixtures.Options(2_000, dop: dop));
        Assert.Equal(a.Points, b.Points);
    }

    [Fact]
    public void AddInfluenceModel_RegistersSimulatorAndOptimizerUsingHostDefaults()
    {
        using var provider = new ServiceCollection().AddInfluenceModel(o => o.Simulation = new SimulationOptions { Simulations = 123 }).BuildServiceProvider();
        var simulator = provider.GetRequiredService<IBudgetSimulator>();
        var optimizer = provider.GetRequiredService<IReserveOptimizer>();
        var plan = BudgetFixtures.TwoChannels();
        Assert.Equal(123, simulator.Simulate(new BudgetSimulationRequest { Plan = plan, Opportunities = BudgetFixtures.Process(), Policy = new AnnualFixedPolicy() }).Value.Count);
        Assert.Equal(123, optimizer.Optimize(new ReserveRequest { Plan = plan, Opportunities = BudgetFixtures.Process(), Points = 2 }).Simulations);
    }

    [Fact]
    public void ReserveRequest_UndefinedObjective_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ReserveRequest { Plan = BudgetFixtures.TwoChannels(), Opportunities = OpportunityProcess.None, Objective = (ReserveObjective)5 });
        Assert.Equal(nameof(ReserveRequest.Objective), ex.ParamName);
    }
}
