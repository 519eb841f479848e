using InfluenceModel.Community;

namespace InfluenceModel.Campaigns;

/// <summary>
/// The user community in a scenario: the share of adopters who join and the <see cref="CommunityRoiInputs"/> properties
/// to set. A property left null keeps <see cref="CommunityRoiInputs.Default"/>'s value (the one place of each default);
/// the horizon, members and customers come from the simulated campaign.
/// </summary>
public sealed record ScenarioCommunity : IScenarioSection
{
    void IScenarioSection.Check(string path, ScenarioProblems problems) => ScenarioMapping.MapCommunity(problems, path, this, new CampaignBuilder());

    /// <summary>Share of adopters who join the community (<see cref="CampaignBuilder.WithCommunity"/>). Default <see cref="CampaignBuilder.DefaultJoinShare"/>.</summary>
    public double JoinShare { get; init; } = CampaignBuilder.DefaultJoinShare;

    /// <summary><see cref="CommunityRoiInputs.QuestionsPerCustomer"/>.</summary>
    public double? QuestionsPerCustomer { get; init; }

    /// <summary><see cref="CommunityRoiInputs.CostPerTicket"/>.</summary>
    public double? CostPerTicket { get; init; }

    /// <summary><see cref="CommunityRoiInputs.CommunityFixedCostPerPeriod"/>.</summary>
    public double? FixedCostPerPeriod { get; init; }

    /// <summary><see cref="CommunityRoiInputs.LaunchCost"/>.</summary>
    public double? LaunchCost { get; init; }

    /// <summary><see cref="CommunityRoiInputs.DiscountRate"/>: per-period discount rate of the community's NPV.</summary>
    public double? DiscountRate { get; init; }
}
