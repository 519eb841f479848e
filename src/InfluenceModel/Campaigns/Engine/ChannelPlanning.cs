using InfluenceModel.Channels;

namespace InfluenceModel.Campaigns;

/// <summary>
/// Chooses the campaign's channels and splits the channel budget ("don't do it all at once") with the Channels model's
/// channel selector (objective: expected response, joint selection and allocation, at most maxChannels).
/// </summary>
/// <remarks>
/// Planning response of channel c to a campaign total x (after its fixed cost), spread over the A periods with a
/// positive phase spend weight: V_c(x) = k_c·A·f_c(x/A), with k_c = Σ_g n_g·audience_{c,g}·action_{c,g} the expected
/// direct adoptions per unit of reach share — the expected direct adoptions if every exposure were a new consumer and
/// spend were even (no overlap, adstock or fatigue; the simulator has all three). V_c stays in f_c's family
/// (<see cref="CurveScaling"/>). The chosen total is then spread over the periods in proportion to the phase spend weights.
/// </remarks>
internal static class ChannelPlanning
{
    public static PlannedChannel[] Plan(IChannelSelector selector, IReadOnlyList<ActivatedChannel> channels, int[] segmentSizes, double[] weights, double budget, int maxChannels, CancellationToken cancellationToken)
    {
        double totalWeight = 0;
        int active = 0;
        foreach (double w in weights)
        {
            totalWeight += w;
            active += w > 0 ? 1 : 0;
        }

        if (budget <= 0 || totalWeight <= 0)
        {
            return [];
        }

        var planning = new Channel[channels.Count];
        for (int c = 0; c < channels.Count; c++)
        {
            double k = 0;
            for (int g = 0; g < segmentSizes.Length; g++)
            {
                k += segmentSizes[g] * channels[c].Audience[g] * channels[c].Action[g];
            }

            // A channel nobody acts on still gets a tiny positive scale so that every curve is valid.
            IResponseCurve curve = CurveScaling.Scale(channels[c].Model.Curve, Math.Max(k * active, 1e-9), active);
            planning[c] = new Channel(channels[c].Name, channels[c].Audience, channels[c].Model.FixedCost, curve);
        }

        ChannelSelection plan = selector.Select(new SelectionRequest { Channels = planning, Budget = budget, MaxChannels = maxChannels, Objective = SelectionObjective.Response }, null, cancellationToken);
        var planned = new PlannedChannel[plan.Selected.Count];
        for (int i = 0; i < planned.Length; i++)
        {
            int index = Array.FindIndex(planning, p => ReferenceEquals(p, plan.Selected[i]));
            double[] byPeriod = new double[weights.Length];
            for (int t = 0; t < weights.Length; t++)
            {
                byPeriod[t] = plan.Allocation.Channels[i].Spend * weights[t] / totalWeight;
            }

            planned[i] = new PlannedChannel(channels[index], index, byPeriod);
        }

        return planned;
    }
}

/// <summary>A selected channel with its variable spend per period (its fixed cost is paid in its first period with spend).</summary>
internal sealed record PlannedChannel(ActivatedChannel Channel, int CandidateIndex, double[] SpendByPeriod)
{
    /// <summary>The first period with spend (0 when none), where the fixed cost is paid; computed once.</summary>
    public int FirstSpendPeriod { get; } = Math.Max(0, Array.FindIndex(SpendByPeriod, s => s > 0));

    /// <summary>Total money in period t: variable spend plus the fixed cost in the first period with spend.</summary>
    public double CostIn(int t) => SpendByPeriod[t] + (t == FirstSpendPeriod ? Channel.Model.FixedCost : 0);
}
