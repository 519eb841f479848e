namespace InfluenceModel.Campaigns;

/// <summary>
/// A candidate channel of a campaign as the simulator uses it: the per-segment audience and action probabilities and
/// the per-period response y_t = m(n_t)·f(a_t) (response curve f of the adstocked spend a, times the fatigue multiplier
/// m after n_t consecutive earlier periods with spend). <see cref="ResponseOverTime"/> and <see cref="CurveValue"/> are the
/// one place where the Channels model plugs in.
/// </summary>
internal sealed class CampaignChannel
{
    public CampaignChannel(ChannelSettings settings, IReadOnlyList<SegmentSettings> segments)
    {
        Settings = settings;
        Audience = [.. settings.Audience];
        Action = new double[segments.Count];
        for (int g = 0; g < segments.Count; g++)
        {
            // A review reader (probability ρ_g) acts on the message only as far as the channel carries reviews.
            Action[g] = settings.ActionRate * (1 - (segments[g].ReviewReliance * (1 - settings.ReviewCredibility)));
        }
    }

    public ChannelSettings Settings { get; }

    public string Name => Settings.Name;

    /// <summary>Share of each segment present on the channel.</summary>
    public double[] Audience { get; }

    /// <summary>Probability that an exposed consumer of each segment adopts in that period.</summary>
    public double[] Action { get; }

    /// <summary>The response curve f(x): share of the audience reached per period at effective spend x.</summary>
    public double CurveValue(double spend)
    {
        ResponseCurveSettings r = Settings.Response;
        return r.Kind switch
        {
            ResponseCurveKind.Hill => spend <= 0 ? 0 : r.Beta / (1 + Math.Pow(r.Kappa / spend, r.Slope)),
            ResponseCurveKind.Logistic => r.Beta * (1 - Math.Exp(-r.Lambda * spend)) / (1 + Math.Exp(-r.Lambda * spend)),
            _ => r.Beta * spend / (r.Kappa + spend),
        };
    }

    /// <summary>y_t for a spend schedule (geometric adstock truncated at the max lag, then the curve, then fatigue).</summary>
    public double[] ResponseOverTime(IReadOnlyList<double> spendByPeriod)
    {
        AdstockSettings a = Settings.Adstock;
        FatigueSettings f = Settings.Fatigue;
        var result = new double[spendByPeriod.Count];
        int present = 0;
        for (int t = 0; t < result.Length; t++)
        {
            double effective = 0, weight = 1;
            for (int lag = 0; lag <= a.MaxLag && lag <= t; lag++)
            {
                effective += weight * spendByPeriod[t - lag];
                weight *= a.Alpha;
            }

            double fatigue = f.Floor + ((1 - f.Floor) * Math.Pow(1 - f.DeclinePerPeriod, present));
            result[t] = CurveValue(effective) * fatigue;
            present = spendByPeriod[t] > 0 ? present + 1 : 0;
        }

        return result;
    }
}
