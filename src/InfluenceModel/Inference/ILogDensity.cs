namespace InfluenceModel.Inference;

/// <summary>
/// A differentiable log density on ℝ^<see cref="Dimension"/> (the unconstrained scale), known up to an additive
/// constant: the target of <see cref="NutsSampler"/> and <see cref="PosteriorMode"/>.
/// </summary>
/// <remarks>
/// Constrained parameters are sampled on an unconstrained scale with the log-Jacobian of the transform added (e.g.
/// τ = e^u contributes + u). An implementation is called from one thread per chain at a time; instances shared across
/// chains must therefore be thread-safe (pure functions of <c>x</c> are).
/// </remarks>
public interface ILogDensity
{
    /// <summary>The number of unconstrained parameters; ≥ 1.</summary>
    int Dimension { get; }

    /// <summary>Evaluates the log density and its gradient at <paramref name="x"/>.</summary>
    /// <param name="x">The point, of length <see cref="Dimension"/>.</param>
    /// <param name="gradient">Receives ∂ log p/∂x; length <see cref="Dimension"/>; every element must be written.</param>
    /// <returns>log p(x) up to a constant. −∞ (or NaN) marks a point outside the support; the samplers then reject it.</returns>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}
