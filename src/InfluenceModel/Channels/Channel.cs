using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>
/// A marketing channel (a social network, a blog programme, search ads …): whom it reaches, what it costs to be
/// present, how the outcome responds to spend, how spend carries over, and how engagement wears out. Immutable.
/// </summary>
public sealed class Channel
{
    private readonly double[] _audience;

    /// <summary>Creates a channel.</summary>
    /// <param name="name">Unique, non-empty name.</param>
    /// <param name="audience">Share r_g ∈ [0, 1] of each audience segment g that the channel can reach (one value per segment).</param>
    /// <param name="fixedCost">Cost of being in the channel at all, ≥ 0 (money), paid once when the channel gets any spend.</param>
    /// <param name="curve">Response to the spend on top of the fixed cost.</param>
    /// <param name="adstock">Carry-over of spend across periods; null for none.</param>
    /// <param name="fatigue">Engagement fatigue; null for <see cref="FatigueModel.None"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">name, audience or curve is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An audience share is outside [0, 1] or the fixed cost is negative, NaN or infinite.</exception>
    public Channel(string name, IReadOnlyList<double> audience, double fixedCost, IResponseCurve curve, IAdstock? adstock = null, FatigueModel? fatigue = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(curve);
        _audience = new double[audience.Count];
        for (int g = 0; g < _audience.Length; g++)
        {
            _audience[g] = Guard.Probability(audience[g], nameof(audience));
        }

        Name = name;
        FixedCost = Guard.Amount(fixedCost, nameof(fixedCost));
        Curve = curve;
        Adstock = adstock;
        Fatigue = fatigue ?? FatigueModel.None;
    }

    /// <summary>The channel's name.</summary>
    public string Name { get; }

    /// <summary>Share r_g ∈ [0, 1] of each audience segment the channel can reach (one value per segment).</summary>
    public IReadOnlyList<double> Audience => _audience;

    internal double[] AudienceArray => _audience;

    /// <summary>Cost of being in the channel at all (money), paid once when the channel gets any spend; ≥ 0.</summary>
    public double FixedCost { get; }

    /// <summary>Response to the spend on top of the fixed cost (one planning period, steady state).</summary>
    public IResponseCurve Curve { get; }

    /// <summary>Carry-over of spend across periods, or null.</summary>
    public IAdstock? Adstock { get; }

    /// <summary>Engagement fatigue.</summary>
    public FatigueModel Fatigue { get; }

    /// <summary>
    /// Response per period to a spend schedule: y_t = m(n_t)·f(a_t), with a the adstocked spend, f the curve and
    /// m the fatigue multiplier after n_t consecutive earlier periods with spend &gt; 0 (reset by a period without spend).
    /// </summary>
    /// <param name="spendByPeriod">Spend per period, oldest first; each finite and ≥ 0.</param>
    /// <returns>Response per period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A spend is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="spendByPeriod"/> is null.</exception>
    public double[] ResponseOverTime(IReadOnlyList<double> spendByPeriod)
    {
        Guard.AllAmounts(spendByPeriod, nameof(spendByPeriod));
        double[] effective = Adstock?.Apply(spendByPeriod) ?? [.. spendByPeriod];
        var result = new double[effective.Length];
        int present = 0;
        for (int t = 0; t < result.Length; t++)
        {
            result[t] = Curve.Value(effective[t]) * Fatigue.Multiplier(present);
            present = spendByPeriod[t] > 0 ? present + 1 : 0;
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} (fixed cost {FixedCost:G6}, {Curve})";
}

/// <summary>
/// Segment-based audience overlap: channels reach each segment independently, so a set S of channels reaches
/// reach(S) = Σ_g size_g·(1 − Π_{c∈S}(1 − r_{c,g})) people. reach is monotone and submodular in S.
/// </summary>
public sealed class AudienceOverlap
{
    private readonly double[] _sizes;

    /// <summary>Creates the overlap model for the given segment sizes.</summary>
    /// <param name="segmentSizes">People in each segment, each finite and ≥ 0; at least one segment.</param>
    /// <exception cref="ArgumentNullException"><paramref name="segmentSizes"/> is null.</exception>
    /// <exception cref="ArgumentException">No segment.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative, NaN or infinite.</exception>
    public AudienceOverlap(IReadOnlyList<double> segmentSizes)
    {
        Guard.AllAmounts(segmentSizes, nameof(segmentSizes));
        if (segmentSizes.Count == 0)
        {
            throw new ArgumentException("segmentSizes must hold at least one segment.", nameof(segmentSizes));
        }

        _sizes = [.. segmentSizes];
    }

    /// <summary>People in each segment.</summary>
    public IReadOnlyList<double> SegmentSizes => _sizes;

    internal double[] SizeArray => _sizes;

    /// <summary>Total audience Σ_g size_g.</summary>
    public double TotalAudience
    {
        get
        {
            double total = 0;
            foreach (double s in _sizes)
            {
                total += s;
            }

            return total;
        }
    }

    /// <summary>People reached by at least one channel of <paramref name="channels"/>.</summary>
    /// <param name="channels">The channel set (duplicates count once).</param>
    /// <returns>reach(S) ∈ [0, TotalAudience].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    /// <exception cref="ArgumentException">A channel's audience does not have one share per segment.</exception>
    public double Reach(IEnumerable<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var missed = new double[_sizes.Length];
        Array.Fill(missed, 1.0);
        foreach (Channel c in channels.Distinct())
        {
            CheckSegments(c, nameof(channels));
            double[] r = c.AudienceArray;
            for (int g = 0; g < missed.Length; g++)
            {
                missed[g] *= 1 - r[g];
            }
        }

        double reach = 0;
        for (int g = 0; g < missed.Length; g++)
        {
            reach += _sizes[g] * (1 - missed[g]);
        }

        Guard.AssertFinite(reach);
        return reach;
    }

    internal void CheckSegments(Channel channel, string paramName)
    {
        if (channel.AudienceArray.Length != _sizes.Length)
        {
            throw new ArgumentException(
                $"Channel '{channel.Name}' has {channel.AudienceArray.Length} audience shares but the audience has {_sizes.Length} segments.",
                paramName);
        }
    }
}
