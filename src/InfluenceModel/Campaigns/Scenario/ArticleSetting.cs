using InfluenceModel.Budgeting;
using InfluenceModel.Channels;
using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// The source article's campaign: the values <see cref="CampaignScenario.Default"/> states where the article (or the
/// issue) chose them. Everything else is the domain types' own default. <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/campaign.md">docs/models/campaign.md</see> gives the source of
/// each number; the Kelman values are the article setting's (same-segment contacts weigh twice, word of mouth settles
/// within six rounds per month), not <see cref="Diffusion.KelmanInfluence"/>'s defaults.
/// </summary>
internal static class ArticleSetting
{
    public static Strategy Strategy { get; } = new(
        "Grow adoption of the new product through social influence", "Online buyers in the brand category", "Adoptions");

    public static IReadOnlyList<CampaignPhase> Phases { get; } = ValueList<CampaignPhase>.From(
    [
        new CampaignPhase { Name = "pre-launch", Kind = CampaignPhaseKind.PreLaunch, Periods = 2, SpendWeight = 0.5, AmbassadorsActive = false },
        new CampaignPhase { Name = "launch", Kind = CampaignPhaseKind.Launch, Periods = 1, SpendWeight = 2.5 },
        new CampaignPhase { Name = "sustain", Kind = CampaignPhaseKind.Sustain, Periods = 8, SpendWeight = 1 },
        new CampaignPhase { Name = "post-campaign", Kind = CampaignPhaseKind.PostCampaign, Periods = 1, SpendWeight = 0 },
    ])!;

    public static IReadOnlyList<ScenarioChannel> Channels { get; } = ValueList<ScenarioChannel>.From(
    [
        Channel("Facebook page", [0.55, 0.60, 0.65], 10_000, 0.02, 0.2, Hill(0.5, 8_000, 1), 0.3, 3, 0.03, 0.6),
        Channel("CEO blog", [0.10, 0.12, 0.08], 5_000, 0.28, 0.4, Hill(0.6, 4_000, 1), 0.5, 4, 0.02, 0.7),
        Channel("wiki", [0.30, 0.20, 0.08], 8_000, 0.05, 0.8, new ScenarioCurve { Kind = ResponseCurveKind.MichaelisMenten, Alpha = 0.5, Lambda = 6_000 }, 0.6, 6, 0.01, 0.8),
        Channel("MySpace page", [0.15, 0.20, 0.30], 6_000, 0.01, 0.1, Hill(0.4, 8_000, 1), 0.2, 2, 0.05, 0.4),
        Channel("YouTube channel", [0.45, 0.50, 0.55], 15_000, 0.03, 0.5, Hill(0.5, 15_000, 1.5), 0.4, 4, 0.04, 0.5),
        Channel("magazine websites", [0.35, 0.30, 0.20], 0, 0.04, 1.0, new ScenarioCurve { Kind = ResponseCurveKind.Logistic, Beta = 0.4, Lambda = 0.0002 }, 0.2, 2, 0.02, 0.7),
    ])!;

    public static OpportunityProcess Opportunities { get; } = new()
    {
        ArrivalRate = 1,
        CostMedian = 15_000,
        CostSigma = 0.5,
        ValueMultipleMedian = 1.3,
        ValueMultipleSigma = 0.6,
        DecisionWindow = 1,
    };

    public static ScenarioInfluence Influence { get; } = new()
    {
        Model = InfluenceModelKind.Kelman,
        Identification = 2,
        InternalizationThreshold = 0.5,
        Stubbornness = 0.4,
        RoundsPerPeriod = 6,
        ReversibleCompliance = true,
        AttitudeTolerance = 1e-6,
    };

    /// <summary>Questions and ticket cost are <see cref="Community.CommunityRoiInputs"/>'s defaults; a smaller community costs 2,000 a month and has no launch cost (it grows from the campaign); the discount rate is the model's default, stated so that the scenario JSON shows it.</summary>
    public static ScenarioCommunity Community { get; } = new() { JoinShare = 0.15, FixedCostPerPeriod = 2_000, LaunchCost = 0, DiscountRate = 0.008 };

    /// <summary>40 runs (about 2 s for the article's campaign on 2 cores; <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/performance.md">docs/performance.md</see>), seed 2009.</summary>
    public static SimulationOptions Simulation { get; } = new() { Simulations = 40, Seed = 2009 };

    private static ScenarioCurve Hill(double beta, double kappa, double slope) =>
        new() { Kind = ResponseCurveKind.Hill, Beta = beta, Kappa = kappa, Slope = slope };

    /// <summary>A channel with geometric adstock of <paramref name="lags"/> lags after the current period (l_max = lags + 1).</summary>
    private static ScenarioChannel Channel(
        string name, double[] audience, double fixedCost, double actionRate, double credibility, ScenarioCurve response,
        double adstockAlpha, int lags, double decline, double floor) => new()
        {
            Name = name,
            Audience = audience,
            FixedCost = fixedCost,
            ActionRate = actionRate,
            ReviewCredibility = credibility,
            Response = response,
            Adstock = new ScenarioAdstock { Alpha = adstockAlpha, MaxLag = lags + 1 },
            Fatigue = new FatigueModel(decline, floor),
        };
}
