using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// A consumer segment: a share of the population and how much it relies on reviews before buying. Immutable; each
/// property is validated when it is set.
/// </summary>
public sealed record ConsumerSegment
{
    /// <summary>Display name. Non-empty; unique within a population. Default "all consumers".</summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public string Name
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Name));
            field = value;
        }
    } = "all consumers";

    /// <summary>Share of consumers in the segment, in (0, 1]; a population's shares sum to 1. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside (0, 1], NaN or infinite.</exception>
    public double Share
    {
        get;
        init => field = Guard.InRangeExclusiveMin(value, 0, 1, nameof(Share));
    } = 1;

    /// <summary>
    /// Review reliance ρ in [0, 1]: the probability that a consumer of the segment reads reviews before acting. A review
    /// reader acts on a channel's message only as far as the channel carries reviews
    /// (<see cref="ChannelActivation.ReviewCredibility"/>). Default 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], NaN or infinite.</exception>
    public double ReviewReliance
    {
        get;
        init => field = Guard.Probability(value, nameof(ReviewReliance));
    }
}
