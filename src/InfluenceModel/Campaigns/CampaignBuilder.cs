using InfluenceModel.Budgeting;
using InfluenceModel.Channels;
using InfluenceModel.Community;
using InfluenceModel.Diffusion;
using InfluenceModel.Internal;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Campaigns;

/// <summary>
/// Composes a <see cref="Campaign"/> from the domain objects as they are: the Channels model's <see cref="Channel"/>s
/// (each with its <see cref="ChannelActivation"/>), a <see cref="DiffusionModel"/>, an <see cref="OpportunityProcess"/>,
/// <see cref="CommunityRoiInputs"/>, a <see cref="Budgeting.Strategy"/>, the <see cref="ConsumerPopulation"/>, the
/// <see cref="Campaigns.AmbassadorProgram"/>, the <see cref="CampaignPhase"/>s and the <see cref="CampaignBudget"/>.
/// <b>Mutable and not thread-safe</b> (a builder); <see cref="Build"/> produces an immutable campaign.
/// </summary>
/// <remarks>
/// <para>
/// Each domain object validates itself when it is made (its bounds are declared there, once). The builder checks only
/// the rules between them (<see cref="Problems"/>): a strategy, at least one phase in lifecycle order with some spend
/// weight and at most <see cref="CampaignPhase.MaxPeriods"/> periods in all, at least one channel, unique channel names
/// (none called <see cref="AmbassadorProgram.BudgetLine"/>), one audience share per segment, curve ceilings ≤ 1 (a share
/// of the audience), at most as many paid channels as candidates, Count ≤ Employees ≤ consumers, and a program that fits
/// the committed budget with room for a channel.
/// </para>
/// <para>
/// Planning goes through the models' interfaces: ambassadors are chosen by an <see cref="IInfluenceMaximizer"/>
/// (OPIM-C under linear threshold, or independent cascade when that is the influence model, among the employees) and
/// channels by an <see cref="IChannelSelector"/>. The parameterless constructor uses the library's services; a host
/// passes its own (for example the ones registered by <c>AddInfluenceModel</c>).
/// </para>
/// <para>Defaults: the source article's population, ambassador program and budget (each type's own defaults), the
/// <see cref="OpportunityProcess"/>'s and <see cref="CommunityRoiInputs"/>' defaults, a community join share of 0.15,
/// <see cref="KelmanInfluence"/> with its defaults, planning seed 0. The name, strategy, phases and channels have no
/// default.</para>
/// </remarks>
public sealed class CampaignBuilder
{
    private readonly IChannelSelector _channelSelector;
    private readonly IInfluenceMaximizer _influenceMaximizer;
    private readonly List<CampaignPhase> _phases = [];
    private readonly List<(Channel Channel, ChannelActivation Activation)> _channels = [];
    private string _name = "campaign";
    private Strategy? _strategy;
    private ConsumerPopulation _population = new();
    private AmbassadorProgram _ambassadors = new();
    private CampaignBudget _budget = new();
    private OpportunityProcess _opportunities = new();
    private DiffusionModel _influence = new KelmanInfluence();
    private CommunityRoiInputs _community = CommunityRoiInputs.Default;
    private double _joinShare = DefaultJoinShare;
    private ulong _planningSeed;

    /// <summary>The default share of adopters who join the user community: 0.15.</summary>
    public const double DefaultJoinShare = 0.15;

    /// <summary>A builder that plans with the library's channel selector and influence maximizer.</summary>
    public CampaignBuilder()
        : this(new ChannelSelectorService(), new InfluenceMaximizerService(SimulationOptions.Default))
    {
    }

    /// <summary>A builder that plans with the given models (a host's registrations).</summary>
    /// <param name="channelSelector">Chooses the channels and splits the channel budget.</param>
    /// <param name="influenceMaximizer">Chooses the ambassadors among the employees.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CampaignBuilder(IChannelSelector channelSelector, IInfluenceMaximizer influenceMaximizer)
    {
        ArgumentNullException.ThrowIfNull(channelSelector);
        ArgumentNullException.ThrowIfNull(influenceMaximizer);
        _channelSelector = channelSelector;
        _influenceMaximizer = influenceMaximizer;
    }

    /// <summary>Sets the display name (default "campaign").</summary>
    /// <param name="name">Non-empty.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public CampaignBuilder WithName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        return this;
    }

    /// <summary>Sets the strategy the budget serves (required: a budget cannot exist without a strategy).</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="strategy"/> is null.</exception>
    public CampaignBuilder WithStrategy(Strategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        _strategy = strategy;
        return this;
    }

    /// <summary>Appends a lifecycle phase; phases run in the order added, which must be lifecycle order.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phase"/> is null.</exception>
    public CampaignBuilder AddPhase(CampaignPhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        _phases.Add(phase);
        return this;
    }

    /// <summary>Sets the consumers (default: the article's 10,000 consumers in three segments).</summary>
    /// <param name="population">The population.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    public CampaignBuilder WithPopulation(ConsumerPopulation population)
    {
        ArgumentNullException.ThrowIfNull(population);
        _population = population;
        return this;
    }

    /// <summary>Adds a candidate channel; the campaign uses at most <see cref="CampaignBudget.MaxChannels"/> of them.</summary>
    /// <param name="channel">The channel: its audience has one share per segment of the population, its curve's ceiling is ≤ 1 (a share of the audience reached per period).</param>
    /// <param name="activation">How consumers act on its message; null for <see cref="ChannelActivation.Default"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    public CampaignBuilder AddChannel(Channel channel, ChannelActivation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _channels.Add((channel, activation ?? ChannelActivation.Default));
        return this;
    }

    /// <summary>Sets the ambassador program (default 25 ambassadors among 300 employees at 400 per period).</summary>
    /// <param name="program">The program; <see cref="AmbassadorProgram.None"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    public CampaignBuilder WithAmbassadors(AmbassadorProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        _ambassadors = program;
        return this;
    }

    /// <summary>Sets the money (default: <c>new CampaignBudget()</c>).</summary>
    /// <param name="budget">The budget.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="budget"/> is null.</exception>
    public CampaignBuilder WithBudget(CampaignBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        _budget = budget;
        return this;
    }

    /// <summary>Sets the opportunities the reserve can fund (default: <c>new OpportunityProcess()</c>).</summary>
    /// <param name="opportunities">The opportunity process.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is null.</exception>
    public CampaignBuilder WithOpportunities(OpportunityProcess opportunities)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        _opportunities = opportunities;
        return this;
    }

    /// <summary>Sets the network influence model that carries word of mouth within each period (default: <c>new KelmanInfluence()</c>).</summary>
    /// <param name="model">Kelman, linear threshold, independent cascade, or an opinion model as word of mouth (<see cref="OpinionInfluence"/>: SIR, SIS, …); run from each period's seeds for at most its own number of rounds.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public CampaignBuilder WithInfluence(DiffusionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _influence = model;
        return this;
    }

    /// <summary>Sets the user community the adopters join.</summary>
    /// <param name="inputs">The community's costs and behaviour; its horizon, observed members and customers are replaced by the simulated campaign's.</param>
    /// <param name="joinShare">Share of adopters who join, in [0, 1]; default <see cref="DefaultJoinShare"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="joinShare"/> is outside [0, 1], NaN or infinite.</exception>
    public CampaignBuilder WithCommunity(CommunityRoiInputs inputs, double joinShare = DefaultJoinShare)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _joinShare = Guard.Probability(joinShare, nameof(joinShare));
        _community = inputs;
        return this;
    }

    /// <summary>Sets the seed of the planning decisions: network, employees, ambassadors (default 0).</summary>
    /// <param name="seed">Any value.</param>
    /// <returns>This builder.</returns>
    public CampaignBuilder WithPlanningSeed(ulong seed)
    {
        _planningSeed = seed;
        return this;
    }

    /// <summary>
    /// Every rule between the parts that is broken, each an <see cref="ArgumentException"/> whose
    /// <see cref="ArgumentException.ParamName"/> is the member path (for example <c>Phases[1].Kind</c>,
    /// <c>Channels[0].Audience</c>, <c>Ambassadors.Employees</c>); empty when <see cref="Build"/> will succeed.
    /// </summary>
    /// <returns>The problems, in the order of the parts.</returns>
    public IReadOnlyList<ArgumentException> Problems()
    {
        var problems = new List<ArgumentException>();
        if (_strategy is null)
        {
            problems.Add(Guard.Invalid("Strategy", "Strategy is required: a budget cannot exist without a strategy."));
        }

        PhaseProblems(problems);
        foreach (ArgumentException e in _population.Inconsistencies())
        {
            problems.Add(Guard.Invalid("Population." + e.ParamName, e.Message));
        }

        ChannelProblems(problems);
        if (_ambassadors.Employees < _ambassadors.Count || _ambassadors.Employees > _population.Consumers)
        {
            problems.Add(Guard.OutOfRange("Ambassadors.Employees", _ambassadors.Employees,
                $"Employees must be in [Count ({_ambassadors.Count}), Consumers ({_population.Consumers})]; it was {_ambassadors.Employees}."));
        }

        // The ambassador program is paid from the committed (non-reserve) budget.
        double program = _ambassadors.CostPerPeriod * TotalPeriods;
        double committed = _budget.Committed;
        if (program > committed + 1e-9)
        {
            problems.Add(Guard.Invalid("Ambassadors", $"The program cost {program} (Count × CostPerAmbassadorPerPeriod × periods) must not exceed the committed budget {committed}."));
        }
        else if (committed - program > 0 && _channels.Count > 0 && !_channels.Any(c => c.Channel.FixedCost <= committed - program))
        {
            // Otherwise no channel could be selected and the plan would have nothing to spend on.
            problems.Add(Guard.Invalid("Channels", $"No channel's fixed cost fits the channel budget {committed - program} (committed budget minus the ambassador program)."));
        }

        return problems;
    }

    /// <summary>Plans the campaign: generates the network, picks the employees and the ambassadors, selects the channels and splits the budget.</summary>
    /// <param name="cancellationToken">Cancels the planning (influence maximization and channel selection can be long).</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="ArgumentException">A rule between the parts is broken (the first of <see cref="Problems"/>; its ParamName is the member path), or the channels cannot be planned within the channel budget.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public Campaign Build(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ArgumentException> problems = Problems();
        if (problems.Count > 0)
        {
            throw problems[0];
        }

        cancellationToken.ThrowIfCancellationRequested();
        ulong seed = _planningSeed;
        SocialGraph network = ConsumerNetwork.Generate(_population, seed);
        var sizes = new int[_population.Segments.Count];
        for (int v = 0; v < network.NodeCount; v++)
        {
            sizes[network.GroupOf(v)]++;
        }

        ActivatedChannel[] candidates = [.. _channels.Select(c => new ActivatedChannel(c.Channel, c.Activation, _population.Segments))];
        int[] employees = ConsumerNetwork.Employees(network.NodeCount, _ambassadors.Employees, seed);
        int[] ambassadors = ConsumerNetwork.SelectAmbassadors(_influenceMaximizer, network, employees, _ambassadors.Count, _influence, seed, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        double[] weights = [.. _phases.SelectMany(p => Enumerable.Repeat(p.SpendWeight, p.Periods))];
        double channelBudget = Math.Max(0, _budget.Committed - (_ambassadors.CostPerPeriod * weights.Length));
        PlannedChannel[] planned;
        try
        {
            planned = ChannelPlanning.Plan(_channelSelector, candidates, sizes, weights, channelBudget, _budget.MaxChannels, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw Guard.Invalid("Channels", "The channels cannot be planned within the channel budget: " + ex.Message);
        }

        return new Campaign(new Parts(
            _name, _strategy!, [.. _phases], _population, network, sizes, candidates, planned, _ambassadors, ambassadors,
            _budget, _opportunities, _influence, _community, _joinShare, seed));
    }

    private int TotalPeriods => _phases.Sum(p => p.Periods);

    private void PhaseProblems(List<ArgumentException> problems)
    {
        if (_phases.Count == 0)
        {
            problems.Add(Guard.Invalid("Phases", "Phases must not be empty."));
            return;
        }

        CampaignPhaseKind previous = _phases[0].Kind;
        for (int i = 1; i < _phases.Count; i++)
        {
            if (_phases[i].Kind < previous)
            {
                problems.Add(Guard.Invalid($"Phases[{i}].Kind", $"Phases[{i}].Kind must not come before the previous phase's kind {previous} (lifecycle order: PreLaunch, Launch, Sustain, PostCampaign); it was {_phases[i].Kind}."));
            }
            else
            {
                previous = _phases[i].Kind;
            }
        }

        if (!_phases.Any(p => p.SpendWeight > 0))
        {
            problems.Add(Guard.Invalid("Phases", "Phases must give at least one period a SpendWeight > 0."));
        }

        if (TotalPeriods > CampaignPhase.MaxPeriods)
        {
            problems.Add(Guard.Invalid("Phases", $"Phases must add up to at most {CampaignPhase.MaxPeriods} periods; they add up to {TotalPeriods}."));
        }
    }

    private void ChannelProblems(List<ArgumentException> problems)
    {
        if (_channels.Count == 0)
        {
            problems.Add(Guard.Invalid("Channels", "Channels must not be empty."));
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        int segments = _population.Segments.Count;
        for (int i = 0; i < _channels.Count; i++)
        {
            Channel c = _channels[i].Channel;
            if (!names.Add(c.Name))
            {
                problems.Add(Guard.Invalid($"Channels[{i}].Name", $"Channels[{i}].Name must be unique; '{c.Name}' appears more than once."));
            }
            else if (string.Equals(c.Name, AmbassadorProgram.BudgetLine, StringComparison.Ordinal))
            {
                problems.Add(Guard.Invalid($"Channels[{i}].Name", $"Channels[{i}].Name must not be '{AmbassadorProgram.BudgetLine}' (the budget plan's line for the ambassador program)."));
            }

            if (c.Audience.Count != segments)
            {
                problems.Add(Guard.Invalid($"Channels[{i}].Audience", $"Channels[{i}].Audience must have one share per segment ({segments}); it has {c.Audience.Count}."));
            }

            double ceiling = CurveScaling.Ceiling(c.Curve);
            if (!(ceiling <= 1))
            {
                problems.Add(Guard.OutOfRange($"Channels[{i}].Curve", ceiling,
                    $"Channels[{i}].Curve's ceiling must be ≤ 1 (a share of the audience reached per period); it was {ceiling}."));
            }
        }

        if (_budget.MaxChannels > _channels.Count)
        {
            problems.Add(Guard.OutOfRange("Budget.MaxChannels", _budget.MaxChannels,
                $"MaxChannels must be in [1, number of channels ({_channels.Count})]; it was {_budget.MaxChannels}."));
        }
    }

    /// <summary>The parts of a built campaign.</summary>
    internal sealed record Parts(
        string Name,
        Strategy Strategy,
        IReadOnlyList<CampaignPhase> Phases,
        ConsumerPopulation Population,
        SocialGraph Network,
        int[] SegmentSizes,
        ActivatedChannel[] Candidates,
        PlannedChannel[] Planned,
        AmbassadorProgram Ambassadors,
        int[] AmbassadorNodes,
        CampaignBudget Budget,
        OpportunityProcess Opportunities,
        DiffusionModel Influence,
        CommunityRoiInputs Community,
        double CommunityJoinShare,
        ulong PlanningSeed);
}
