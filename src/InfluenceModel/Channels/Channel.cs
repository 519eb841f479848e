using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>
/// A marketing channel (a social network, a blog programme, search ads …): whom it reaches, what it costs to be
/// present, how the outcome responds to spend, how spend carries over, and how engagement wears out. Immutable.
/// </summary>
public sealed class Channel
{
    private readonly double[] _reach;

    /// <summary>Creates a channel.</summary>
    /// <param name="name">Unique, non-empty name.</param>
    /// <param name="reach">Share r_g ∈ [0, 1] of each audience segment g that the channel reaches when present.</param>
    /// <param name="entryCost">Fixed cost of being present in the channel for the planning period, ≥ 0 (money).</param>
    /// <param name="curve">Response to the spend allocated on top of the entry cost.</param>
    /// <param name="adstock">Carry-over of spend across periods; null for none.</param>
    /// <param name="fatigue">Engagement fatigue; null for <see cref="FatigueModel.None"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">name, reach or curve is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A reach share is outside [0, 1] or the entry cost is negative.</exception>
    public Channel(string name, IReadOnlyList<double> reach, double entryCost, IResponseCurve curve, IAdstock? adstock = null, FatigueModel? fatigue = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(reach);
        ArgumentNullException.ThrowIfNull(curve);
        _reach = new double[reach.Count];
        for (int g = 0; g < _reach.Length; g++)
        {
            _reach[g] = Guard.Probability(reach[g], nameof(reach));
        }

        Name = name;
        EntryCost = Guard.NonNegative(entryCost, nameof(entryCost));
        Curve = curve;
        Adstock = adstock;
        Fatigue = fatigue ?? FatigueModel.None;
    }

    /// <summary>The channel's name.</summary>
    public string Name { get; }

    /// <summary>Share of each audience segment reached when the channel is used (one value per segment).</summary>
    public IReadOnlyList<double> Reach => _reach;

    internal double[] ReachArray => _reach;

    /// <summary>Fixed cost of entering the channel for the planning period (money), paid before any spend.</summary>
    public double EntryCost { get; }

    /// <summary>Response to the spend on top of the entry cost (one planning period, steady state).</summary>
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
        Guard.AllNonNegative(spendByPeriod, nameof(spendByPeriod));
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
    public override string ToString() => $"{Name} (entry {EntryCost:G6}, {Curve})";
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
        Guard.AllNonNegative(segmentSizes, nameof(segmentSizes));
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
    /// <exception cref="ArgumentException">A channel's reach list does not have one value per segment.</exception>
    public double Reach(IEnumerable<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var missed = new double[_sizes.Length];
        Array.Fill(missed, 1.0);
        foreach (Channel c in channels.Distinct())
        {
            CheckSegments(c, nameof(channels));
            double[] r = c.ReachArray;
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

        return reach;
    }

    internal void CheckSegments(Channel channel, string paramName)
    {
        if (channel.ReachArray.Length != _sizes.Length)
        {
            throw new ArgumentException(
                $"Channel '{channel.Name}' has {channel.ReachArray.Length} reach values but the audience has {_sizes.Length} segments.",
                paramName);
        }
    }
}
