namespace InfluenceModel;

/// <summary>A two-sided confidence interval [<see cref="Lower"/>, <see cref="Upper"/>] in the unit of its estimate.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound; never below <paramref name="Lower"/>.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>z-value of the two-sided 95% normal interval, Φ⁻¹(0.975).</summary>
    internal const double Z95 = 1.959963984540054;

    /// <summary>The normal-approximation 95% interval mean ± 1.96·standard error.</summary>
    internal static ConfidenceInterval Normal95(double mean, double standardError) =>
        new(mean - (Z95 * standardError), mean + (Z95 * standardError));

    /// <summary>Whether <paramref name="value"/> lies inside the interval, bounds included.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when Lower ≤ value ≤ Upper.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
