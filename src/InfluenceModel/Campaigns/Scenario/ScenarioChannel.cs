using InfluenceModel.Channels;
using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// A candidate channel in a <see cref="CampaignScenario"/>: the JSON form of a <see cref="Channel"/> (name, audience,
/// fixed cost, response curve, adstock, fatigue) and its <see cref="ChannelActivation"/> (action rate, review
/// credibility). Plain data: the bounds are the domain types' and are checked when the scenario is mapped onto them.
/// </summary>
public sealed record ScenarioChannel : IScenarioSection
{
    void IScenarioSection.Check(string path, ScenarioProblems problems) => ScenarioMapping.MapChannel(problems, path, this);

    /// <summary>The channel's name (<see cref="Channel.Name"/>). Default empty (required).</summary>
    public string Name { get; init; } = "";

    /// <summary>Share of each segment the channel can reach, one per segment in segment order (<see cref="Channel.Audience"/>). Default empty.</summary>
    public IReadOnlyList<double> Audience
    {
        get;
        init => field = ValueList<double>.From(value)!;
    } = ValueList<double>.Empty;

    /// <summary>Money paid once for being in the channel (<see cref="Channel.FixedCost"/>). Default 0.</summary>
    public double FixedCost { get; init; }

    /// <summary><see cref="ChannelActivation.ActionRate"/>; default that type's.</summary>
    public double ActionRate { get; init; } = ChannelActivation.Default.ActionRate;

    /// <summary><see cref="ChannelActivation.ReviewCredibility"/>; default that type's.</summary>
    public double ReviewCredibility { get; init; } = ChannelActivation.Default.ReviewCredibility;

    /// <summary>The response curve: the share of the audience reached in a period against the period's (adstocked) spend. Required.</summary>
    public ScenarioCurve? Response { get; init; }

    /// <summary>Geometric adstock; null (the default) for none.</summary>
    public ScenarioAdstock? Adstock { get; init; }

    /// <summary>Engagement fatigue (<see cref="FatigueModel"/>); null (the default) for none.</summary>
    public FatigueModel? Fatigue { get; init; }
}

/// <summary>
/// A response curve in a scenario: its family and that family's parameters, named as in the curve types
/// (<see cref="HillCurve"/>: beta, kappa, slope; <see cref="LogisticCurve"/>: beta, lambda;
/// <see cref="MichaelisMentenCurve"/>: alpha, lambda). A parameter the family does not have must be absent.
/// </summary>
public sealed record ScenarioCurve
{
    /// <summary>The family. Default <see cref="ResponseCurveKind.Hill"/>.</summary>
    public ResponseCurveKind Kind { get; init; } = ResponseCurveKind.Hill;

    /// <summary>Ceiling β (Hill, logistic).</summary>
    public double? Beta { get; init; }

    /// <summary>Half-saturation spend κ (Hill).</summary>
    public double? Kappa { get; init; }

    /// <summary>Slope s (Hill).</summary>
    public double? Slope { get; init; }

    /// <summary>Maximum response α (Michaelis–Menten).</summary>
    public double? Alpha { get; init; }

    /// <summary>Rate λ per unit of spend (logistic) or half-saturation spend λ (Michaelis–Menten).</summary>
    public double? Lambda { get; init; }
}

/// <summary>Geometric adstock in a scenario: <see cref="GeometricAdstock"/>(alpha, maxLag), maxLag the number of lag weights (l_max).</summary>
public sealed record ScenarioAdstock
{
    /// <summary>Retention per period α (<see cref="GeometricAdstock.Alpha"/>). Default 0.</summary>
    public double Alpha { get; init; }

    /// <summary>Number of lag weights l_max (<see cref="GeometricAdstock.MaxLag"/>; lags 0 … l_max − 1). Default 12, as <see cref="GeometricAdstock"/>.</summary>
    public int MaxLag { get; init; } = 12;
}
