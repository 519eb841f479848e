namespace InfluenceModel.Campaigns;

/// <summary>
/// Turns the runs' samples into the result's figures: every Monte-Carlo figure through <see cref="Estimate.FromSample"/>
/// (paired per-run differences and ratios are computed per run first), ratios of a fixed amount of money to an estimate
/// through <see cref="CostPer"/> (delta method).
/// </summary>
internal static class CampaignReduction
{
    public static (CampaignPeriodResult[] Periods, ChannelResult[] Channels, CampaignSummary Summary) Reduce(
        Campaign campaign, CampaignSchedule schedule, CampaignSamples m)
    {
        double value = campaign.Budget.ValuePerAdoption;
        int periods = m.Periods, runs = m.Runs;
        var perRun = new double[runs];
        var results = new CampaignPeriodResult[periods];
        double cumulative = 0;
        for (int t = 0; t < periods; t++)
        {
            cumulative += schedule.Spend[t];
            for (int r = 0; r < runs; r++)
            {
                perRun[r] = m.Adopters[t, r] - m.BaselineAdopters[t, r];
            }

            Estimate incremental = Estimate.FromSample(perRun);
            Estimate? roi = null;
            if (cumulative > 0)
            {
                for (int r = 0; r < runs; r++)
                {
                    perRun[r] = ((value * (m.Adopters[t, r] - m.BaselineAdopters[t, r])) - cumulative) / cumulative;
                }

                roi = FiniteOrNull(perRun);
            }

            results[t] = new CampaignPeriodResult
            {
                Period = t + 1,
                Phase = campaign.Phases[campaign.PhaseIndexByPeriod[t]].Name,
                Spend = schedule.Spend[t],
                CumulativeSpend = cumulative,
                Reach = Estimate.FromSample(m.Reach.At(t)),
                Aware = Estimate.FromSample(m.Aware.At(t)),
                Adopters = Estimate.FromSample(m.Adopters.At(t)),
                BaselineAdopters = Estimate.FromSample(m.BaselineAdopters.At(t)),
                IncrementalAdopters = incremental,
                Organic = Estimate.FromSample(m.Organic.At(t)),
                Direct = Estimate.FromSample(m.Direct.At(t)),
                Ambassadors = Estimate.FromSample(m.Ambassadors.At(t)),
                Compliance = Estimate.FromSample(m.Compliance.At(t)),
                Identification = Estimate.FromSample(m.Identification.At(t)),
                Internalization = Estimate.FromSample(m.Internalization.At(t)),
                CostPerAdoption = CostPer(cumulative, incremental),
                Roi = roi,
            };
        }

        var channels = new ChannelResult[campaign.Planned.Length];
        for (int c = 0; c < channels.Length; c++)
        {
            channels[c] = Channel(campaign.Planned[c], schedule.Response[c], m, c, value, perRun);
        }

        CampaignPeriodResult final = results[^1];
        var summary = new CampaignSummary
        {
            Adopters = final.Adopters,
            IncrementalAdopters = final.IncrementalAdopters,
            AmbassadorAttributedAdopters = Estimate.FromSample(m.AmbassadorAttributed),
            TotalSpend = cumulative,
            CostPerAdoption = CostPer(cumulative, final.IncrementalAdopters),
            Roi = final.Roi,
        };
        return (results, channels, summary);
    }

    /// <summary>
    /// A fixed amount of money per estimated adoption, spend / mean, with the delta-method standard error
    /// spend·se(mean)/mean²; null when nothing is spent or the mean is not positive.
    /// </summary>
    /// <summary>
    /// The return on spend, or null (as for no spend) when a spend is so small that value/spend is not a finite number:
    /// a return on 1e-300 currency units has no meaning, and Infinity must never reach a report.
    /// </summary>
    private static Estimate? FiniteOrNull(double[] perRun)
    {
        double sum = 0;
        foreach (double v in perRun)
        {
            sum += v * v;
        }

        return double.IsFinite(sum) ? Estimate.FromSample(perRun) : null;
    }

    public static Estimate? CostPer(double spend, Estimate adopters) =>
        spend <= 0 || adopters.Mean <= 0
            ? null
            : new Estimate(spend / adopters.Mean, spend * adopters.StandardError / (adopters.Mean * adopters.Mean), adopters.Count);

    private static ChannelResult Channel(PlannedChannel p, double[] response, CampaignSamples m, int c, double value, double[] perRun)
    {
        var byPeriod = new ChannelPeriodResult[m.Periods];
        double spend = 0;
        for (int t = 0; t < m.Periods; t++)
        {
            spend += p.CostIn(t);
            byPeriod[t] = new ChannelPeriodResult
            {
                Period = t + 1,
                Spend = p.CostIn(t),
                Response = response[t],
                Reach = Estimate.FromSample(m.ChannelReach[c].At(t)),
                NewDirectAdopters = Estimate.FromSample(m.ChannelNewDirect[c].At(t)),
            };
        }

        Estimate attributed = Estimate.FromSample(m.ChannelAttributed[c]);
        Estimate? roi = null;
        if (spend > 0)
        {
            for (int r = 0; r < m.Runs; r++)
            {
                perRun[r] = ((value * m.ChannelAttributed[c][r]) - spend) / spend;
            }

            roi = FiniteOrNull(perRun);
        }

        return new ChannelResult
        {
            Name = p.Channel.Name,
            Spend = spend,
            UniqueReach = Estimate.FromSample(m.ChannelUniqueReach[c]),
            DirectAdopters = Estimate.FromSample(m.ChannelDirect[c]),
            AttributedAdopters = attributed,
            CostPerAdoption = CostPer(spend, attributed),
            Roi = roi,
            Periods = byPeriod,
        };
    }
}
