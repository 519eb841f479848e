using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>
/// One channel's money over the planning periods: the single plan-line type of the library (a campaign's channel plan,
/// a media plan). Immutable; validated when built.
/// </summary>
/// <remarks>The channel's <see cref="Channel.FixedCost"/> is not part of the line: it belongs to the channel.</remarks>
public sealed record ChannelSpend
{
    /// <summary>Creates a plan line.</summary>
    /// <param name="name">The channel's name; not blank.</param>
    /// <param name="spendByPeriod">Spend per period (money), oldest first; each finite and ≥ 0.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A spend is negative, NaN or infinite.</exception>
    public ChannelSpend(string name, IReadOnlyList<double> spendByPeriod)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Guard.AllAmounts(spendByPeriod, nameof(spendByPeriod));
        Name = name;
        SpendByPeriod = Array.AsReadOnly([.. spendByPeriod]);
    }

    /// <summary>The channel's name.</summary>
    public string Name { get; }

    /// <summary>Spend per period (money), oldest first.</summary>
    public IReadOnlyList<double> SpendByPeriod { get; }

    /// <summary>Σ_t spend_t (money).</summary>
    public double Total => SpendByPeriod.Sum();

    /// <inheritdoc/>
    public bool Equals(ChannelSpend? other) =>
        other is not null && Name == other.Name && SpendByPeriod.SequenceEqual(other.SpendByPeriod);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        foreach (double s in SpendByPeriod)
        {
            hash.Add(s);
        }

        return hash.ToHashCode();
    }
}
