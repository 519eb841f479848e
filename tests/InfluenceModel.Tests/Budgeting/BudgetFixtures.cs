using InfluenceModel.Budgeting;

namespace InfluenceModel.Tests.Budgeting;

internal static class BudgetFixtures
{
    public static Strategy Strategy { get; } = new("grow trial", "first-time buyers", "gross margin (EUR)");

    public static double[] Even(int periods) => Enumerable.Repeat(1.0, periods).ToArray();

    /// <summary>Two channels over <paramref name="periods"/> periods; the second is new and may fail its launch.</summary>
    public static BudgetPlan TwoChannels(int periods = 12, double total = 1200, double reserve = 0.25, double m1 = 1.3, double m2 = 1.1, FirstImpressionRisk? risk = null)
    {
        var late = new double[periods];
        for (int t = periods / 3; t < periods; t++)
        {
            late[t] = 2;
        }

        return new BudgetPlanBuilder().ForStrategy(Strategy).WithAnnualTotal(total).WithPeriods(periods).WithReserveShare(reserve)
            .Commit("search", m1, Even(periods))
            .Commit("tiktok", m2, late, risk)
            .Build();
    }

    public static OpportunityProcess Process(double rate = 1.5, int window = 1) => new()
    {
        ArrivalRate = rate,
        CostMedian = 30,
        CostSigma = 0.5,
        ValueMultipleMedian = 1.4,
        ValueMultipleSigma = 0.6,
        DecisionWindow = window,
    };

    public static SimulationOptions Options(int simulations, ulong seed = 7, int dop = -1) =>
        new() { Simulations = simulations, Seed = seed, MaxDegreeOfParallelism = dop };

    /// <summary>One policy through the façade (request built from the parts).</summary>
    internal static BudgetOutcome Simulate(BudgetPlan plan, OpportunityProcess process, BudgetPolicy policy, SimulationOptions? options = null) =>
        BudgetSimulator.Simulate(new BudgetSimulationRequest { Plan = plan, Opportunities = process, Policy = policy }, options);

    /// <summary>Several policies through the façade (request built from the parts).</summary>
    internal static BudgetComparison Compare(BudgetPlan plan, OpportunityProcess process, IReadOnlyList<BudgetPolicy> policies, SimulationOptions? options = null) =>
        BudgetSimulator.Compare(new BudgetComparisonRequest { Plan = plan, Opportunities = process, Policies = policies }, options);
}
