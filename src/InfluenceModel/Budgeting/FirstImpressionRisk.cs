using InfluenceModel.Internal;

namespace InfluenceModel.Budgeting;

/// <summary>
/// "First impressions matter": the launch of a channel that is new to the brand fails with probability
/// <see cref="FailureProbability"/>, and a failed launch multiplies that channel's return by (1 − <see cref="Depression"/>)
/// for <see cref="DurationPeriods"/> periods starting at the launch period (the channel's first period with planned
/// spend). One Bernoulli draw per simulated year and channel. Immutable and thread-safe.
/// </summary>
public sealed record FirstImpressionRisk
{
    /// <summary>Creates a first-impression risk.</summary>
    /// <param name="failureProbability">Probability in [0, 1] that the launch fails.</param>
    /// <param name="depression">Share in [0, 1] of the channel's return lost while depressed (1 = the channel earns nothing).</param>
    /// <param name="durationPeriods">Number of periods (≥ 1) the depression lasts, counting the launch period.</param>
    /// <exception cref="ArgumentOutOfRangeException">A share is outside [0, 1] or NaN, or the duration is below 1.</exception>
    public FirstImpressionRisk(double failureProbability, double depression, int durationPeriods)
    {
        FailureProbability = Guard.Probability(failureProbability);
        Depression = Guard.Probability(depression);
        DurationPeriods = Guard.Positive(durationPeriods);
    }

    /// <summary>Probability in [0, 1] that the launch fails.</summary>
    public double FailureProbability { get; }

    /// <summary>Share in [0, 1] of the channel's return lost in each depressed period.</summary>
    public double Depression { get; }

    /// <summary>Number of periods (≥ 1) the depression lasts, counting the launch period.</summary>
    public int DurationPeriods { get; }
}
