using InfluenceModel.Budgeting;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Campaigns;

/// <summary>A lifecycle phase of a <see cref="Campaign"/> placed on the campaign's period axis.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Kind">Pre-launch, launch, sustain or post-campaign.</param>
/// <param name="FirstPeriod">First period of the phase (0-based).</param>
/// <param name="Periods">Length in periods, ≥ 1.</param>
/// <param name="SpendWeight">Relative paid-channel spend per period, ≥ 0.</param>
/// <param name="AmbassadorsActive">Whether ambassadors advocate in this phase.</param>
public sealed record CampaignPhase(string Name, CampaignPhaseKind Kind, int FirstPeriod, int Periods, double SpendWeight, bool AmbassadorsActive);

/// <summary>A consumer segment of a <see cref="Campaign"/> with its realised size on the network.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Share">Share of consumers, in (0, 1].</param>
/// <param name="ReviewReliance">Probability in [0, 1] that a member reads reviews before acting.</param>
/// <param name="Size">Consumers in the segment (the segment is their group label on the network).</param>
public sealed record ConsumerSegment(string Name, double Share, double ReviewReliance, int Size);

/// <summary>A channel the campaign uses and what it spends on it.</summary>
/// <param name="Name">Channel name.</param>
/// <param name="FixedCost">Fixed cost paid in the channel's first period with spend (money).</param>
/// <param name="SpendByPeriod">Variable (media) spend per period (money), one per period.</param>
public sealed record ChannelSpend(string Name, double FixedCost, IReadOnlyList<double> SpendByPeriod)
{
    /// <summary>Fixed cost plus variable spend over the campaign (money).</summary>
    public double Total => FixedCost + SpendByPeriod.Sum();
}

/// <summary>
/// A social influence marketing campaign, ready to simulate: its strategy, lifecycle phases, channel plan, ambassadors,
/// budget plan and the consumer population on a social graph with segments. Built from a validated
/// <see cref="CampaignScenario"/> by <see cref="FromScenario"/>; immutable and thread-safe.
/// </summary>
/// <remarks>
/// Building a campaign makes every planning decision once, deterministically from the scenario's seed: the consumer
/// network (stochastic block model, one block per segment), the employees and the ambassadors among them, the channel
/// selection and the split of the channel budget over channels and periods, and the <see cref="BudgetPlan"/>.
/// DESIGN.md "Campaign" and docs/models/campaign.md describe each step.
/// </remarks>
public sealed class Campaign
{
    private Campaign(CampaignScenario scenario)
    {
        Scenario = scenario;
        int periods = scenario.TotalPeriods;
        var phases = new List<CampaignPhase>();
        var weights = new double[periods];
        var ambassadorsActive = new bool[periods];
        int first = 0;
        foreach (PhaseSettings p in scenario.Phases)
        {
            phases.Add(new CampaignPhase(p.Name, p.Kind, first, p.Periods, p.SpendWeight, p.AmbassadorsActive));
            for (int t = first; t < first + p.Periods; t++)
            {
                weights[t] = p.SpendWeight;
                ambassadorsActive[t] = p.AmbassadorsActive;
            }

            first += p.Periods;
        }

        Phases = phases;
        AmbassadorsActiveByPeriod = ambassadorsActive;
        ulong seed = scenario.Simulation.Seed;
        Network = ConsumerNetwork.Generate(scenario.Population, scenario.Influence.PeerInfluence, seed);
        var sizes = new int[scenario.Population.Segments.Count];
        for (int v = 0; v < Network.NodeCount; v++)
        {
            sizes[Network.GroupOf(v)]++;
        }

        SegmentSizes = sizes;
        Segments = [.. scenario.Population.Segments.Select((s, g) => new ConsumerSegment(s.Name, s.Share, s.ReviewReliance, sizes[g]))];
        CandidateChannels = [.. scenario.Channels.Select(c => new CampaignChannel(c, scenario.Population.Segments))];

        AmbassadorSettings a = scenario.Ambassadors;
        int[] employees = ConsumerNetwork.Employees(Network.NodeCount, a.Employees, seed);
        AmbassadorNodes = ConsumerNetwork.SelectAmbassadors(Network, employees, a.Count, scenario.Influence.Model, seed);
        Ambassadors = [.. AmbassadorNodes.Select(Network.NodeId)];
        AmbassadorCostPerPeriod = a.Count * a.CostPerAmbassadorPerPeriod;

        BudgetSettings b = scenario.Budget;
        double committed = b.AnnualTotal * (1 - b.ReserveShare);
        double channelBudget = Math.Max(0, committed - (AmbassadorCostPerPeriod * periods));
        Planned = ChannelPlanning.Plan(CandidateChannels, sizes, weights, channelBudget, b.MaxChannels);
        ChannelPlan = [.. Planned.Select(p => new ChannelSpend(p.Channel.Name, p.Channel.Settings.FixedCost, Array.AsReadOnly(p.SpendByPeriod)))];
        Strategy = new Strategy(scenario.Strategy.Objective, scenario.Strategy.Audience, scenario.Strategy.Kpi);
        Budget = BuildPlan(scenario, Strategy, Planned, AmbassadorCostPerPeriod, periods, null);
        OpportunitySettings o = b.Opportunities;
        Opportunities = new OpportunityProcess
        {
            ArrivalRate = o.ArrivalRate,
            CostMedian = o.CostMedian,
            CostSigma = o.CostSigma,
            ValueMultipleMedian = o.ValueMultipleMedian,
            ValueMultipleSigma = o.ValueMultipleSigma,
            DecisionWindow = o.DecisionWindow,
        };
        Influence = NetworkInfluence.CreateModel(scenario.Influence);
    }

    /// <summary>The scenario the campaign was built from.</summary>
    public CampaignScenario Scenario { get; }

    /// <summary>The scenario's name.</summary>
    public string Name => Scenario.Name;

    /// <summary>The strategy the budget serves.</summary>
    public Strategy Strategy { get; }

    /// <summary>The lifecycle phases in order.</summary>
    public IReadOnlyList<CampaignPhase> Phases { get; }

    /// <summary>Number of periods (the sum of the phase lengths).</summary>
    public int Periods => AmbassadorsActiveByPeriod.Length;

    /// <summary>The consumer network: one node per consumer, the segment index as group label, influence weights λ/indeg(v) (in-weights sum to the peer influence λ).</summary>
    public SocialGraph Network { get; }

    /// <summary>The consumer segments with their sizes.</summary>
    public IReadOnlyList<ConsumerSegment> Segments { get; }

    /// <summary>The selected channels and their spend per period.</summary>
    public IReadOnlyList<ChannelSpend> ChannelPlan { get; }

    /// <summary>The ambassadors' node ids, in selection order.</summary>
    public IReadOnlyList<string> Ambassadors { get; }

    /// <summary>The budget plan: the strategy, the annual total, the reserve share and the committed money per channel
    /// (the ambassador program included) and period.</summary>
    public BudgetPlan Budget { get; }

    /// <summary>The short-term opportunities the reserve can fund.</summary>
    public OpportunityProcess Opportunities { get; }

    /// <summary>The network influence model (Kelman by default).</summary>
    public DiffusionModel Influence { get; }

    internal bool[] AmbassadorsActiveByPeriod { get; }

    internal int[] SegmentSizes { get; }

    internal CampaignChannel[] CandidateChannels { get; }

    internal PlannedChannel[] Planned { get; }

    internal int[] AmbassadorNodes { get; }

    internal double AmbassadorCostPerPeriod { get; }

    /// <summary>
    /// The response curve f_c of a selected channel: the share of its audience reached in a period at a steady spend
    /// per period, before adstock carry-over and fatigue.
    /// </summary>
    /// <param name="channel">Index into <see cref="ChannelPlan"/>.</param>
    /// <param name="spendPerPeriod">Spend per period (money, ≥ 0).</param>
    /// <returns>The share reached, in [0, β].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not an index of <see cref="ChannelPlan"/>, or the spend is negative, NaN or infinite.</exception>
    public double ChannelResponse(int channel, double spendPerPeriod)
    {
        Internal.Guard.InRange(channel, 0, Planned.Length - 1, nameof(channel));
        return Planned[channel].Channel.CurveValue(Internal.Guard.NonNegative(spendPerPeriod, nameof(spendPerPeriod)));
    }

    /// <summary>Builds the campaign from a scenario after validating it.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    /// <exception cref="ScenarioValidationException">The scenario has problems; all of them are listed with their JSON paths.</exception>
    public static Campaign FromScenario(CampaignScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        IReadOnlyList<ScenarioProblem> problems = scenario.Validate();
        if (problems.Count > 0)
        {
            throw new ScenarioValidationException(problems);
        }

        return new Campaign(scenario);
    }

    /// <summary>The budget plan with the given return multiple per committed line (channels in plan order, then the ambassador program).</summary>
    internal BudgetPlan PlanWithMultiples(IReadOnlyList<double> multiples) =>
        BuildPlan(Scenario, Strategy, Planned, AmbassadorCostPerPeriod, Periods, multiples);

    private static BudgetPlan BuildPlan(CampaignScenario scenario, Strategy strategy, PlannedChannel[] planned, double ambassadorCost, int periods, IReadOnlyList<double>? multiples)
    {
        var builder = new BudgetPlanBuilder()
            .ForStrategy(strategy)
            .WithAnnualTotal(scenario.Budget.AnnualTotal)
            .WithPeriods(periods)
            .WithReserveShare(scenario.Budget.ReserveShare);
        for (int i = 0; i < planned.Length; i++)
        {
            double[] cost = new double[periods];
            for (int t = 0; t < periods; t++)
            {
                cost[t] = planned[i].CostIn(t);
            }

            builder.Commit(planned[i].Channel.Name, multiples?[i] ?? 1, cost);
        }

        if (ambassadorCost > 0)
        {
            builder.Commit(ScenarioValidator.AmbassadorProgram, multiples?[planned.Length] ?? 1, [.. Enumerable.Repeat(ambassadorCost, periods)]);
        }

        return builder.Build();
    }
}
