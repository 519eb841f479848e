using InfluenceModel.Community;

namespace InfluenceModel.Campaigns;

/// <summary>A Monte-Carlo estimate: the mean over the simulated runs, its standard error and its 95% interval.</summary>
/// <param name="Mean">The mean over runs.</param>
/// <param name="StandardError">The standard error of the mean (sample standard deviation / √runs; 0 for one run).</param>
public readonly record struct Estimate(double Mean, double StandardError)
{
    /// <summary>The normal-approximation 95% confidence interval Mean ± 1.96·StandardError.</summary>
    public ConfidenceInterval Interval95 => ConfidenceInterval.Normal95(Mean, StandardError);
}

/// <summary>One period of a simulated campaign; counts are consumers, money in the scenario's currency.</summary>
/// <param name="Period">The period, 1-based.</param>
/// <param name="Phase">The lifecycle phase's name.</param>
/// <param name="Spend">Money spent in the period: channel fixed and variable spend plus the ambassador program.</param>
/// <param name="CumulativeSpend">Money spent up to and including the period.</param>
/// <param name="Reach">Consumers exposed to at least one channel in the period.</param>
/// <param name="Aware">Consumers aware of the brand at the end of the period: ever exposed to a channel, or adopting.</param>
/// <param name="Adopters">Consumers adopting at the end of the period (all mechanisms).</param>
/// <param name="BaselineAdopters">Adopters in the same runs without the campaign (organic adoption and its word of mouth).</param>
/// <param name="IncrementalAdopters">Adopters − BaselineAdopters: what the campaign added.</param>
/// <param name="Organic">Adopters who adopted on their own (the organic hazard).</param>
/// <param name="Direct">Adopters who acted on a channel's message (not organic, not ambassadors).</param>
/// <param name="Ambassadors">Active ambassadors (influence seeds).</param>
/// <param name="Compliance">Word-of-mouth adopters by compliance (plain peer share ≥ threshold).</param>
/// <param name="Identification">Word-of-mouth adopters who needed the identification weighting (same-segment peers).</param>
/// <param name="Internalization">Word-of-mouth adopters whose private attitude reached the internalization threshold.</param>
/// <param name="CostPerAdoption">CumulativeSpend / IncrementalAdopters (delta-method error); null while no adoption is incremental or nothing is spent.</param>
/// <param name="Roi">(ValuePerAdoption·IncrementalAdopters − CumulativeSpend) / CumulativeSpend; null while nothing is spent.</param>
public sealed record CampaignPeriodResult(
    int Period,
    string Phase,
    double Spend,
    double CumulativeSpend,
    Estimate Reach,
    Estimate Aware,
    Estimate Adopters,
    Estimate BaselineAdopters,
    Estimate IncrementalAdopters,
    Estimate Organic,
    Estimate Direct,
    Estimate Ambassadors,
    Estimate Compliance,
    Estimate Identification,
    Estimate Internalization,
    Estimate? CostPerAdoption,
    Estimate? Roi);

/// <summary>One period of one channel.</summary>
/// <param name="Period">The period, 1-based.</param>
/// <param name="Spend">Money spent on the channel in the period (its fixed cost in its first period with spend).</param>
/// <param name="Response">The channel's response y_t: the share of its audience reached (curve of adstocked spend × fatigue).</param>
/// <param name="Reach">Consumers exposed to the channel in the period.</param>
/// <param name="NewDirectAdopters">Consumers who acted on the channel's message in the period.</param>
public sealed record ChannelPeriodResult(int Period, double Spend, double Response, Estimate Reach, Estimate NewDirectAdopters);

/// <summary>A channel over the whole campaign.</summary>
/// <param name="Name">Channel name.</param>
/// <param name="Spend">Total money spent on the channel.</param>
/// <param name="UniqueReach">Consumers exposed to the channel at least once.</param>
/// <param name="DirectAdopters">Adopters at the end who acted on this channel's message.</param>
/// <param name="AttributedAdopters">DirectAdopters plus the channel's share of the campaign's word-of-mouth adopters (pro rata to the campaign's seeds).</param>
/// <param name="CostPerAdoption">Spend / AttributedAdopters; null when no adoption is attributed.</param>
/// <param name="Roi">(ValuePerAdoption·AttributedAdopters − Spend) / Spend; null when nothing is spent.</param>
/// <param name="Periods">The channel's periods.</param>
public sealed record ChannelResult(
    string Name,
    double Spend,
    Estimate UniqueReach,
    Estimate DirectAdopters,
    Estimate AttributedAdopters,
    Estimate? CostPerAdoption,
    Estimate? Roi,
    IReadOnlyList<ChannelPeriodResult> Periods);

/// <summary>The campaign as a whole, at its last period.</summary>
/// <param name="Adopters">Adopters at the end.</param>
/// <param name="IncrementalAdopters">Adopters − baseline adopters at the end.</param>
/// <param name="AmbassadorAttributedAdopters">Active ambassadors plus their pro-rata share of word-of-mouth adopters.</param>
/// <param name="TotalSpend">Money spent (channels and ambassador program; the reserve is reported separately).</param>
/// <param name="CostPerAdoption">TotalSpend / IncrementalAdopters; null when none.</param>
/// <param name="Roi">(ValuePerAdoption·IncrementalAdopters − TotalSpend) / TotalSpend; null when nothing is spent.</param>
public sealed record CampaignSummary(Estimate Adopters, Estimate IncrementalAdopters, Estimate AmbassadorAttributedAdopters, double TotalSpend, Estimate? CostPerAdoption, Estimate? Roi);

/// <summary>One point of the reserve value curve: expected annual value against the reserve share.</summary>
/// <param name="ReserveShare">The share of the budget kept in reserve.</param>
/// <param name="Value">Expected annual value (committed channels at their simulated return multiples plus captured opportunities).</param>
public sealed record ReserveValuePoint(double ReserveShare, Estimate Value);

/// <summary>What the reserve is worth (Budgeting model), with the committed lines valued at the campaign's simulated returns.</summary>
/// <param name="ReserveShare">The scenario's reserve share.</param>
/// <param name="WithReserve">Expected annual value under the reserve policy (the scenario's share and hurdle rate).</param>
/// <param name="AnnualFixed">Expected annual value with everything committed up front.</param>
/// <param name="OpportunitiesCaptured">Mean opportunities funded per year under the reserve policy.</param>
/// <param name="BestShare">The reserve share with the largest expected value on the grid.</param>
/// <param name="Curve">Expected value against the reserve share.</param>
public sealed record ReserveValue(double ReserveShare, Estimate WithReserve, Estimate AnnualFixed, double OpportunitiesCaptured, double BestShare, IReadOnlyList<ReserveValuePoint> Curve);

/// <summary>The user community fed by the campaign's adopters (Community ROI model).</summary>
/// <param name="Inputs">The community ROI inputs: members per period = join share × mean adopters.</param>
/// <param name="NetPresentValue">NPV of the community's net value over the campaign.</param>
/// <param name="BreakEvenPeriod">First period with net value ≥ 0, or null.</param>
/// <param name="PaybackPeriod">First period with cumulative net value ≥ 0, or null.</param>
/// <param name="ReturnOnInvestment">Community ROI at the horizon, or null.</param>
public sealed record CommunityOutcome(CommunityRoiInputs Inputs, double NetPresentValue, int? BreakEvenPeriod, int? PaybackPeriod, double? ReturnOnInvestment);

/// <summary>The result of <see cref="CampaignSimulator.Simulate(Campaign, SimulationOptions?, IProgress{double}?, CancellationToken)"/>.</summary>
/// <param name="Name">The campaign's name.</param>
/// <param name="Simulations">Monte-Carlo runs.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Consumers">Consumers on the network.</param>
/// <param name="Ambassadors">The ambassadors' node ids.</param>
/// <param name="ValuePerAdoption">Money per adoption used for ROI.</param>
/// <param name="Periods">Per period.</param>
/// <param name="Channels">Per selected channel.</param>
/// <param name="Summary">The whole campaign.</param>
/// <param name="Reserve">The reserve's value.</param>
/// <param name="Community">The user community.</param>
public sealed record CampaignResult(
    string Name,
    int Simulations,
    ulong Seed,
    int Consumers,
    IReadOnlyList<string> Ambassadors,
    double ValuePerAdoption,
    IReadOnlyList<CampaignPeriodResult> Periods,
    IReadOnlyList<ChannelResult> Channels,
    CampaignSummary Summary,
    ReserveValue Reserve,
    CommunityOutcome Community)
{
    /// <summary>The result as indented camelCase JSON (for machines: <c>influence run --format json</c>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, ScenarioJsonContext.Default.CampaignResult);
}

/// <summary>Campaigns simulated on common random numbers, side by side.</summary>
/// <param name="Results">One result per campaign, in the order given.</param>
public sealed record CampaignComparison(IReadOnlyList<CampaignResult> Results);
