using InfluenceModel.Channels;

namespace InfluenceModel.Campaigns;

/// <summary>
/// A candidate channel of a campaign as the simulator uses it: the Channels model's <see cref="Channel"/> (audience per
/// segment, fixed cost, response curve, geometric adstock, fatigue) plus the per-segment action probabilities.
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

        Model = new Channel(
            settings.Name,
            Audience,
            settings.FixedCost,
            Curve(settings.Response, 1.0, 1.0),
            new GeometricAdstock(settings.Adstock.Alpha, settings.Adstock.MaxLag + 1), // lags 0..maxLag = maxLag + 1 weights
            new FatigueModel(settings.Fatigue.DeclinePerPeriod, settings.Fatigue.Floor));
    }

    public ChannelSettings Settings { get; }

    public string Name => Settings.Name;

    /// <summary>The Channels model's channel (per-period response curve, adstock, fatigue).</summary>
    public Channel Model { get; }

    /// <summary>Share of each segment present on the channel.</summary>
    public double[] Audience { get; }

    /// <summary>Probability that an exposed consumer of each segment adopts in that period.</summary>
    public double[] Action { get; }

    /// <summary>The response curve f(x): share of the audience reached per period at effective spend x.</summary>
    public double CurveValue(double spend) => Model.Curve.Value(spend);

    /// <summary>y_t = m(n_t)·f(a_t) for a spend schedule (<see cref="Channel.ResponseOverTime"/>).</summary>
    public double[] ResponseOverTime(IReadOnlyList<double> spendByPeriod) => Model.ResponseOverTime(spendByPeriod);

    /// <summary>
    /// The curve scaled to value = <paramref name="scale"/>·f(x / <paramref name="periods"/>): a campaign-total response
    /// to a total spend x spread evenly over <paramref name="periods"/> periods. Each family stays in its family.
    /// </summary>
    public static IResponseCurve Curve(ResponseCurveSettings r, double scale, double periods) => r.Kind switch
    {
        ResponseCurveKind.Hill => new HillCurve(scale * r.Beta, r.Kappa * periods, r.Slope),
        ResponseCurveKind.Logistic => new LogisticCurve(scale * r.Beta, r.Lambda / periods),
        _ => new MichaelisMentenCurve(scale * r.Beta, r.Kappa * periods),
    };
}
