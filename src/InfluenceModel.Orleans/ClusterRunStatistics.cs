namespace InfluenceModel.Orleans;

/// <summary>
/// What one distributed seeding run exchanged and held: the payload bytes of the reduction calls (coverage starts and
/// greedy rounds) and the RR-set memory each silo reported. Payload bytes count the data of the arguments and results
/// (4 bytes per int; Orleans adds a small per-message header and varint-compresses integers, so the wire bytes differ by
/// a few per cent); they do not depend on where the silos run. Plain data; see
/// <see cref="ClusterInfluenceMaximizer.LastStatistics"/>.
/// </summary>
public sealed record ClusterRunStatistics
{
    /// <summary>Partitions per RR-set collection.</summary>
    public required int Partitions { get; init; }

    /// <summary>RR-set collections created (OPIM-C: two per doubling family; IMM: the estimation and final sets; evaluation).</summary>
    public required int Collections { get; init; }

    /// <summary>
    /// Coverage starts of collections with several partitions: each sends one request (4 bytes) to every partition and
    /// gets back the partition's coverage count per node (4 bytes × nodes), so <see cref="CoverageStartBytes"/> =
    /// starts × partitions × (4 + 4 × nodes). A collection with one partition has none: its greedy runs whole on its
    /// silo (<see cref="SiloGreedyRuns"/>).
    /// </summary>
    public required int CoverageStarts { get; init; }

    /// <summary>Payload bytes of all coverage starts (requests and responses).</summary>
    public required long CoverageStartBytes { get; init; }

    /// <summary>
    /// Greedy rounds: client–partition exchanges of the greedy. With several partitions a round is one pick: it sends
    /// the pick (4 bytes) to every partition and gets back the partition's gain (4 bytes) and the nodes whose coverage
    /// fell with their decrements (8 bytes per node). With one partition the whole greedy is one round
    /// (<see cref="SiloGreedyRuns"/>): the greedy's task goes to the partition (1 byte per candidate flag when the request
    /// restricts the candidates, 4 per forced seed, 8 per node cost when budgeted, 14 more) and the picks come back (4 bytes
    /// per seed and per gain, 16 more). Before issue 15's one-silo work every pick was a round whatever the partitions.
    /// </summary>
    public required int GreedyRounds { get; init; }

    /// <summary>
    /// Greedy runs made whole on the silo of a one-partition collection, one call each (each is one of the
    /// <see cref="GreedyRounds"/>); 0 when every collection has several partitions.
    /// </summary>
    public int SiloGreedyRuns { get; init; }

    /// <summary>Payload bytes of all greedy rounds (requests and responses).</summary>
    public required long GreedyBytes { get; init; }

    /// <summary>The largest payload of one greedy round (requests and responses over all partitions).</summary>
    public required long MaxGreedyRoundBytes { get; init; }

    /// <summary>Mean payload bytes per greedy round; 0 when there was none.</summary>
    public double BytesPerGreedyRound => GreedyRounds == 0 ? 0 : (double)GreedyBytes / GreedyRounds;

    /// <summary>Payload bytes of the covered-set counts (requests: 4 bytes per seed node; responses: 8 bytes).</summary>
    public required long CountCoveredBytes { get; init; }

    /// <summary>Wall time the client waited for the partitions' sampling (growth) calls, in seconds.</summary>
    public required double SamplingSeconds { get; init; }

    /// <summary>Wall time the client spent in coverage starts (the partitions' index builds and the count transfer), in seconds.</summary>
    public required double CoverageStartSeconds { get; init; }

    /// <summary>
    /// Wall time the client spent in greedy rounds (one call to every partition and the reduction), in seconds; divided by
    /// <see cref="GreedyRounds"/> it is the round latency of the cluster's network and silos when there are several
    /// partitions (with one, a round is a whole greedy on the silo, index build included).
    /// </summary>
    public required double GreedySeconds { get; init; }

    /// <summary>The RR sets each silo held at the end of the run (all collections of the run are alive until then), by silo address.</summary>
    public required IReadOnlyList<SiloRrSets> Silos { get; init; }
}

/// <summary>The RR sets one silo held for a run.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="Partitions">Partitions (of all the run's collections) on the silo.</param>
/// <param name="Sets">RR sets held.</param>
/// <param name="Entries">Node entries over those sets.</param>
/// <param name="Bytes">
/// Bytes of the RR-set collections (flat node and offset arrays, allocated capacity, 4 bytes per slot); the inverted
/// index of a coverage start adds 4 × (entries + nodes + 1) while it is alive.
/// </param>
public sealed record SiloRrSets(string Silo, int Partitions, long Sets, long Entries, long Bytes);

/// <summary>What a partition held when it was closed (the wire form behind <see cref="SiloRrSets"/>).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record PartitionFootprint(
    [property: Id(0)] string Silo,
    [property: Id(1)] long Sets,
    [property: Id(2)] long Entries,
    [property: Id(3)] long Bytes);
