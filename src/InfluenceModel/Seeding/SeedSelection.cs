namespace InfluenceModel.Seeding;

/// <summary>The seeds chosen by <see cref="InfluenceMaximizer.Select"/> and what is known about their spread.</summary>
/// <remarks>Plain data; serializes with System.Text.Json.</remarks>
public sealed record SeedSelection
{
    /// <summary>The seeds as graph node indices, forced seeds first, then in selection order.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>The same seeds as the ids of the input file (<see cref="Networks.SocialGraph.NodeId(int)"/>).</summary>
    public required IReadOnlyList<string> SeedIds { get; init; }

    /// <summary>
    /// Expected number of extra activated nodes each seed adds to the ones before it (nodes; the first is the seed's own
    /// spread). Measured on the RR sets the selection was made on (for heuristics and CELF: on the evaluation sample;
    /// for the Kelman model: differences of the prefixes' Monte-Carlo spreads on the evaluation runs), so their sum
    /// slightly overstates <see cref="Spread"/> for OPIM-C and IMM.
    /// </summary>
    public required IReadOnlyList<double> MarginalGains { get; init; }

    /// <summary>
    /// Expected number of activated nodes, seeds included, estimated on RR sets independent of the selection
    /// (unbiased): mean n·p with p the share of those sets the seeds cover, standard error n·√(p(1 − p)/θ), count θ (the
    /// evaluation sets), and the normal 95% interval. For the Kelman model (no RR sets): the Monte-Carlo mean of
    /// <see cref="SimulationOptions.Simulations"/> runs on a stream family independent of the selection, count = the runs.
    /// </summary>
    public required Estimate Spread { get; init; }

    /// <summary>
    /// The approximation ratio that holds with probability ≥ 1 − δ: for OPIM-C the certified instance ratio
    /// σˡ(S)/σᵘ(OPT) of this run; for IMM 1 − 1/e − ε; with a budget ½(1 − 1/e) − ε; for CELF 1 − 1/e up to
    /// Monte-Carlo error; 0 for heuristics and for CELF on the Kelman model (no guarantee: its spread need not be submodular).
    /// </summary>
    public required double ApproximationGuarantee { get; init; }

    /// <summary>Number of reverse-reachable sets generated (selection, validation and evaluation together); 0 for the Kelman model.</summary>
    public required long RrSetCount { get; init; }

    /// <summary>Total cost of the seeds when the request had costs; otherwise null.</summary>
    public double? TotalCost { get; init; }

    /// <summary>The algorithm that produced the selection.</summary>
    public required SeedingAlgorithm Algorithm { get; init; }

    /// <summary>Wall-clock time of the selection.</summary>
    public required TimeSpan Elapsed { get; init; }
}
