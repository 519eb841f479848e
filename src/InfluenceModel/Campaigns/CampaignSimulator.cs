using InfluenceModel.Budgeting;
using InfluenceModel.Community;

namespace InfluenceModel.Campaigns;

/// <summary>
/// The campaign simulator: per period, channel spend becomes reach through each channel's response curve (with adstock
/// and fatigue) and its audience in each segment; exposed consumers become aware and some act (adopt); the adopters,
/// the active ambassadors and the organic adopters seed word of mouth on the consumer network (the campaign's
/// influence model), which adds adopters by compliance, identification and internalization. Every run also computes
/// the baseline without the campaign on the same random numbers, so incremental adoption, cost per adoption and ROI are
/// paired differences. Then the reserve is valued (Budgeting) and the community's ROI computed (Community).
/// </summary>
/// <remarks>
/// <para>
/// Per Monte-Carlo run i and period t (<see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/campaign.md">docs/models/campaign.md</see>): r_{c,g}(t) = audience_{c,g}·y_c(t) is the chance that
/// a consumer of segment g is exposed to channel c, with y_c the channel's response; an exposed consumer adopts directly
/// with probability a_{c,g} = actionRate_c·(1 − ρ_g·(1 − credibility_c)); every consumer adopts organically with the
/// hazard p. The seeds S_t = active ambassadors ∪ direct adopters ∪ organic adopters start the influence model; the
/// baseline world's seeds are the organic adopters only. Exposures are independent across channels, so the expected
/// number of consumers exposed is the audience-overlap formula Σ_g n_g(1 − Π_c(1 − r_{c,g})) exactly.
/// </para>
/// <para>
/// Random streams: run i draws exposures and actions from stream (seed, 3i), organic adoption from (seed, 3i + 1) and
/// the influence model from (seed, 3i + 2) afresh each period (so each consumer keeps its threshold for the whole run);
/// results are identical at any degree of parallelism. This façade uses the library's models for the reserve and
/// community analyses and <see cref="SimulationOptions.Default"/> for null options; <see cref="ICampaignSimulator"/>
/// (registered by <c>AddInfluenceModel</c>) uses the host's. Stateless and thread-safe.
/// </para>
/// </remarks>
public static class CampaignSimulator
{
    /// <summary>Simulates <paramref name="campaign"/> over <see cref="SimulationOptions.Simulations"/> Monte-Carlo runs.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="options">Simulations, seed, parallelism; null for <see cref="SimulationOptions.Default"/> (10,000 runs, seed 0).
    /// A scenario's own settings are <see cref="CampaignScenario.Simulation"/>: pass them explicitly.</param>
    /// <param name="progress">Receives stage "simulating" (runs done of runs) at most every 50 ms, then "valuing the reserve"; optional.</param>
    /// <param name="cancellationToken">Cancels the run; honoured within a campaign period of one run (milliseconds).</param>
    /// <returns>Per period and per channel: reach, awareness, adoption by mechanism, spend, cost per adoption and ROI with 95% intervals; the reserve's value; the community.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> is null.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CampaignResult Simulate(Campaign campaign, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        CampaignSimulation.Run(campaign, options ?? SimulationOptions.Default, CampaignModels.Default, progress, cancellationToken);

    /// <summary>Simulates every campaign with the same options (common random numbers: the same seed and streams).</summary>
    /// <param name="campaigns">The campaigns, at least one.</param>
    /// <param name="options">Simulations, seed, parallelism; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <param name="progress">Receives the stages of each campaign in turn; optional.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The results in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaigns"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="campaigns"/> is empty.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CampaignComparison Compare(IReadOnlyList<Campaign> campaigns, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        CampaignSimulation.Compare(campaigns, options ?? SimulationOptions.Default, CampaignModels.Default, progress, cancellationToken);
}

/// <summary>Simulates campaigns; the injectable face of <see cref="CampaignSimulator"/>, with the same signatures.</summary>
public interface ICampaignSimulator
{
    /// <summary>Simulates <paramref name="campaign"/>; see <see cref="CampaignSimulator.Simulate"/>.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the host's defaults (<see cref="SimulationOptions.Default"/> when the host sets none).</param>
    /// <param name="progress">Receives progress; optional.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> is null.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    CampaignResult Simulate(Campaign campaign, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Simulates every campaign on common random numbers; see <see cref="CampaignSimulator.Compare"/>.</summary>
    /// <param name="campaigns">The campaigns, at least one.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the host's defaults.</param>
    /// <param name="progress">Receives progress; optional.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The results side by side.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaigns"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="campaigns"/> is empty.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    CampaignComparison Compare(IReadOnlyList<Campaign> campaigns, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The DI face of the campaign simulator: the host's default options and the host's registered models.</summary>
internal sealed class CampaignSimulatorService(
    SimulationOptions defaults, IBudgetSimulator budgetSimulator, IReserveOptimizer reserveOptimizer, ICommunityRoiCalculator communityRoiCalculator) : ICampaignSimulator
{
    private readonly CampaignModels _models = new(budgetSimulator, reserveOptimizer, communityRoiCalculator);

    public CampaignResult Simulate(Campaign campaign, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        CampaignSimulation.Run(campaign, options ?? defaults, _models, progress, cancellationToken);

    public CampaignComparison Compare(IReadOnlyList<Campaign> campaigns, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        CampaignSimulation.Compare(campaigns, options ?? defaults, _models, progress, cancellationToken);
}

/// <summary>The models a campaign simulation calls, resolved through their interfaces.</summary>
internal sealed record CampaignModels(IBudgetSimulator BudgetSimulator, IReserveOptimizer ReserveOptimizer, ICommunityRoiCalculator CommunityRoiCalculator)
{
    /// <summary>The library's own models (the static façade's).</summary>
    public static CampaignModels Default { get; } = new(new BudgetSimulatorService(SimulationOptions.Default), new ReserveOptimizerService(SimulationOptions.Default), new CommunityRoiCalculatorService());
}
