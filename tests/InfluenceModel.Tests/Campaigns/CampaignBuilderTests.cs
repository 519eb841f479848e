using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;
using InfluenceModel.Channels;
using InfluenceModel.Community;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Tests.Campaigns;

public sealed class CampaignBuilderTests
{
    private static readonly Strategy Strategy = new("Grow adoption", "Online buyers", "Adoptions");

    private static ConsumerPopulation Population(int consumers = 300) => new()
    {
        Consumers = consumers,
        Segments = [new ConsumerSegment { Name = "readers", Share = 0.4, ReviewReliance = 1 }, new ConsumerSegment { Name = "others", Share = 0.6 }],
    };

    private static Channel Blog(string name = "blog", double fixedCost = 1_000) =>
        new(name, [0.3, 0.2], fixedCost, new HillCurve(0.5, 4_000, 1), new GeometricAdstock(0.5, 3), new FatigueModel(0.02, 0.7));

    private static CampaignBuilder Builder(IChannelSelector? selector = null, IInfluenceMaximizer? maximizer = null) =>
        (selector is null ? new CampaignBuilder() : new CampaignBuilder(selector, maximizer!))
            .WithName("domain objects")
            .WithStrategy(Strategy)
            .AddPhase(new CampaignPhase { Name = "launch", Kind = CampaignPhaseKind.Launch, Periods = 2, SpendWeight = 2 })
            .AddPhase(new CampaignPhase { Name = "sustain", Kind = CampaignPhaseKind.Sustain, Periods = 3 })
            .WithPopulation(Population())
            .AddChannel(Blog(), new ChannelActivation { ActionRate = 0.28, ReviewCredibility = 0.4 })
            .AddChannel(new Channel("search", [0.5, 0.5], 0, new LogisticCurve(0.4, 0.0002)))
            .WithAmbassadors(new AmbassadorProgram { Count = 3, Employees = 30, CostPerAmbassadorPerPeriod = 100 })
            .WithBudget(new CampaignBudget { AnnualTotal = 50_000, MaxChannels = 2 })
            .WithOpportunities(new OpportunityProcess { ArrivalRate = 1 })
            .WithInfluence(new KelmanInfluence { MaxPeriods = 4 })
            .WithCommunity(CommunityRoiInputs.Default with { LaunchCost = 0 }, joinShare: 0.2)
            .WithPlanningSeed(7);

    [Fact]
    public void Build_FromDomainObjects_PlansWithinTheCommittedBudget()
    {
        Campaign campaign = Builder().Build();

        Assert.Equal(5, campaign.Periods);
        Assert.Equal(300, campaign.Network.NodeCount);
        Assert.Equal(300, campaign.SegmentSizes.Sum());
        Assert.Equal(3, campaign.Ambassadors.Count);
        Assert.Equal(2, campaign.CandidateChannels.Count);
        Assert.InRange(campaign.ChannelPlan.Count, 1, 2);
        double committed = campaign.Budget.Committed;
        double planned = 0;
        for (int c = 0; c < campaign.BudgetPlan.Channels.Count; c++)
        {
            for (int t = 0; t < campaign.Periods; t++)
            {
                planned += campaign.BudgetPlan.CommittedAmount(c, t);
            }
        }

        Assert.Equal(committed, planned, 1e-6 * committed);
        // The launch phase's weight 2 doubles its per-period spend against the sustain phase.
        IReadOnlyList<double> spend = campaign.ChannelPlan[0].SpendByPeriod;
        Assert.Equal(2 * spend[2], spend[0], 1e-9 * spend[0]);
    }

    [Fact]
    public void Build_UsesTheGivenModels_SoAHostsRegistrationsReachThePlanning()
    {
        var selector = new RecordingSelector();
        var maximizer = new RecordingMaximizer();
        Campaign campaign = Builder(selector, maximizer).Build();
        Assert.Equal(1, selector.Calls);
        Assert.Equal(1, maximizer.Calls);
        Assert.Equal(3, campaign.Ambassadors.Count);
    }

    [Fact]
    public void Build_SameInputs_SameCampaign()
    {
        Campaign a = Builder().Build(), b = Builder().Build();
        Assert.Equal(a.Ambassadors, b.Ambassadors);
        Assert.Equal(a.ChannelPlan.Select(c => c.Name), b.ChannelPlan.Select(c => c.Name));
        Assert.Equal(a.ChannelPlan.SelectMany(c => c.SpendByPeriod), b.ChannelPlan.SelectMany(c => c.SpendByPeriod));
        Assert.Equal(a.Network.EdgeCount, b.Network.EdgeCount);
    }

    [Fact]
    public void Problems_ListsEveryRuleBetweenTheParts_WithItsMemberPath()
    {
        CampaignBuilder builder = new CampaignBuilder()
            .AddPhase(new CampaignPhase { Kind = CampaignPhaseKind.Sustain, SpendWeight = 0 })
            .AddPhase(new CampaignPhase { Kind = CampaignPhaseKind.Launch, SpendWeight = 0 })
            .WithPopulation(Population(20) with { AverageDegree = 25 })
            .AddChannel(Blog())
            .AddChannel(Blog())
            .AddChannel(new Channel(AmbassadorProgram.BudgetLine, [0.1], 0, new HillCurve(2, 1, 1)))
            .WithAmbassadors(new AmbassadorProgram { Count = 5, Employees = 3 })
            .WithBudget(new CampaignBudget { MaxChannels = 4 });

        string[] members = [.. builder.Problems().Select(p => p.ParamName!)];

        Assert.Equal(
            ["Strategy", "Phases[1].Kind", "Phases", "Population.AverageDegree", "Channels[1].Name", "Channels[2].Name", "Channels[2].Audience", "Channels[2].Curve", "Budget.MaxChannels", "Ambassadors.Employees"],
            members);
        ArgumentException first = Assert.Throws<ArgumentException>(() => builder.Build());
        Assert.Equal("Strategy", first.ParamName);
    }

    [Fact]
    public void AmbassadorProgram_MoreThanTheCommittedBudget_IsAProblem()
    {
        CampaignBuilder builder = Builder().WithAmbassadors(new AmbassadorProgram { Count = 20, Employees = 30, CostPerAmbassadorPerPeriod = 1_000 });
        Assert.Equal("Ambassadors", Assert.Single(builder.Problems()).ParamName);
    }

    [Fact]
    public void DomainTypes_RejectBadValues_NamingTheProperty()
    {
        Assert.Equal("Periods", Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignPhase { Periods = 0 }).ParamName);
        Assert.Equal("Share", Assert.Throws<ArgumentOutOfRangeException>(() => new ConsumerSegment { Share = 0 }).ParamName);
        Assert.Equal("OrganicAdoptionRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ConsumerPopulation { OrganicAdoptionRate = 1 }).ParamName);
        Assert.Equal("PeerInfluence", Assert.Throws<ArgumentOutOfRangeException>(() => new ConsumerPopulation { PeerInfluence = 0 }).ParamName);
        Assert.Equal("Segments", Assert.Throws<ArgumentException>(() => new ConsumerPopulation { Segments = [] }).ParamName);
        Assert.Equal("ActionRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelActivation { ActionRate = 1.5 }).ParamName);
        Assert.Equal("Count", Assert.Throws<ArgumentOutOfRangeException>(() => new AmbassadorProgram { Count = -1 }).ParamName);
        Assert.Equal("ReserveShare", Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignBudget { ReserveShare = double.NaN }).ParamName);
        Assert.Equal("joinShare", Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignBuilder().WithCommunity(CommunityRoiInputs.Default, 2)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentNullException>(() => new CampaignBuilder().AddChannel(null!)).ParamName);
        Assert.Equal("channelSelector", Assert.Throws<ArgumentNullException>(() => new CampaignBuilder(null!, new RecordingMaximizer())).ParamName);
    }

    private sealed class RecordingSelector : IChannelSelector
    {
        public int Calls { get; private set; }

        public ChannelSelection Select(SelectionRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return ChannelSelector.Select(request, progress, cancellationToken);
        }
    }

    private sealed class RecordingMaximizer : IInfluenceMaximizer
    {
        public int Calls { get; private set; }

        public SeedSelection Select(SeedingRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return InfluenceMaximizer.Select(request, options, progress, cancellationToken);
        }
    }
}
