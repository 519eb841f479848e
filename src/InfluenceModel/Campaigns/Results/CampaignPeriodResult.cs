namespace InfluenceModel.Campaigns;

/// <summary>
/// One period of a simulated campaign; counts are consumers, money in the campaign's currency. Monte-Carlo figures are
/// <see cref="Estimate"/>s over the runs. <b>Per period</b>: <see cref="Spend"/>, <see cref="Reach"/>,
/// <see cref="Ambassadors"/>. <b>State at the end of the period</b> (they accumulate over the campaign, except that
/// reversible compliance can undo an adoption): <see cref="Aware"/>, <see cref="Adopters"/>,
/// <see cref="BaselineAdopters"/>, <see cref="IncrementalAdopters"/>, <see cref="Organic"/>, <see cref="Direct"/>,
/// <see cref="Compliance"/>, <see cref="Identification"/>, <see cref="Internalization"/>. <b>Cumulative</b>:
/// <see cref="CumulativeSpend"/>, and so <see cref="CostPerAdoption"/> and <see cref="Roi"/>.
/// </summary>
public sealed record CampaignPeriodResult
{
    /// <summary>The period, 1-based.</summary>
    public required int Period { get; init; }

    /// <summary>The lifecycle phase's name.</summary>
    public required string Phase { get; init; }

    /// <summary>Money spent in the period: channel fixed and variable spend plus the ambassador program.</summary>
    public required double Spend { get; init; }

    /// <summary>Money spent up to and including the period.</summary>
    public required double CumulativeSpend { get; init; }

    /// <summary>Consumers exposed to at least one channel in the period.</summary>
    public required Estimate Reach { get; init; }

    /// <summary>Consumers aware of the brand at the end of the period: ever exposed to a channel, or adopting.</summary>
    public required Estimate Aware { get; init; }

    /// <summary>Consumers adopting at the end of the period (all mechanisms).</summary>
    public required Estimate Adopters { get; init; }

    /// <summary>Adopters in the same runs without the campaign (organic adoption and its word of mouth).</summary>
    public required Estimate BaselineAdopters { get; init; }

    /// <summary>Adopters − BaselineAdopters, paired per run: what the campaign added.</summary>
    public required Estimate IncrementalAdopters { get; init; }

    /// <summary>Adopters who adopted on their own (the organic hazard), up to the period.</summary>
    public required Estimate Organic { get; init; }

    /// <summary>Adopters who acted on a channel's message (not organic, not active ambassadors), up to the period.</summary>
    public required Estimate Direct { get; init; }

    /// <summary>Active ambassadors in the period (influence seeds).</summary>
    public required Estimate Ambassadors { get; init; }

    /// <summary>Word-of-mouth adopters by compliance (plain peer share ≥ threshold).</summary>
    public required Estimate Compliance { get; init; }

    /// <summary>Word-of-mouth adopters who needed the identification weighting (same-segment peers).</summary>
    public required Estimate Identification { get; init; }

    /// <summary>Word-of-mouth adopters whose private attitude reached the internalization threshold.</summary>
    public required Estimate Internalization { get; init; }

    /// <summary>CumulativeSpend / IncrementalAdopters (delta-method error); null while no adoption is incremental or nothing is spent.</summary>
    public required Estimate? CostPerAdoption { get; init; }

    /// <summary>(ValuePerAdoption·IncrementalAdopters − CumulativeSpend) / CumulativeSpend, per run; null while nothing is spent.</summary>
    public required Estimate? Roi { get; init; }
}
