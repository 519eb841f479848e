using System.Text.Json.Serialization;
using InfluenceModel.Channels;
using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

// The parts of a CampaignScenario. They are plain JSON-shaped records: setters do not throw, so that
// CampaignScenario.Validate can report every problem at once with its JSON path. Defaults are the article's setting;
// docs/models/campaign.md gives the source of every number.

/// <summary>A campaign lifecycle phase kind, in lifecycle order.</summary>
public enum CampaignPhaseKind
{
    /// <summary>Before launch: seeding, teasers, recruiting ambassadors.</summary>
    [JsonStringEnumMemberName("preLaunch")]
    PreLaunch,

    /// <summary>The launch burst.</summary>
    [JsonStringEnumMemberName("launch")]
    Launch,

    /// <summary>Sustained presence after launch.</summary>
    [JsonStringEnumMemberName("sustain")]
    Sustain,

    /// <summary>After the campaign: no paid spend, influence keeps working.</summary>
    [JsonStringEnumMemberName("postCampaign")]
    PostCampaign,
}

/// <summary>Which network influence model carries word of mouth between consumers.</summary>
public enum InfluenceModelKind
{
    /// <summary>Kelman's three processes (compliance, identification, internalization); the default.</summary>
    [JsonStringEnumMemberName("kelman")]
    Kelman,

    /// <summary>Linear Threshold (Kempe, Kleinberg, Tardos 2003).</summary>
    [JsonStringEnumMemberName("linearThreshold")]
    LinearThreshold,

    /// <summary>Independent Cascade (Kempe, Kleinberg, Tardos 2003).</summary>
    [JsonStringEnumMemberName("independentCascade")]
    IndependentCascade,
}

/// <summary>What the campaign is for: a budget cannot exist without a strategy.</summary>
public sealed record StrategySettings
{
    /// <summary>The business objective. Non-empty. Default "Grow adoption of the new product through social influence".</summary>
    public string Objective { get; init; } = "Grow adoption of the new product through social influence";

    /// <summary>The target audience. Non-empty. Default "Online buyers in the brand category".</summary>
    public string Audience { get; init; } = "Online buyers in the brand category";

    /// <summary>The key performance indicator. Non-empty. Default "Adoptions".</summary>
    public string Kpi { get; init; } = "Adoptions";
}

/// <summary>One lifecycle phase: a run of periods with a relative spend weight.</summary>
public sealed record PhaseSettings
{
    /// <summary>Display name. Non-empty. Default "sustain".</summary>
    public string Name { get; init; } = "sustain";

    /// <summary>The phase kind; phases must appear in lifecycle order. Default <see cref="CampaignPhaseKind.Sustain"/>.</summary>
    public CampaignPhaseKind Kind { get; init; } = CampaignPhaseKind.Sustain;

    /// <summary>Length in periods (months in the default), 1 to 520. Default 1.</summary>
    public int Periods { get; init; } = 1;

    /// <summary>Relative paid-channel spend per period in this phase, ≥ 0 (0 = no paid spend). Default 1.</summary>
    public double SpendWeight { get; init; } = 1;

    /// <summary>Whether brand ambassadors advocate (are influence seeds) in this phase. Default true.</summary>
    public bool AmbassadorsActive { get; init; } = true;
}

/// <summary>A consumer segment: a share of the population and how much it relies on reviews before buying.</summary>
public sealed record SegmentSettings
{
    /// <summary>Display name. Non-empty and unique. Default "all consumers".</summary>
    public string Name { get; init; } = "all consumers";

    /// <summary>Share of consumers in the segment, in (0, 1]; shares sum to 1. Default 1.</summary>
    public double Share { get; init; } = 1;

    /// <summary>
    /// Review reliance ρ in [0, 1]: the probability that a consumer of the segment reads reviews before acting. A
    /// review reader acts on a channel's message only as far as the channel carries reviews
    /// (<see cref="ChannelSettings.ReviewCredibility"/>). Default 0.
    /// </summary>
    public double ReviewReliance { get; init; }
}

/// <summary>The synthetic consumer network: a stochastic block model with one block per segment.</summary>
public sealed record PopulationSettings
{
    /// <summary>Number of consumers (graph nodes), 10 to 10,000,000. Default 10,000 (the setting).</summary>
    public int Consumers { get; init; } = 10_000;

    /// <summary>Expected number of contacts per consumer (undirected degree), &gt; 0 and &lt; consumers. Default 12.</summary>
    public double AverageDegree { get; init; } = 12;

    /// <summary>Expected share of a consumer's contacts inside their own segment, in [0, 1]. Default 0.7.</summary>
    public double Homophily { get; init; } = 0.7;

    /// <summary>
    /// Organic adoption hazard per period, in [0, 1): the chance that a consumer adopts without any campaign (the
    /// Bass external coefficient p). Default 0.0025 per month (Sultan, Farley and Lehmann 1990: mean p = 0.03 per year).
    /// </summary>
    public double OrganicAdoptionRate { get; init; } = 0.0025;

    /// <summary>
    /// The segments. Default: the source article's online buyers — 22% always read reviews before buying, 43% most of
    /// the time, the remaining 35% less often (review reliance 1, 0.75 and 0.25).
    /// </summary>
    public IReadOnlyList<SegmentSettings> Segments
    {
        get;
        init => field = ValueList<SegmentSettings>.From(value)!;
    } = ValueList<SegmentSettings>.From(
    [
        new SegmentSettings { Name = "always read reviews", Share = 0.22, ReviewReliance = 1.0 },
        new SegmentSettings { Name = "read reviews most of the time", Share = 0.43, ReviewReliance = 0.75 },
        new SegmentSettings { Name = "read reviews less often", Share = 0.35, ReviewReliance = 0.25 },
    ])!;
}

/// <summary>A channel's response curve: the share of its audience reached in a period against the period's (adstocked) spend.</summary>
public sealed record ResponseCurveSettings
{
    /// <summary>The curve family. Default <see cref="ResponseCurveKind.Hill"/>.</summary>
    public ResponseCurveKind Kind { get; init; } = ResponseCurveKind.Hill;

    /// <summary>Saturation level β: the largest share of the audience reached per period, in (0, 1]. Default 0.6.</summary>
    public double Beta { get; init; } = 0.6;

    /// <summary>Half-saturation spend κ per period (Hill, Michaelis–Menten), money &gt; 0. Default 10,000.</summary>
    public double Kappa { get; init; } = 10_000;

    /// <summary>Hill slope s &gt; 0 (s &gt; 1 is S-shaped). Default 1.</summary>
    public double Slope { get; init; } = 1;

    /// <summary>Logistic steepness λ per unit of money, &gt; 0. Default 0.0001.</summary>
    public double Lambda { get; init; } = 0.0001;
}

/// <summary>Geometric adstock a_t = x_t + α·a_{t−1}, truncated at a maximum lag.</summary>
public sealed record AdstockSettings
{
    /// <summary>Carry-over α in [0, 1). Default 0.3.</summary>
    public double Alpha { get; init; } = 0.3;

    /// <summary>Maximum lag in periods, 0 to 52. Default 3.</summary>
    public int MaxLag { get; init; } = 3;
}

/// <summary>Fatigue: engagement decays by a rate per period of continuous presence, towards a floor.</summary>
public sealed record FatigueSettings
{
    /// <summary>Decline per period of continuous presence, in [0, 1). Default 0.03.</summary>
    public double DeclinePerPeriod { get; init; } = 0.03;

    /// <summary>Floor of the engagement multiplier, in [0, 1]. Default 0.6.</summary>
    public double Floor { get; init; } = 0.6;
}

/// <summary>A candidate channel of the campaign.</summary>
public sealed record ChannelSettings
{
    /// <summary>Display name. Non-empty and unique. Default "channel".</summary>
    public string Name { get; init; } = "channel";

    /// <summary>Share of each segment present on the channel, in [0, 1], one per segment in segment order. Default empty.</summary>
    public IReadOnlyList<double> Audience
    {
        get;
        init => field = ValueList<double>.From(value)!;
    } = ValueList<double>.Empty;

    /// <summary>Fixed cost of being present on the channel for the campaign (money, ≥ 0). Default 0.</summary>
    public double FixedCost { get; init; }

    /// <summary>Probability in [0, 1] that an exposed consumer who needs no reviews acts (adopts) in that period. Default 0.02.</summary>
    public double ActionRate { get; init; } = 0.02;

    /// <summary>How far the channel's content counts as a review for a review reader, in [0, 1]. Default 0.</summary>
    public double ReviewCredibility { get; init; }

    /// <summary>The response curve. Default a Hill curve with β 0.6, κ 10,000, s 1.</summary>
    public ResponseCurveSettings Response { get; init; } = new();

    /// <summary>The adstock. Default geometric, α 0.3, max lag 3.</summary>
    public AdstockSettings Adstock { get; init; } = new();

    /// <summary>The fatigue. Default 3% per period towards 0.6.</summary>
    public FatigueSettings Fatigue { get; init; } = new();
}

/// <summary>The employee brand-ambassador program.</summary>
public sealed record AmbassadorSettings
{
    /// <summary>Number of ambassadors k chosen by influence maximization, ≥ 0 (0 = no program). Default 25.</summary>
    public int Count { get; init; } = 25;

    /// <summary>Employees among the consumers (the candidate pool), count ≤ employees ≤ consumers. Default 300.</summary>
    public int Employees { get; init; } = 300;

    /// <summary>Cost per ambassador per period (money, ≥ 0): time, training, material. Default 400.</summary>
    public double CostPerAmbassadorPerPeriod { get; init; } = 400;
}

/// <summary>Short-term opportunities the reserve can fund (a Poisson process, log-normal cost and value multiple).</summary>
public sealed record OpportunitySettings
{
    /// <summary>Expected arrivals per period, 0 to 1,000. Default 1.</summary>
    public double ArrivalRate { get; init; } = 1;

    /// <summary>Median cost (money, &gt; 0). Default 15,000.</summary>
    public double CostMedian { get; init; } = 15_000;

    /// <summary>Log-scale spread of the cost, 0 to 5. Default 0.5.</summary>
    public double CostSigma { get; init; } = 0.5;

    /// <summary>Median value multiple (value per money spent), &gt; 0. Default 1.3.</summary>
    public double ValueMultipleMedian { get; init; } = 1.3;

    /// <summary>Log-scale spread of the value multiple, 0 to 5. Default 0.6.</summary>
    public double ValueMultipleSigma { get; init; } = 0.6;

    /// <summary>Periods an opportunity stays open, 1 to 52. Default 1.</summary>
    public int DecisionWindow { get; init; } = 1;
}

/// <summary>The money: annual budget, reserve, channel cap and the value of an adoption.</summary>
public sealed record BudgetSettings
{
    /// <summary>Annual (campaign) budget, money ≥ 0. Default 500,000.</summary>
    public double AnnualTotal { get; init; } = 500_000;

    /// <summary>Share of the budget kept uncommitted for opportunities, in [0, 1]. Default 0.2.</summary>
    public double ReserveShare { get; init; } = 0.2;

    /// <summary>At most this many paid channels ("don't do it all at once"), 1 to the number of channels. Default 3.</summary>
    public int MaxChannels { get; init; } = 3;

    /// <summary>Value of one adoption (money, ≥ 0): the contribution margin of a new customer. Default 150.</summary>
    public double ValuePerAdoption { get; init; } = 150;

    /// <summary>Hurdle rate an opportunity must clear to be funded from the reserve, ≥ 0. Default 0.1.</summary>
    public double HurdleRate { get; init; } = 0.1;

    /// <summary>The opportunity process. Default one per period, median cost 15,000, median multiple 1.3.</summary>
    public OpportunitySettings Opportunities { get; init; } = new();
}

/// <summary>Network influence (word of mouth) between consumers.</summary>
public sealed record InfluenceSettings
{
    /// <summary>The model. Default <see cref="InfluenceModelKind.Kelman"/>.</summary>
    public InfluenceModelKind Model { get; init; } = InfluenceModelKind.Kelman;

    /// <summary>
    /// Peer influence λ in (0, 1]: the total weight of a consumer's contacts in the threshold rule, w(u,v) = λ/indeg(v)
    /// (λ = 1 is the weighted-cascade convention, which makes linear-threshold cascades near-critical). Default 0.5.
    /// </summary>
    public double PeerInfluence { get; init; } = 0.5;

    /// <summary>Identification γ ≥ 1: weight multiplier for contacts in one's own segment (Kelman). Default 2.</summary>
    public double Identification { get; init; } = 2;

    /// <summary>Internalization threshold τ in (0, 2]: attitude at which adoption becomes private and permanent (τ &gt; 1 disables it). Default 0.5.</summary>
    public double InternalizationThreshold { get; init; } = 0.5;

    /// <summary>Stubbornness s in [0, 1] of the Friedkin–Johnsen attitude dynamics (initial attitudes are 0). Default 0.4.</summary>
    public double Stubbornness { get; init; } = 0.4;

    /// <summary>Influence rounds within one campaign period (word of mouth settles within a period), 1 to 1,000. Default 6.</summary>
    public int RoundsPerPeriod { get; init; } = 6;

    /// <summary>Whether merely compliant adopters drop out when peer pressure falls below their threshold. Default true.</summary>
    public bool ReversibleCompliance { get; init; } = true;
}

/// <summary>The user community that adopters join (Sierra 2007, computed by the community ROI model).</summary>
public sealed record CommunitySettings
{
    /// <summary>Share of adopters who join the brand's user community, in [0, 1]. Default 0.15.</summary>
    public double JoinShare { get; init; } = 0.15;

    /// <summary>Support questions per customer per period, 0 to 1,000. Default 0.1.</summary>
    public double QuestionsPerCustomer { get; init; } = 0.1;

    /// <summary>Company cost of handling one support ticket (money, ≥ 0). Default 15.56.</summary>
    public double CostPerTicket { get; init; } = 15.56;

    /// <summary>Fixed cost of running the community per period (money, ≥ 0). Default 2,000.</summary>
    public double FixedCostPerPeriod { get; init; } = 2_000;
}

/// <summary>How many Monte-Carlo runs and which seed a scenario asks for.</summary>
public sealed record SimulationSettings
{
    /// <summary>Monte-Carlo runs, 1 to 100,000. Default 40 (about 2 s of simulation for the default scenario on 2 cores; see docs/performance.md).</summary>
    public int Simulations { get; init; } = 40;

    /// <summary>Random seed. Default 2009.</summary>
    public ulong Seed { get; init; } = 2009;
}
