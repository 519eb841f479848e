namespace InfluenceModel.Campaigns;

/// <summary>What the plan fixes before any run: each selected channel's response per period and the money per period.</summary>
internal sealed class CampaignSchedule
{
    public CampaignSchedule(Campaign campaign)
    {
        int periods = campaign.Periods, channels = campaign.Planned.Length;
        Response = new double[channels][];
        Spend = new double[periods];
        for (int c = 0; c < channels; c++)
        {
            PlannedChannel p = campaign.Planned[c];
            Response[c] = p.Channel.Model.ResponseOverTime(p.SpendByPeriod);
            for (int t = 0; t < periods; t++)
            {
                Spend[t] += p.CostIn(t);
            }
        }

        for (int t = 0; t < periods; t++)
        {
            Spend[t] += campaign.AmbassadorProgram.CostPerPeriod;
        }
    }

    /// <summary>y_c(t): the share of channel c's audience reached in period t.</summary>
    public double[][] Response { get; }

    /// <summary>Money spent in period t (channels and the ambassador program).</summary>
    public double[] Spend { get; }
}
