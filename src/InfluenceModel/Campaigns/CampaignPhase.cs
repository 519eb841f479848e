using System.Text.Json.Serialization;
using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

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

/// <summary>
/// A lifecycle phase of a campaign: a run of periods with a relative paid-channel spend weight. Immutable; every
/// property is validated when it is set (this is the one declaration of each bound; the scenario JSON reports the same
/// failures with their paths).
/// </summary>
public sealed record CampaignPhase
{
    /// <summary>The longest campaign, in periods (ten years of weeks): 520.</summary>
    public const int MaxPeriods = 520;

    /// <summary>Display name. Non-empty. Default "sustain".</summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public string Name
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Name));
            field = value;
        }
    } = "sustain";

    /// <summary>The phase kind; a campaign's phases must appear in lifecycle order. Default <see cref="CampaignPhaseKind.Sustain"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="CampaignPhaseKind"/>.</exception>
    public CampaignPhaseKind Kind
    {
        get;
        init => field = Guard.Defined(value, nameof(Kind));
    } = CampaignPhaseKind.Sustain;

    /// <summary>Length in periods (months in the article setting), 1 to <see cref="MaxPeriods"/>. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 520.</exception>
    public int Periods
    {
        get;
        init => field = Guard.InRange(value, 1, MaxPeriods, nameof(Periods));
    } = 1;

    /// <summary>Relative paid-channel spend per period in this phase: 0 (no paid spend) or in [1e-9, 1e6] (<see cref="NumericLimits.MaxSpendWeight"/>). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside those ranges, NaN or infinite.</exception>
    public double SpendWeight
    {
        get;
        init => field = Guard.ZeroOrInRange(value, NumericLimits.MinScale, NumericLimits.MaxSpendWeight, nameof(SpendWeight));
    } = 1;

    /// <summary>Whether brand ambassadors advocate (are influence seeds) in this phase. Default true.</summary>
    public bool AmbassadorsActive { get; init; } = true;
}
