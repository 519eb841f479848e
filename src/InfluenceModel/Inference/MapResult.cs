namespace InfluenceModel.Inference;

/// <summary>The posterior mode (maximum a posteriori point) found by <see cref="PosteriorMode.Find"/>.</summary>
public sealed record MapResult
{
    /// <summary>The mode on the unconstrained scale (a copy owned by the caller).</summary>
    public required double[] Point { get; init; }

    /// <summary>The log density at <see cref="Point"/>.</summary>
    public required double LogDensity { get; init; }

    /// <summary>Optimiser iterations used.</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether the optimiser met its convergence criterion (otherwise <see cref="Point"/> is the best point
    /// reached within the iteration limit).</summary>
    public required bool Converged { get; init; }
}
