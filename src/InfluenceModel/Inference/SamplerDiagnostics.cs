namespace InfluenceModel.Inference;

/// <summary>Sampler-level diagnostics of a NUTS run (post-warm-up unless said otherwise).</summary>
/// <remarks>
/// Divergences mean the step size is too large for some region of the posterior and the draws may be biased there:
/// reparameterise or raise <see cref="NutsOptions.TargetAcceptance"/>. E-BFMI below 0.3 means the momentum
/// resampling explores the energy distribution poorly (Betancourt 2017).
/// </remarks>
public sealed record SamplerDiagnostics
{
    /// <summary>Post-warm-up transitions whose energy error exceeded 1,000 (or met a non-finite density), over all chains.</summary>
    public required int Divergences { get; init; }

    /// <summary>Post-warm-up transitions that stopped at <see cref="NutsOptions.MaxTreeDepth"/>, over all chains.</summary>
    public required int MaxTreeDepthHits { get; init; }

    /// <summary>Energy Bayesian fraction of missing information per chain, Σ(E_t − E_{t−1})² / Σ(E_t − Ē)²; ≥ 0.</summary>
    public required IReadOnlyList<double> Ebfmi { get; init; }

    /// <summary>The step size of each chain after adaptation.</summary>
    public required IReadOnlyList<double> StepSize { get; init; }

    /// <summary>Mean acceptance statistic over post-warm-up transitions and chains, in [0, 1]; near
    /// <see cref="NutsOptions.TargetAcceptance"/> when adaptation succeeded.</summary>
    public required double MeanAcceptance { get; init; }

    /// <summary>Log-density-and-gradient evaluations over all chains, warm-up and initialisation included.</summary>
    public required int GradientEvaluations { get; init; }
}
