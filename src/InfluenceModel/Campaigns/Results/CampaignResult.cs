using InfluenceModel.Community;

namespace InfluenceModel.Campaigns;

/// <summary>The campaign as a whole, at its last period.</summary>
public sealed record CampaignSummary
{
    /// <summary>Adopters at the end.</summary>
    public required Estimate Adopters { get; init; }

    /// <summary>Adopters − baseline adopters at the end.</summary>
    public required Estimate IncrementalAdopters { get; init; }

    /// <summary>Active ambassadors plus their pro-rata share of word-of-mouth adopters.</summary>
    public required Estimate AmbassadorAttributedAdopters { get; init; }

    /// <summary>Money spent (channels and ambassador program; the reserve is reported separately).</summary>
    public required double TotalSpend { get; init; }

    /// <summary>TotalSpend / IncrementalAdopters (delta-method error); null when none.</summary>
    public required Estimate? CostPerAdoption { get; init; }

    /// <summary>(ValuePerAdoption·IncrementalAdopters − TotalSpend) / TotalSpend; null when nothing is spent.</summary>
    public required Estimate? Roi { get; init; }
}

/// <summary>One point of the reserve value curve: expected annual value against the reserve share.</summary>
public sealed record ReserveValuePoint
{
    /// <summary>The share of the budget kept in reserve.</summary>
    public required double ReserveShare { get; init; }

    /// <summary>Expected annual value (committed channels at their simulated return multiples plus captured opportunities).</summary>
    public required Estimate Value { get; init; }
}

/// <summary>What the reserve is worth (Budgeting model), with the committed lines valued at the campaign's simulated returns.</summary>
public sealed record ReserveValue
{
    /// <summary>The campaign's reserve share.</summary>
    public required double ReserveShare { get; init; }

    /// <summary>Expected annual value under the reserve policy (the campaign's share and hurdle rate).</summary>
    public required Estimate WithReserve { get; init; }

    /// <summary>Expected annual value with everything committed up front.</summary>
    public required Estimate AnnualFixed { get; init; }

    /// <summary>Mean opportunities funded per year under the reserve policy.</summary>
    public required double OpportunitiesCaptured { get; init; }

    /// <summary>
    /// Reserve money left unspent at year end under the reserve policy (currency units, mean over the simulated years):
    /// the reserve (annual total × reserve share) minus what the funded opportunities took. Lets a report account for
    /// every unit of the budget: committed lines, reserve spent on opportunities, reserve kept.
    /// </summary>
    public required Estimate ReserveUnspent { get; init; }

    /// <summary>The reserve share with the largest expected value on the grid.</summary>
    public required double BestShare { get; init; }

    /// <summary>Expected value against the reserve share.</summary>
    public required IReadOnlyList<ReserveValuePoint> Curve { get; init; }
}

/// <summary>The user community fed by the campaign's adopters (Community ROI model).</summary>
public sealed record CommunityOutcome
{
    /// <summary>The community ROI inputs: the campaign's, with members per period = join share × mean adopters.</summary>
    public required CommunityRoiInputs Inputs { get; init; }

    /// <summary>NPV of the community's net value over the campaign.</summary>
    public required double NetPresentValue { get; init; }

    /// <summary>First period with net value ≥ 0, or null.</summary>
    public required int? BreakEvenPeriod { get; init; }

    /// <summary>First period with cumulative net value ≥ 0, or null.</summary>
    public required int? PaybackPeriod { get; init; }

    /// <summary>Community ROI at the horizon, or null.</summary>
    public required double? ReturnOnInvestment { get; init; }
}

/// <summary>The result of <see cref="CampaignSimulator.Simulate"/>.</summary>
public sealed record CampaignResult
{
    /// <summary>The campaign's name.</summary>
    public required string Name { get; init; }

    /// <summary>Monte-Carlo runs.</summary>
    public required int Simulations { get; init; }

    /// <summary>The random seed of the simulation.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Consumers on the network.</summary>
    public required int Consumers { get; init; }

    /// <summary>The ambassadors' node ids.</summary>
    public required IReadOnlyList<string> Ambassadors { get; init; }

    /// <summary>Money per adoption used for ROI.</summary>
    public required double ValuePerAdoption { get; init; }

    /// <summary>Per period.</summary>
    public required IReadOnlyList<CampaignPeriodResult> Periods { get; init; }

    /// <summary>Per selected channel.</summary>
    public required IReadOnlyList<ChannelResult> Channels { get; init; }

    /// <summary>The whole campaign.</summary>
    public required CampaignSummary Summary { get; init; }

    /// <summary>The reserve's value.</summary>
    public required ReserveValue Reserve { get; init; }

    /// <summary>The user community.</summary>
    public required CommunityOutcome Community { get; init; }

    /// <summary>The result as indented camelCase JSON (for machines: <c>influence run --format json</c>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, ResultJsonContext.Default.CampaignResult);
}

/// <summary>Campaigns simulated on common random numbers, side by side.</summary>
public sealed record CampaignComparison
{
    /// <summary>One result per campaign, in the order given.</summary>
    public required IReadOnlyList<CampaignResult> Results { get; init; }
}
