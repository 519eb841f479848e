using InfluenceModel.Inference;
using InfluenceModel.Internal;

namespace InfluenceModel.MediaMix;

/// <summary>How to fit a <see cref="MediaMixModel"/>. Immutable.</summary>
public sealed record MediaMixFitOptions
{
    /// <summary>NUTS with the sampler's defaults (4 chains × 1,000 warm-up + 1,000 draws, seed 0).</summary>
    public static MediaMixFitOptions Default { get; } = new();

    /// <summary>NUTS (default) or MAP.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Undefined value.</exception>
    public FitMethod Method { get; init => field = Guard.Defined(value, nameof(Method)); } = FitMethod.Nuts;

    /// <summary>
    /// The sampler's options for <see cref="FitMethod.Nuts"/> (chains, warm-up, draws, seed, parallelism …); null
    /// (default) for <see cref="NutsOptions.Default"/>. Its ParameterNames are replaced by the model's.
    /// </summary>
    public NutsOptions? Nuts { get; init; }

    /// <summary>
    /// Draws used for the allocation curves (<see cref="MediaMixFit.Allocate"/>) and the predictive check, evenly
    /// thinned from the posterior, 1 to 10,000; default 200.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 10,000.</exception>
    public int CurveDraws { get; init => field = Guard.InRange(value, 1, 10_000, nameof(CurveDraws)); } = 200;
}
