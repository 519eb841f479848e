using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>The simulation both faces forward to: the runs in parallel, the reduction, the reserve and community analyses.</summary>
internal static class CampaignSimulation
{
    public static CampaignResult Run(Campaign campaign, SimulationOptions options, CampaignModels models, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(options);
        var schedule = new CampaignSchedule(campaign);
        var samples = new CampaignSamples(options.Simulations, campaign.Periods, campaign.Planned.Length);
        var network = new NetworkInfluence(campaign.Influence, campaign.Network);
        var reporter = new ProgressReporter(progress, "simulating", options.Simulations);
        DeterministicParallel.For(
            options.Simulations,
            options.EffectiveParallelism,
            () => new CampaignRun(campaign, schedule, network),
            (run, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    run.Run(i, options.Seed, samples, cancellationToken);
                    reporter.Advance();
                }
            },
            cancellationToken);
        reporter.Complete();
        (CampaignPeriodResult[] periods, ChannelResult[] channels, CampaignSummary summary) = CampaignReduction.Reduce(campaign, schedule, samples);
        progress?.Report(new ProgressReport("valuing the reserve", 0, 0));
        ReserveValue reserve = ReserveAnalysis.Analyse(campaign, channels, summary, options, models.BudgetSimulator, models.ReserveOptimizer, cancellationToken);
        CommunityOutcome community = CommunityAnalysis.Analyse(campaign, periods, models.CommunityRoiCalculator, cancellationToken);
        return new CampaignResult
        {
            Name = campaign.Name,
            Simulations = options.Simulations,
            Seed = options.Seed,
            Consumers = campaign.Network.NodeCount,
            Ambassadors = campaign.Ambassadors,
            ValuePerAdoption = campaign.Budget.ValuePerAdoption,
            Periods = periods,
            Channels = channels,
            Summary = summary,
            Reserve = reserve,
            Community = community,
        };
    }

    public static CampaignComparison Compare(IReadOnlyList<Campaign> campaigns, SimulationOptions options, CampaignModels models, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        if (campaigns.Count == 0)
        {
            throw new ArgumentException("At least one campaign is needed.", nameof(campaigns));
        }

        // Every element is checked before anything is simulated.
        foreach (Campaign campaign in campaigns)
        {
            ArgumentNullException.ThrowIfNull(campaign, nameof(campaigns));
        }

        var results = new CampaignResult[campaigns.Count];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = Run(campaigns[i], options, models, progress, cancellationToken);
        }

        return new CampaignComparison { Results = results };
    }
}
