using InfluenceModel.Budgeting;
using InfluenceModel.Channels;
using InfluenceModel.Community;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Campaigns;

/// <summary>
/// A social influence marketing campaign, planned and ready to simulate: its strategy, lifecycle phases, the consumer
/// population on its network, the chosen channels and their spend per period, the ambassadors, the budget plan, the
/// opportunities the reserve can fund, the network influence model and the user community it feeds. Built by
/// <see cref="CampaignBuilder"/> (or <see cref="CampaignScenario.Build"/>) from the domain objects; immutable and
/// thread-safe. Simulate it with <see cref="CampaignSimulator.Simulate"/>.
/// </summary>
/// <remarks>
/// Building makes every planning decision once, deterministically from the planning seed: the consumer network
/// (stochastic block model, one block per segment), the employees and the ambassadors among them (influence
/// maximization), the channel selection and the split of the channel budget over channels and periods (channel
/// selector), and the <see cref="BudgetPlan"/>. <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/campaign.md">docs/models/campaign.md</see> describes each step.
/// </remarks>
public sealed class Campaign
{
    internal Campaign(CampaignBuilder.Parts parts)
    {
        Name = parts.Name;
        Strategy = parts.Strategy;
        Phases = parts.Phases;
        Population = parts.Population;
        Network = parts.Network;
        SegmentSizes = parts.SegmentSizes;
        Candidates = parts.Candidates;
        CandidateChannels = [.. parts.Candidates.Select(c => c.Model)];
        Planned = parts.Planned;
        Channels = [.. parts.Planned.Select(p => p.Channel.Model)];
        ChannelPlan = [.. parts.Planned.Select(p => new ChannelSpend(p.Channel.Name, p.SpendByPeriod))];
        AmbassadorProgram = parts.Ambassadors;
        AmbassadorNodes = parts.AmbassadorNodes;
        Ambassadors = [.. parts.AmbassadorNodes.Select(parts.Network.NodeId)];
        Budget = parts.Budget;
        Opportunities = parts.Opportunities;
        Influence = parts.Influence;
        Community = parts.Community;
        CommunityJoinShare = parts.CommunityJoinShare;
        PlanningSeed = parts.PlanningSeed;
        int periods = 0;
        foreach (CampaignPhase phase in Phases)
        {
            periods += phase.Periods;
        }

        PhaseIndexByPeriod = new int[periods];
        AmbassadorsActiveByPeriod = new bool[periods];
        SpendWeightByPeriod = new double[periods];
        int t = 0;
        for (int i = 0; i < Phases.Count; i++)
        {
            for (int k = 0; k < Phases[i].Periods; k++, t++)
            {
                PhaseIndexByPeriod[t] = i;
                AmbassadorsActiveByPeriod[t] = Phases[i].AmbassadorsActive;
                SpendWeightByPeriod[t] = Phases[i].SpendWeight;
            }
        }

        BudgetPlan = BuildPlan(null);
    }

    /// <summary>The campaign's name.</summary>
    public string Name { get; }

    /// <summary>The strategy the budget serves.</summary>
    public Strategy Strategy { get; }

    /// <summary>The lifecycle phases in order.</summary>
    public IReadOnlyList<CampaignPhase> Phases { get; }

    /// <summary>Number of periods (the sum of the phase lengths).</summary>
    public int Periods => PhaseIndexByPeriod.Length;

    /// <summary>The consumers: their number, segments and network parameters.</summary>
    public ConsumerPopulation Population { get; }

    /// <summary>The consumer network: one node per consumer, the segment index as group label, influence weights λ/indeg(v) (in-weights sum to the peer influence λ).</summary>
    public SocialGraph Network { get; }

    /// <summary>Consumers in each segment on the network (the segments of <see cref="Population"/>, same order).</summary>
    public IReadOnlyList<int> SegmentSizes { get; }

    /// <summary>Every candidate channel, in the order added (the campaign uses at most <see cref="CampaignBudget.MaxChannels"/> of them).</summary>
    public IReadOnlyList<Channel> CandidateChannels { get; }

    /// <summary>The selected channels, in plan order (the order of <see cref="ChannelPlan"/>).</summary>
    public IReadOnlyList<Channel> Channels { get; }

    /// <summary>The selected channels' variable (media) spend per period; each channel's fixed cost
    /// (<see cref="Channel.FixedCost"/>) is paid on top, in its first period with spend.</summary>
    public IReadOnlyList<ChannelSpend> ChannelPlan { get; }

    /// <summary>The ambassador program.</summary>
    public AmbassadorProgram AmbassadorProgram { get; }

    /// <summary>The ambassadors' node ids, in selection order.</summary>
    public IReadOnlyList<string> Ambassadors { get; }

    /// <summary>The money: annual total, reserve share, channel cap, value per adoption, hurdle rate.</summary>
    public CampaignBudget Budget { get; }

    /// <summary>The budget plan: the strategy, the annual total, the reserve share and the committed money per channel
    /// (the ambassador program included, as <see cref="AmbassadorProgram.BudgetLine"/>) and period.</summary>
    public BudgetPlan BudgetPlan { get; }

    /// <summary>The short-term opportunities the reserve can fund.</summary>
    public OpportunityProcess Opportunities { get; }

    /// <summary>The network influence model (word of mouth within a period).</summary>
    public DiffusionModel Influence { get; }

    /// <summary>The user community's inputs; <see cref="CommunityRoiInputs.Horizon"/>, <see cref="CommunityRoiInputs.ObservedMembers"/>
    /// and <see cref="CommunityRoiInputs.Customers"/> are replaced by the simulated campaign's.</summary>
    public CommunityRoiInputs Community { get; }

    /// <summary>Share of adopters who join the user community, in [0, 1].</summary>
    public double CommunityJoinShare { get; }

    /// <summary>The seed of the planning decisions (network, employees, ambassadors).</summary>
    public ulong PlanningSeed { get; }

    internal PlannedChannel[] Planned { get; }

    internal ActivatedChannel[] Candidates { get; }

    internal int[] AmbassadorNodes { get; }

    internal int[] PhaseIndexByPeriod { get; }

    internal bool[] AmbassadorsActiveByPeriod { get; }

    internal double[] SpendWeightByPeriod { get; }

    /// <summary>
    /// The scenario this campaign was built from by <see cref="CampaignScenario.Build"/> (with the library's planning
    /// models), or null: the declarative input InfluenceModel.Orleans sends to silos, which build the same campaign.
    /// </summary>
    internal CampaignScenario? Scenario { get; private set; }

    /// <summary>Records the scenario this campaign was just built from (see <see cref="Scenario"/>); returns this campaign.</summary>
    internal Campaign BuiltFrom(CampaignScenario scenario)
    {
        Scenario = scenario;
        return this;
    }

    /// <summary>
    /// The response curve f_c of a selected channel: the share of its audience reached in a period at a steady spend
    /// per period, before adstock carry-over and fatigue.
    /// </summary>
    /// <param name="channel">Index into <see cref="ChannelPlan"/>.</param>
    /// <param name="spendPerPeriod">Spend per period (money, ≥ 0).</param>
    /// <returns>The share reached, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not an index of <see cref="ChannelPlan"/>, or the spend is negative, NaN or infinite.</exception>
    public double ChannelResponse(int channel, double spendPerPeriod)
    {
        Internal.Guard.InRange(channel, 0, Planned.Length - 1, nameof(channel));
        return Planned[channel].Channel.Model.Curve.Value(Internal.Guard.Amount(spendPerPeriod, nameof(spendPerPeriod)));
    }

    /// <summary>The budget plan with the given return multiple per committed line (channels in plan order, then the ambassador program).</summary>
    internal BudgetPlan PlanWithMultiples(IReadOnlyList<double> multiples) => BuildPlan(multiples);

    private BudgetPlan BuildPlan(IReadOnlyList<double>? multiples)
    {
        int periods = Periods;
        var builder = new BudgetPlanBuilder()
            .ForStrategy(Strategy)
            .WithAnnualTotal(Budget.AnnualTotal)
            .WithPeriods(periods)
            .WithReserveShare(Budget.ReserveShare)
            .AllowUnallocated();
        for (int i = 0; i < Planned.Length; i++)
        {
            double[] cost = new double[periods];
            for (int t = 0; t < periods; t++)
            {
                cost[t] = Planned[i].CostIn(t);
            }

            builder.CommitMeasured(Planned[i].Channel.Name, multiples?[i] ?? 1, cost);
        }

        double program = AmbassadorProgram.CostPerPeriod;
        if (program > 0)
        {
            builder.CommitMeasured(AmbassadorProgram.BudgetLine, multiples?[Planned.Length] ?? 1, [.. Enumerable.Repeat(program, periods)]);
        }

        return builder.Build();
    }
}
