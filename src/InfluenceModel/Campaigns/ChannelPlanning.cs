namespace InfluenceModel.Campaigns;

/// <summary>
/// Chooses the campaign's channels and splits the channel budget ("don't do it all at once"). This is the one place
/// where the Channels model (selection and allocation) plugs in.
/// </summary>
/// <remarks>
/// Planning value of channel c at annual variable spend x (money after its fixed cost):
/// V_c(x) = Σ_t Σ_g n_g·audience_{c,g}·action_{c,g}·f_c(x·w_t/W) — the expected direct adoptions if every exposure
/// were a new consumer (no overlap, adstock or fatigue; the simulator has all three), with w_t the phase spend weight
/// of period t and W = Σ_t w_t. Every subset of at most maxChannels channels whose fixed costs fit is tried, the
/// money split by marginal value in 1/400 steps, and the subset with the largest total planning value kept.
/// </remarks>
internal static class ChannelPlanning
{
    private const int Steps = 400;

    public static PlannedChannel[] Plan(IReadOnlyList<CampaignChannel> channels, int[] segmentSizes, double[] weights, double budget, int maxChannels)
    {
        double totalWeight = 0;
        foreach (double w in weights)
        {
            totalWeight += w;
        }

        int count = channels.Count;
        if (budget <= 0 || totalWeight <= 0)
        {
            return [];
        }

        double[] reachValue = new double[count];
        for (int c = 0; c < count; c++)
        {
            for (int g = 0; g < segmentSizes.Length; g++)
            {
                reachValue[c] += segmentSizes[g] * channels[c].Audience[g] * channels[c].Action[g];
            }
        }

        double Value(int c, double annual)
        {
            double v = 0;
            foreach (double w in weights)
            {
                v += channels[c].CurveValue(annual * w / totalWeight);
            }

            return reachValue[c] * v;
        }

        double bestValue = -1;
        int[] bestSet = [];
        double[] bestSpend = [];
        int subsets = count <= 16 ? 1 << count : 0;
        for (int mask = 1; mask < subsets; mask++)
        {
            int size = System.Numerics.BitOperations.PopCount((uint)mask);
            if (size > maxChannels)
            {
                continue;
            }

            int[] set = new int[size];
            double fixedCost = 0;
            for (int c = 0, i = 0; c < count; c++)
            {
                if ((mask & (1 << c)) != 0)
                {
                    set[i++] = c;
                    fixedCost += channels[c].Settings.FixedCost;
                }
            }

            if (fixedCost > budget)
            {
                continue;
            }

            double money = budget - fixedCost, step = money / Steps;
            double[] spend = new double[size];
            for (int s = 0; s < Steps; s++)
            {
                int best = 0;
                double bestGain = double.NegativeInfinity;
                for (int i = 0; i < size; i++)
                {
                    double gain = Value(set[i], spend[i] + step) - Value(set[i], spend[i]);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        best = i;
                    }
                }

                spend[best] += step;
            }

            double total = 0;
            for (int i = 0; i < size; i++)
            {
                total += Value(set[i], spend[i]);
            }

            if (total > bestValue + 1e-9)
            {
                bestValue = total;
                bestSet = set;
                bestSpend = spend;
            }
        }

        var planned = new PlannedChannel[bestSet.Length];
        for (int i = 0; i < bestSet.Length; i++)
        {
            CampaignChannel channel = channels[bestSet[i]];
            double[] byPeriod = new double[weights.Length];
            for (int t = 0; t < weights.Length; t++)
            {
                byPeriod[t] = bestSpend[i] * weights[t] / totalWeight;
            }

            planned[i] = new PlannedChannel(channel, bestSet[i], byPeriod);
        }

        return planned;
    }
}

/// <summary>A selected channel with its variable spend per period (its fixed cost is paid in its first period with spend).</summary>
internal sealed record PlannedChannel(CampaignChannel Channel, int CandidateIndex, double[] SpendByPeriod)
{
    public double FirstSpendPeriod
    {
        get
        {
            for (int t = 0; t < SpendByPeriod.Length; t++)
            {
                if (SpendByPeriod[t] > 0)
                {
                    return t;
                }
            }

            return SpendByPeriod.Length;
        }
    }

    /// <summary>Total money in period t: variable spend plus the fixed cost in the first period with spend.</summary>
    public double CostIn(int t) => SpendByPeriod[t] + (t == FirstSpendPeriod ? Channel.Settings.FixedCost : 0);
}
