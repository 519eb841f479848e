using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// The consumers of a campaign and their synthetic network: a stochastic block model with one block per segment,
/// <see cref="AverageDegree"/> contacts per consumer, a share <see cref="Homophily"/> of them in the own segment, and
/// peer-influence weights w(u,v) = λ/indeg(v) with λ = <see cref="PeerInfluence"/>. Immutable; each property is validated
/// when it is set and the whole by <see cref="CampaignBuilder.Build"/> (segment shares sum to 1, names unique,
/// degree below the consumer count).
/// </summary>
/// <remarks>Defaults are the source article's setting; <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/campaign.md">docs/models/campaign.md</see> gives the source of each number.</remarks>
public sealed record ConsumerPopulation
{
    /// <summary>The largest population: 10,000,000 consumers.</summary>
    public const int MaxConsumers = 10_000_000;

    /// <summary>Number of consumers (graph nodes), 10 to 10,000,000. Default 10,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 10 to 10,000,000.</exception>
    public int Consumers
    {
        get;
        init => field = Guard.InRange(value, 10, MaxConsumers, nameof(Consumers));
    } = 10_000;

    /// <summary>Expected number of contacts per consumer (undirected degree), &gt; 0 and below <see cref="Consumers"/>. Default 12.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not &gt; 0, NaN or infinite.</exception>
    public double AverageDegree
    {
        get;
        init => field = Guard.InRangeExclusiveMin(value, 0, MaxConsumers, nameof(AverageDegree));
    } = 12;

    /// <summary>Expected share of a consumer's contacts inside their own segment, in [0, 1]. Default 0.7.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], NaN or infinite.</exception>
    public double Homophily
    {
        get;
        init => field = Guard.Probability(value, nameof(Homophily));
    } = 0.7;

    /// <summary>
    /// Organic adoption hazard per period, in [0, 1): the chance that a consumer adopts without any campaign (the Bass
    /// external coefficient p). Default 0.0025 per month (Sultan, Farley and Lehmann 1990: mean p = 0.03 per year).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1), NaN or infinite.</exception>
    public double OrganicAdoptionRate
    {
        get;
        init => field = Guard.InRangeExclusiveMax(value, 0, 1, nameof(OrganicAdoptionRate));
    } = 0.0025;

    /// <summary>
    /// Peer influence λ in (0, 1]: the total weight of a consumer's contacts in the threshold rule, w(u,v) = λ/indeg(v)
    /// (λ = 1 is the weighted-cascade convention, which makes linear-threshold cascades near-critical). Default 0.5.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside (0, 1], NaN or infinite.</exception>
    public double PeerInfluence
    {
        get;
        init => field = Guard.InRangeExclusiveMin(value, 0, 1, nameof(PeerInfluence));
    } = 0.5;

    /// <summary>
    /// The segments, at least one, unique names, shares summing to 1 (within 1e-6). Default: the source article's online
    /// buyers — 22% always read reviews before buying, 43% most of the time, the remaining 35% less often (review
    /// reliance 1, 0.75 and 0.25).
    /// </summary>
    /// <exception cref="ArgumentNullException">The list or an element is null.</exception>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public IReadOnlyList<ConsumerSegment> Segments
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Segments));
            if (value.Count == 0)
            {
                throw new ArgumentException("Segments must not be empty.", nameof(Segments));
            }

            foreach (ConsumerSegment segment in value)
            {
                ArgumentNullException.ThrowIfNull(segment, nameof(Segments));
            }

            field = ValueList<ConsumerSegment>.From(value)!;
        }
    } = ValueList<ConsumerSegment>.From(
    [
        new ConsumerSegment { Name = "always read reviews", Share = 0.22, ReviewReliance = 1.0 },
        new ConsumerSegment { Name = "read reviews most of the time", Share = 0.43, ReviewReliance = 0.75 },
        new ConsumerSegment { Name = "read reviews less often", Share = 0.35, ReviewReliance = 0.25 },
    ])!;

    /// <summary>
    /// The rules between properties (each property's own range is checked when it is set): the average degree below the
    /// consumer count, unique segment names, shares summing to 1. Each problem names the property (and the element index).
    /// </summary>
    /// <summary>
    /// The most memory a population's network and simulation state may need: 4 GB (<see cref="EstimatedBytes"/>); a
    /// population above it is refused before anything is allocated, naming <see cref="AverageDegree"/>. At the default
    /// degree 12 that is about 3.9 million consumers; 10,000,000 consumers need an average degree below 2.3.
    /// </summary>
    public const double MaxNetworkBytes = 4e9;

    /// <summary>Bytes per arc of the network: the graph both ways, the influence model's per-arc data and the build.</summary>
    internal const double BytesPerArc = 64;

    /// <summary>Bytes per consumer: the simulation state of a run and the per-consumer data.</summary>
    internal const double BytesPerConsumer = 256;

    /// <summary>
    /// Estimated memory of the network and simulation state: Consumers × (AverageDegree × 64 + 256) bytes (64 bytes per
    /// arc: the graph in both directions, the influence model's per-arc weights and the edge list while building;
    /// 256 bytes per consumer of per-run state). 100,000 consumers of degree 99,999 would need ≈ 640 GB.
    /// </summary>
    public double EstimatedBytes => Consumers * ((AverageDegree * BytesPerArc) + BytesPerConsumer);

    internal IEnumerable<ArgumentException> Inconsistencies()
    {
        if (AverageDegree >= Consumers)
        {
            yield return new ArgumentOutOfRangeException(nameof(AverageDegree), AverageDegree, $"AverageDegree must be > 0 and < Consumers ({Consumers}); it was {AverageDegree}.");
        }
        else if (EstimatedBytes > MaxNetworkBytes)
        {
            yield return new ArgumentOutOfRangeException(
                nameof(AverageDegree),
                AverageDegree,
                $"{Consumers:N0} consumers of average degree {AverageDegree:G6} need ≈ {EstimatedBytes / 1e9:G3} GB (network and simulation state); the limit is {MaxNetworkBytes / 1e9:G3} GB. Lower consumers or averageDegree (at degree {AverageDegree:G3} at most {Math.Floor(MaxNetworkBytes / ((AverageDegree * BytesPerArc) + BytesPerConsumer)):N0} consumers).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        double shares = 0;
        for (int i = 0; i < Segments.Count; i++)
        {
            if (!names.Add(Segments[i].Name))
            {
                yield return new ArgumentException($"Segments[{i}].Name must be unique; '{Segments[i].Name}' appears more than once.", $"{nameof(Segments)}[{i}].{nameof(ConsumerSegment.Name)}");
            }

            shares += Segments[i].Share;
        }

        if (Math.Abs(shares - 1) > 1e-6)
        {
            yield return new ArgumentException($"Segments' shares must add up to 1; they add up to {shares}.", nameof(Segments));
        }
    }
}
