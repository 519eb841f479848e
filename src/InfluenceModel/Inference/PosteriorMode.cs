using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace InfluenceModel.Inference;

/// <summary>
/// The posterior mode (MAP point) of an <see cref="ILogDensity"/> on its unconstrained scale, by L-BFGS
/// (MathNet.Numerics <see cref="LimitedMemoryBfgsMinimizer"/>) on −log p. Note that the mode on the unconstrained
/// scale includes the log-Jacobian of the transforms, so it differs from the mode of the constrained parameters.
/// </summary>
public static class PosteriorMode
{
    /// <summary>Maximises log p from <paramref name="initialPoint"/> (default: the origin).</summary>
    /// <param name="density">The log density and its gradient.</param>
    /// <param name="initialPoint">The starting point, of length <see cref="ILogDensity.Dimension"/>, finite; null for 0.</param>
    /// <param name="cancellationToken">Cancels the search (checked at every evaluation).</param>
    /// <returns>The mode, log p there, the iterations and whether L-BFGS converged (gradient norm below 1e-8 or no
    /// further progress); when it did not, the best point found within 1,000 iterations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="density"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dimension is below 1, or an initial value is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="initialPoint"/> has the wrong length or log p is not finite there.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static MapResult Find(ILogDensity density, IReadOnlyList<double>? initialPoint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(density);
        int n = density.Dimension;
        Internal.Guard.Positive(n, "density.Dimension");
        var start = new double[n];
        if (initialPoint is not null)
        {
            if (initialPoint.Count != n)
            {
                throw new ArgumentException($"initialPoint has {initialPoint.Count} values but the density has dimension {n}.", nameof(initialPoint));
            }

            for (int i = 0; i < n; i++)
            {
                start[i] = Internal.Guard.Finite(initialPoint[i], nameof(initialPoint));
            }
        }

        var gradient = new double[n];
        double startValue = density.Evaluate(start, gradient);
        if (!double.IsFinite(startValue))
        {
            throw new ArgumentException($"The log density is not finite at the initial point ({startValue}).", nameof(initialPoint));
        }

        var best = (double[])start.Clone();
        double bestValue = startValue;
        int evaluations = 0;
        (double, Vector<double>) Objective(Vector<double> x)
        {
            cancellationToken.ThrowIfCancellationRequested();
            evaluations++;
            double[] point = x.AsArray() ?? x.ToArray();
            var g = new double[n];
            double value = density.Evaluate(point, g);
            if (!double.IsFinite(value))
            {
                // Outside the support: an infinite wall the line search backs away from.
                return (double.MaxValue, Vector<double>.Build.Dense(n));
            }

            if (value > bestValue)
            {
                bestValue = value;
                point.CopyTo(best, 0);
            }

            for (int i = 0; i < n; i++)
            {
                g[i] = -g[i];
            }

            return (-value, Vector<double>.Build.Dense(g));
        }

        var minimizer = new LimitedMemoryBfgsMinimizer(1e-8, 1e-12, 1e-14, 10, 1000);
        try
        {
            MinimizationResult result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Objective), Vector<double>.Build.Dense(start));
            double[] point = result.MinimizingPoint.ToArray();
            double value = density.Evaluate(point, gradient);
            bool better = double.IsFinite(value) && value >= bestValue;
            return new MapResult
            {
                Point = better ? point : best,
                LogDensity = better ? value : bestValue,
                Iterations = result.Iterations,
                Converged = result.ReasonForExit is ExitCondition.AbsoluteGradient or ExitCondition.RelativeGradient
                    or ExitCondition.StrongWolfeCriteria or ExitCondition.WeakWolfeCriteria or ExitCondition.RelativePoints
                    or ExitCondition.LackOfProgress,
            };
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or NonConvergenceException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new MapResult { Point = best, LogDensity = bestValue, Iterations = evaluations, Converged = false };
        }
    }
}
