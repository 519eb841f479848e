namespace InfluenceModel.Inference;

/// <summary>
/// The posterior summary of one parameter over all chains: mean, standard deviation, 94 % highest-density interval
/// and the convergence diagnostics of Vehtari et al. (2021) (see <see cref="PosteriorDiagnostics"/>).
/// </summary>
/// <remarks>Rules of thumb (Vehtari et al. 2021): R-hat below 1.01 and bulk- and tail-ESS above 100 per chain.</remarks>
public sealed record ParameterSummary
{
    /// <summary>The parameter's name.</summary>
    public required string Name { get; init; }

    /// <summary>The posterior mean.</summary>
    public required double Mean { get; init; }

    /// <summary>The posterior standard deviation (n − 1 denominator).</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>Lower end of the shortest interval holding 94 % of the draws.</summary>
    public required double Hdi94Low { get; init; }

    /// <summary>Upper end of the shortest interval holding 94 % of the draws.</summary>
    public required double Hdi94High { get; init; }

    /// <summary>Rank-normalised split R-hat, the larger of bulk and folded; ≥ about 1 (+∞ for chains stuck at different values).</summary>
    public required double Rhat { get; init; }

    /// <summary>Bulk effective sample size (ESS of the rank-normalised split chains).</summary>
    public required double EssBulk { get; init; }

    /// <summary>Tail effective sample size (the smaller ESS of the 5 % and 95 % quantile indicators).</summary>
    public required double EssTail { get; init; }

    /// <summary>Monte-Carlo standard error of <see cref="Mean"/>: sd/√ESS_mean.</summary>
    public required double McseMean { get; init; }
}
