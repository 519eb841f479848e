using InfluenceModel.Budgeting;

namespace InfluenceModel.Campaigns;

/// <summary>
/// What the campaign's reserve is worth (Budgeting model): the committed lines earn what the simulation showed they earn
/// (value per adoption × attributed adopters / spend), and the budget simulator and reserve optimizer value the plan
/// with and without the reserve over <see cref="Years"/> simulated years on the simulation's seed.
/// </summary>
internal static class ReserveAnalysis
{
    /// <summary>Simulated years per policy and per point of the reserve curve.</summary>
    public const int Years = 4000;

    public static ReserveValue Analyse(
        Campaign campaign, IReadOnlyList<ChannelResult> channels, CampaignSummary summary, SimulationOptions options,
        IBudgetSimulator budgetSimulator, IReserveOptimizer reserveOptimizer, CancellationToken cancellationToken)
    {
        double value = campaign.Budget.ValuePerAdoption;
        int count = channels.Count;
        var multiples = new double[count + 1];
        for (int c = 0; c < count; c++)
        {
            multiples[c] = channels[c].Spend > 0 ? Math.Max(0, value * channels[c].AttributedAdopters.Mean / channels[c].Spend) : 0;
        }

        double program = campaign.AmbassadorProgram.CostPerPeriod * campaign.Periods;
        multiples[count] = program > 0 ? Math.Max(0, value * summary.AmbassadorAttributedAdopters.Mean / program) : 0;
        BudgetPlan plan = campaign.PlanWithMultiples(multiples);
        CampaignBudget b = campaign.Budget;
        var budgetOptions = new SimulationOptions { Simulations = Years, Seed = options.Seed, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        BudgetComparison comparison = budgetSimulator.Compare(
            new BudgetComparisonRequest { Plan = plan, Opportunities = campaign.Opportunities, Policies = [new AnnualFixedPolicy(), new ReservePolicy(b.ReserveShare, b.HurdleRate)] },
            budgetOptions, null, cancellationToken);
        ReserveCurve curve = reserveOptimizer.Optimize(
            new ReserveRequest { Plan = plan, Opportunities = campaign.Opportunities, Range = new ReserveRange(0, 0.5), Points = 11, HurdleRate = b.HurdleRate },
            budgetOptions, null, cancellationToken);
        BudgetOutcome fixedOutcome = comparison.Outcomes[0], reserveOutcome = comparison.Outcomes[1];
        return new ReserveValue
        {
            ReserveShare = b.ReserveShare,
            WithReserve = reserveOutcome.Value,
            AnnualFixed = fixedOutcome.Value,
            OpportunitiesCaptured = reserveOutcome.OpportunitiesCaptured.Mean,
            ReserveUnspent = reserveOutcome.UnspentAtYearEnd,
            BestShare = curve.BestShare,
            Curve = [.. curve.Points.Select(p => new ReserveValuePoint { ReserveShare = p.ReserveShare, Value = p.Mean })],
        };
    }
}
