using InfluenceModel.Internal;

namespace InfluenceModel;

/// <summary>
/// A Monte-Carlo estimate: the sample mean of <see cref="Count"/> independent runs, its standard error and the normal
/// 95% confidence interval. Every Monte-Carlo figure of the library is reported as one of these.
/// </summary>
/// <remarks>
/// The standard error is s/√n with s the sample standard deviation (n − 1 in the denominator); it is 0 for one run.
/// The interval is mean ± 1.959964·standard error. Immutable; serializes with System.Text.Json (the interval as
/// <c>interval95</c>).
/// </remarks>
/// <param name="Mean">The sample mean, in the unit of the estimated quantity. Finite.</param>
/// <param name="StandardError">The standard error of the mean, in the same unit. Finite and ≥ 0.</param>
/// <param name="Count">The number of runs averaged; ≥ 1.</param>
public readonly record struct Estimate(double Mean, double StandardError, long Count)
{
    /// <summary>The sample mean. Finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public double Mean { get; init; } = Guard.Finite(Mean, nameof(Mean));

    /// <summary>The standard error of the mean. Finite and ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double StandardError { get; init; } = Guard.NonNegative(StandardError, nameof(StandardError));

    /// <summary>The number of runs averaged; ≥ 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public long Count { get; init; } = Count >= 1
        ? Count
        : throw new ArgumentOutOfRangeException(nameof(Count), Count, $"Count must be ≥ 1; it was {Count}.");

    /// <summary>The normal-approximation 95% confidence interval, <see cref="Mean"/> ± 1.96·<see cref="StandardError"/>.</summary>
    public ConfidenceInterval Interval95 => ConfidenceInterval.Normal95(Mean, StandardError);

    /// <summary>The estimate of the mean of <paramref name="values"/> (two-pass, so large means do not cancel the variance).</summary>
    /// <param name="values">One value per independent run; at least one, all finite.</param>
    /// <returns>The mean with its standard error.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite, or the mean or spread overflows.</exception>
    public static Estimate FromSample(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("At least one value is needed for an estimate.", nameof(values));
        }

        double mean = 0;
        for (int i = 0; i < values.Length; i++)
        {
            // Running mean: no overflow of the plain sum when values are near double.MaxValue.
            mean += (Guard.Finite(values[i], nameof(values)) - mean) / (i + 1);
        }

        double squares = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double d = values[i] - mean;
            squares += d * d;
        }

        int n = values.Length;
        double standardError = n > 1 ? Math.Sqrt(squares / (n - 1) / n) : 0;
        return new Estimate(mean, standardError, n);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Mean:G6} ± {StandardError:G3} (n = {Count})";
}
