namespace InfluenceModel.Inference;

/// <summary>Checks an <see cref="ILogDensity"/>'s analytic gradient against central finite differences.</summary>
public static class GradientCheck
{
    /// <summary>
    /// The largest error max_i |g_i − ĝ_i| / max(1, |g_i|, |ĝ_i|) between the analytic gradient g and the central
    /// difference ĝ_i = (log p(x + h·e_i) − log p(x − h·e_i))/(2h) with h = 10⁻⁶·max(1, |x_i|). A correct gradient of
    /// a smooth density gives about 10⁻⁸ or less; above 10⁻⁴ the gradient is almost surely wrong.
    /// </summary>
    /// <param name="density">The density to check.</param>
    /// <param name="point">The point, of length <see cref="ILogDensity.Dimension"/>, finite, inside the support.</param>
    /// <returns>The largest relative (absolute below 1) error, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="density"/> or <paramref name="point"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="point"/> has the wrong length, or the log density or
    /// gradient is not finite at or next to it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate of <paramref name="point"/> is not finite.</exception>
    public static double MaxRelativeError(ILogDensity density, IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(point);
        int n = density.Dimension;
        if (point.Count != n)
        {
            throw new ArgumentException($"point has {point.Count} values but the density has dimension {n}.", nameof(point));
        }

        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Internal.Guard.Finite(point[i], nameof(point));
        }

        var analytic = new double[n];
        var scratch = new double[n];
        double value = density.Evaluate(x, analytic);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"The log density is not finite at the point ({value}).", nameof(point));
        }

        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(analytic[i]))
            {
                throw new ArgumentException($"The gradient is not finite at the point (component {i}: {analytic[i]}).", nameof(point));
            }

            double xi = x[i], h = 1e-6 * Math.Max(1, Math.Abs(xi));
            x[i] = xi + h;
            double up = density.Evaluate(x, scratch);
            x[i] = xi - h;
            double down = density.Evaluate(x, scratch);
            x[i] = xi;
            if (!double.IsFinite(up) || !double.IsFinite(down))
            {
                throw new ArgumentException($"The log density is not finite within {h} of the point along component {i}.", nameof(point));
            }

            double numeric = (up - down) / (2 * h);
            double error = Math.Abs(analytic[i] - numeric) / Math.Max(1, Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric)));
            worst = Math.Max(worst, error);
        }

        return worst;
    }
}
