using InfluenceModel.Channels;

namespace InfluenceModel.Campaigns;

/// <summary>
/// A candidate channel as the campaign uses it: the Channels model's <see cref="Channel"/> (audience per segment,
/// fixed cost, response curve, adstock, fatigue), its <see cref="ChannelActivation"/> and the resulting direct-adoption
/// probability per segment.
/// </summary>
internal sealed class ActivatedChannel
{
    public ActivatedChannel(Channel model, ChannelActivation activation, IReadOnlyList<ConsumerSegment> segments)
    {
        Model = model;
        Activation = activation;
        Audience = [.. model.Audience];
        Action = new double[segments.Count];
        for (int g = 0; g < segments.Count; g++)
        {
            // A review reader (probability ρ_g) acts on the message only as far as the channel carries reviews.
            Action[g] = activation.ActionProbability(segments[g].ReviewReliance);
        }
    }

    public string Name => Model.Name;

    /// <summary>The Channels model's channel (per-period response curve, adstock, fatigue).</summary>
    public Channel Model { get; }

    public ChannelActivation Activation { get; }

    /// <summary>Share of each segment present on the channel.</summary>
    public double[] Audience { get; }

    /// <summary>Probability that an exposed consumer of each segment adopts in that period.</summary>
    public double[] Action { get; }
}
