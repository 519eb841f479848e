using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// What a campaign adds to a <see cref="Channels.Channel"/>: how likely an exposed consumer acts on its message, and
/// how far its content counts as a review. A consumer of segment g exposed to the channel adopts directly with
/// probability a_g = <see cref="ActionRate"/>·(1 − ρ_g·(1 − <see cref="ReviewCredibility"/>)), ρ_g the segment's
/// <see cref="ConsumerSegment.ReviewReliance"/>. Immutable; each property is validated when it is set.
/// </summary>
public sealed record ChannelActivation
{
    /// <summary>The default activation: action rate 0.02, review credibility 0.</summary>
    public static ChannelActivation Default { get; } = new();

    /// <summary>Probability in [0, 1] that an exposed consumer who needs no reviews acts (adopts) in that period. Default 0.02.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], NaN or infinite.</exception>
    public double ActionRate
    {
        get;
        init => field = Guard.Probability(value, nameof(ActionRate));
    } = 0.02;

    /// <summary>How far the channel's content counts as a review for a review reader, in [0, 1]. Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], NaN or infinite.</exception>
    public double ReviewCredibility
    {
        get;
        init => field = Guard.Probability(value, nameof(ReviewCredibility));
    }

    /// <summary>The direct-adoption probability of an exposed consumer with review reliance ρ.</summary>
    internal double ActionProbability(double reviewReliance) => ActionRate * (1 - (reviewReliance * (1 - ReviewCredibility)));
}
