namespace InfluenceModel.Cli.Commands;

/// <summary>
/// The cluster figures `seeds --cluster` adds to its report (JSON field "cluster", table rows): payload bytes of the
/// reduction calls (coverage starts, greedy rounds, covered-set counts) and the RR sets each silo held. Plain data, so the
/// native build (which has no cluster) still compiles the report types.
/// </summary>
internal sealed record ClusterReport
{
    public required int Partitions { get; init; }

    public required int Collections { get; init; }

    public required int CoverageStarts { get; init; }

    public required long CoverageStartBytes { get; init; }

    public required int GreedyRounds { get; init; }

    public required long GreedyBytes { get; init; }

    public required double BytesPerGreedyRound { get; init; }

    public required long MaxGreedyRoundBytes { get; init; }

    public required long CountCoveredBytes { get; init; }

    public required IReadOnlyList<SiloReport> Silos { get; init; }

    /// <summary>One silo's RR sets at the end of the run.</summary>
    internal sealed record SiloReport(string Silo, int Partitions, long RrSets, long Entries, long RrSetBytes);
}
