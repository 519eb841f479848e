using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>The simulation both faces forward to: the runs in parallel, the reduction, the reserve and community analyses.</summary>
internal static class CampaignSimulation
{
    public static CampaignResult Run(Campaign campaign, SimulationOptions options, CampaignModels models, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(options);
        var reporter = new ProgressReporter(progress, "simulating", options.Simulations);
        CampaignSamples samples = Simulate(campaign, options.Seed, 0, options.Simulations, options.EffectiveParallelism, reporter, cancellationToken);
        reporter.Complete();
        return Combine(campaign, options, samples, models, progress, cancellationToken);
    }

    /// <summary>
    /// Runs simulations [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of the campaign
    /// (run i on the streams (seed, 3i), (seed, 3i + 1), (seed, 3i + 2) whatever the range) into samples of
    /// <paramref name="count"/> runs in index order. Ranges inserted at their offsets (<see cref="CampaignSamples.Insert"/>)
    /// give the samples of their union, so ranges may run on different machines (InfluenceModel.Orleans) and
    /// <see cref="Combine"/> gives the single-machine result bit for bit.
    /// </summary>
    public static CampaignSamples Simulate(Campaign campaign, ulong seed, int first, int count, int parallelism, ProgressReporter? reporter, CancellationToken cancellationToken)
    {
        var schedule = new CampaignSchedule(campaign);
        var samples = new CampaignSamples(count, campaign.Periods, campaign.Planned.Length);
        var network = new NetworkInfluence(campaign.Influence, campaign.Network);
        DeterministicParallel.For(
            count,
            parallelism,
            () => new CampaignRun(campaign, schedule, network),
            (run, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    run.Run(i, first, seed, samples, cancellationToken);
                    reporter?.Advance();
                }
            },
            cancellationToken);
        return samples;
    }

    /// <summary>The result from the samples of all the runs: the reduction, then the reserve and community analyses.</summary>
    public static CampaignResult Combine(Campaign campaign, SimulationOptions options, CampaignSamples samples, CampaignModels models, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var schedule = new CampaignSchedule(campaign);
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

    public static CampaignComparison Compare(IReadOnlyList<Campaign> campaigns, SimulationOptions options, CampaignModels models, IProgress<ProgressReport>? progress, CancellationToken cancellationToken) =>
        Compare(campaigns, campaign => Run(campaign, options, models, progress, cancellationToken));

    /// <summary>Checks every campaign, then simulates each in turn with <paramref name="simulate"/> (in process or on a cluster).</summary>
    public static CampaignComparison Compare(IReadOnlyList<Campaign> campaigns, Func<Campaign, CampaignResult> simulate)
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
            results[i] = simulate(campaigns[i]);
        }

        return new CampaignComparison { Results = results };
    }
}
