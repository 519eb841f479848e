using InfluenceModel.Budgeting;

namespace InfluenceModel.Orleans;

/// <summary>
/// The wire form of a <see cref="BudgetPlan"/>: every field as it is stored, so the silo's plan (made by the same
/// internal constructors) is the client's bit for bit.
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed record PlanWire(
    [property: Id(0)] string Objective,
    [property: Id(1)] string Audience,
    [property: Id(2)] string Kpi,
    [property: Id(3)] double AnnualTotal,
    [property: Id(4)] int Periods,
    [property: Id(5)] double ReserveShare,
    [property: Id(6)] ChannelWire[] Channels)
{
    public static PlanWire From(BudgetPlan plan) => new(
        plan.Strategy.Objective,
        plan.Strategy.Audience,
        plan.Strategy.Kpi,
        plan.AnnualTotal,
        plan.Periods,
        plan.ReserveShare,
        [.. plan.Channels.Select(ChannelWire.From)]);

    public BudgetPlan ToPlan() =>
        new(new Strategy(Objective, Audience, Kpi), AnnualTotal, Periods, ReserveShare, [.. Channels.Select(c => c.ToChannel())]);
}

/// <summary>The wire form of a <see cref="BudgetChannel"/> (its first-impression risk when <see cref="Risky"/>).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ChannelWire(
    [property: Id(0)] string Name,
    [property: Id(1)] double ReturnMultiple,
    [property: Id(2)] double[] Allocation,
    [property: Id(3)] bool Risky,
    [property: Id(4)] double FailureProbability,
    [property: Id(5)] double Depression,
    [property: Id(6)] int DurationPeriods)
{
    public static ChannelWire From(BudgetChannel c) => new(
        c.Name,
        c.ReturnMultiple,
        [.. c.Allocation],
        c.FirstImpression is not null,
        c.FirstImpression?.FailureProbability ?? 0,
        c.FirstImpression?.Depression ?? 0,
        c.FirstImpression?.DurationPeriods ?? 1);

    public BudgetChannel ToChannel() =>
        new(Name, ReturnMultiple, (double[])Allocation.Clone(), Risky ? new FirstImpressionRisk(FailureProbability, Depression, DurationPeriods) : null);
}

/// <summary>The wire form of an <see cref="OpportunityProcess"/>.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record OpportunityWire(
    [property: Id(0)] double ArrivalRate,
    [property: Id(1)] double[]? Seasonality,
    [property: Id(2)] double CostMedian,
    [property: Id(3)] double CostSigma,
    [property: Id(4)] double ValueMultipleMedian,
    [property: Id(5)] double ValueMultipleSigma,
    [property: Id(6)] int DecisionWindow)
{
    public static OpportunityWire From(OpportunityProcess p) => new(
        p.ArrivalRate, p.Seasonality is { } s ? [.. s] : null, p.CostMedian, p.CostSigma, p.ValueMultipleMedian, p.ValueMultipleSigma, p.DecisionWindow);

    // The arrival rate last: λ·max s(t)·w is checked whenever one of the three is set, and only the final triple is
    // known to pass.
    public OpportunityProcess ToProcess() => new OpportunityProcess
    {
        ArrivalRate = 0,
        Seasonality = Seasonality,
        DecisionWindow = DecisionWindow,
        CostMedian = CostMedian,
        CostSigma = CostSigma,
        ValueMultipleMedian = ValueMultipleMedian,
        ValueMultipleSigma = ValueMultipleSigma,
    } with { ArrivalRate = ArrivalRate };
}

/// <summary>The wire form of a <see cref="BudgetPolicy"/>: its kind and the parameters of that kind.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record PolicyWire(
    [property: Id(0)] PolicyKind Kind,
    [property: Id(1)] double? ReserveShare,
    [property: Id(2)] double HurdleRate,
    [property: Id(3)] int Every,
    [property: Id(4)] int BudgetUnits,
    [property: Id(5)] int StepsPerPeriod)
{
    /// <summary>The wire form of <paramref name="policy"/>; a policy type the cluster does not know is refused.</summary>
    /// <exception cref="ArgumentException">Not one of the library's policies (ParamName <paramref name="paramName"/>).</exception>
    public static PolicyWire From(BudgetPolicy policy, string paramName) => policy switch
    {
        AnnualFixedPolicy => new(PolicyKind.AnnualFixed, null, 0, 0, 0, 0),
        ReservePolicy r => new(PolicyKind.Reserve, r.Share, r.HurdleRate, 0, 0, 0),
        RollingReforecastPolicy r => new(PolicyKind.RollingReforecast, r.ReserveShare, 0, r.EveryPeriods, 0, 0),
        StochasticKnapsackPolicy k => new(PolicyKind.StochasticKnapsack, k.ReserveShare, 0, 0, k.BudgetUnits, k.StepsPerPeriod),
        _ => throw new ArgumentException($"The cluster runs the library's budget policies; {policy.GetType().Name} is not one of them.", paramName),
    };

    public BudgetPolicy ToPolicy() => Kind switch
    {
        PolicyKind.AnnualFixed => new AnnualFixedPolicy(),
        PolicyKind.Reserve => new ReservePolicy(ReserveShare!.Value, HurdleRate),
        PolicyKind.RollingReforecast => new RollingReforecastPolicy(Every, ReserveShare),
        _ => new StochasticKnapsackPolicy(ReserveShare, BudgetUnits, StepsPerPeriod),
    };
}

/// <summary>The budget policies the cluster runs.</summary>
[GenerateSerializer]
internal enum PolicyKind
{
    /// <summary><see cref="AnnualFixedPolicy"/>.</summary>
    AnnualFixed,

    /// <summary><see cref="ReservePolicy"/>.</summary>
    Reserve,

    /// <summary><see cref="RollingReforecastPolicy"/>.</summary>
    RollingReforecast,

    /// <summary><see cref="StochasticKnapsackPolicy"/>.</summary>
    StochasticKnapsack,
}

/// <summary>A budget comparison to simulate over a range of years: the plan, the opportunities, the policies, the seed.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record BudgetJob(
    [property: Id(0)] PlanWire Plan,
    [property: Id(1)] OpportunityWire Opportunities,
    [property: Id(2)] PolicyWire[] Policies,
    [property: Id(3)] ulong Seed)
{
    public BudgetComparisonRequest ToRequest() =>
        new() { Plan = Plan.ToPlan(), Opportunities = Opportunities.ToProcess(), Policies = [.. Policies.Select(p => p.ToPolicy())] };
}

/// <summary>One policy's samples of a range of years, in year order.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record YearsPartial(
    [property: Id(0)] double[] Value,
    [property: Id(1)] double[] Captured,
    [property: Id(2)] double[] Unspent,
    [property: Id(3)] double[] Regret)
{
    public static YearsPartial From(BudgetSimulator.Samples s) => new(s.Value, s.Captured, s.Unspent, s.Regret);

    public BudgetSimulator.Samples ToSamples() => new(Value, Captured, Unspent, Regret);
}

/// <summary>A reserve grid to simulate over a range of years.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ReserveJob(
    [property: Id(0)] PlanWire Plan,
    [property: Id(1)] OpportunityWire Opportunities,
    [property: Id(2)] double Minimum,
    [property: Id(3)] double Maximum,
    [property: Id(4)] int Points,
    [property: Id(5)] double HurdleRate,
    [property: Id(6)] ulong Seed)
{
    public static ReserveJob From(ReserveRequest r, ulong seed) =>
        new(PlanWire.From(r.Plan), OpportunityWire.From(r.Opportunities), r.Range.Minimum, r.Range.Maximum, r.Points, r.HurdleRate, seed);

    public ReserveRequest ToRequest() => new()
    {
        Plan = Plan.ToPlan(),
        Opportunities = Opportunities.ToProcess(),
        Range = new ReserveRange(Minimum, Maximum),
        Points = Points,
        HurdleRate = HurdleRate,
    };
}

/// <summary>
/// A campaign to simulate over a range of runs: the scenario it was built from (as JSON; every silo builds the same
/// campaign from it, deterministically) and the client's campaign fingerprint to check that it did.
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed record CampaignJob(
    [property: Id(0)] string ScenarioJson,
    [property: Id(1)] ulong Fingerprint,
    [property: Id(2)] ulong Seed);

/// <summary>The samples of a range of campaign runs: <c>CampaignSamples.Columns()</c>.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record CampaignPartial([property: Id(0)] double[][] Columns);
