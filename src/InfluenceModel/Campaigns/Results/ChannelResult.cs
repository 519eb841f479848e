namespace InfluenceModel.Campaigns;

/// <summary>One period of one selected channel (all figures per period).</summary>
public sealed record ChannelPeriodResult
{
    /// <summary>The period, 1-based.</summary>
    public required int Period { get; init; }

    /// <summary>Money spent on the channel in the period (its fixed cost in its first period with spend).</summary>
    public required double Spend { get; init; }

    /// <summary>The channel's response y_t: the share of its audience reached (curve of adstocked spend × fatigue).</summary>
    public required double Response { get; init; }

    /// <summary>Consumers exposed to the channel in the period.</summary>
    public required Estimate Reach { get; init; }

    /// <summary>Consumers who acted on the channel's message in the period.</summary>
    public required Estimate NewDirectAdopters { get; init; }
}

/// <summary>A selected channel over the whole campaign (totals at the end).</summary>
public sealed record ChannelResult
{
    /// <summary>Channel name.</summary>
    public required string Name { get; init; }

    /// <summary>Total money spent on the channel (fixed cost and variable spend).</summary>
    public required double Spend { get; init; }

    /// <summary>Consumers exposed to the channel at least once.</summary>
    public required Estimate UniqueReach { get; init; }

    /// <summary>Adopters at the end who acted on this channel's message.</summary>
    public required Estimate DirectAdopters { get; init; }

    /// <summary>DirectAdopters plus the channel's share of the campaign's word-of-mouth adopters (pro rata to the campaign's seeds).</summary>
    public required Estimate AttributedAdopters { get; init; }

    /// <summary>Spend / AttributedAdopters (delta-method error); null when no adoption is attributed.</summary>
    public required Estimate? CostPerAdoption { get; init; }

    /// <summary>(ValuePerAdoption·AttributedAdopters − Spend) / Spend, per run; null when nothing is spent.</summary>
    public required Estimate? Roi { get; init; }

    /// <summary>The channel's periods.</summary>
    public required IReadOnlyList<ChannelPeriodResult> Periods { get; init; }
}
