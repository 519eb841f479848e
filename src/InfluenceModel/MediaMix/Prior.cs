using System.Globalization;
using InfluenceModel.Internal;

namespace InfluenceModel.MediaMix;

/// <summary>The family of a <see cref="Prior"/>.</summary>
public enum PriorFamily
{
    /// <summary>Normal(μ = First, σ = Second) on the real line.</summary>
    Normal,

    /// <summary>Laplace(μ = First, b = Second) on the real line (density ∝ e^{−|x−μ|/b}).</summary>
    Laplace,

    /// <summary>Half-normal(σ = First) on (0, ∞).</summary>
    HalfNormal,

    /// <summary>Gamma(shape = First, rate = Second) on (0, ∞); mean shape/rate.</summary>
    Gamma,

    /// <summary>Log-normal(μ = First, σ = Second) on (0, ∞): log x ~ Normal(μ, σ).</summary>
    LogNormal,

    /// <summary>Beta(a = First, b = Second) on (0, 1).</summary>
    Beta,
}

/// <summary>
/// A prior distribution of one media-mix parameter, on the model's scaled units (see <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/media-mix.md">docs/models/media-mix.md</see>). Built
/// by the static factories, which validate the parameters; immutable. Its support must match the parameter's:
/// real (Normal, Laplace), positive (HalfNormal, Gamma, LogNormal) or unit interval (Beta).
/// </summary>
public sealed record Prior
{
    private Prior(PriorFamily family, double first, double second)
    {
        Family = family;
        First = first;
        Second = second;
    }

    /// <summary>The family.</summary>
    public PriorFamily Family { get; }

    /// <summary>The first parameter (μ for Normal/Laplace/LogNormal, σ for HalfNormal, shape for Gamma, a for Beta).</summary>
    public double First { get; }

    /// <summary>The second parameter (σ for Normal/LogNormal, b for Laplace/Beta, rate for Gamma; 0 for HalfNormal).</summary>
    public double Second { get; }

    /// <summary>The support of the family.</summary>
    internal ParameterSupport Support => Family switch
    {
        PriorFamily.Normal or PriorFamily.Laplace => ParameterSupport.Real,
        PriorFamily.Beta => ParameterSupport.Unit,
        _ => ParameterSupport.Positive,
    };

    /// <summary>Normal(μ, σ).</summary>
    /// <param name="mean">μ, finite.</param>
    /// <param name="standardDeviation">σ &gt; 0.</param>
    /// <returns>The prior.</returns>
    /// <exception cref="ArgumentOutOfRangeException">μ not finite or σ ≤ 0.</exception>
    public static Prior Normal(double mean, double standardDeviation) =>
        new(PriorFamily.Normal, Guard.Finite(mean, nameof(mean)), Guard.Positive(standardDeviation, nameof(standardDeviation)));

    /// <summary>Laplace(μ, b).</summary>
    /// <param name="location">μ, finite.</param>
    /// <param name="scale">b &gt; 0.</param>
    /// <returns>The prior.</returns>
    /// <exception cref="ArgumentOutOfRangeException">μ not finite or b ≤ 0.</exception>
    public static Prior Laplace(double location, double scale) =>
        new(PriorFamily.Laplace, Guard.Finite(location, nameof(location)), Guard.Positive(scale, nameof(scale)));

    /// <summary>Half-normal(σ) on (0, ∞).</summary>
    /// <param name="scale">σ &gt; 0.</param>
    /// <returns>The prior.</returns>
    /// <exception cref="ArgumentOutOfRangeException">σ ≤ 0.</exception>
    public static Prior HalfNormal(double scale) => new(PriorFamily.HalfNormal, Guard.Positive(scale, nameof(scale)), 0);

    /// <summary>Gamma(shape, rate) on (0, ∞).</summary>
    /// <param name="shape">Shape &gt; 0.</param>
    /// <param name="rate">Rate &gt; 0 (mean = shape/rate).</param>
    /// <returns>The prior.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter ≤ 0.</exception>
    public static Prior Gamma(double shape, double rate) =>
        new(PriorFamily.Gamma, Guard.Positive(shape, nameof(shape)), Guard.Positive(rate, nameof(rate)));

    /// <summary>Log-normal(μ, σ) on (0, ∞).</summary>
    /// <param name="logMean">μ of log x, finite.</param>
    /// <param name="logStandardDeviation">σ of log x, &gt; 0.</param>
    /// <returns>The prior.</returns>
    /// <exception cref="ArgumentOutOfRangeException">μ not finite or σ ≤ 0.</exception>
    public static Prior LogNormal(double logMean, double logStandardDeviation) =>
        new(PriorFamily.LogNormal, Guard.Finite(logMean, nameof(logMean)), Guard.Positive(logStandardDeviation, nameof(logStandardDeviation)));

    /// <summary>Beta(a, b) on (0, 1).</summary>
    /// <param name="a">a &gt; 0.</param>
    /// <param name="b">b &gt; 0.</param>
    /// <returns>The prior.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter ≤ 0.</exception>
    public static Prior Beta(double a, double b) => new(PriorFamily.Beta, Guard.Positive(a, nameof(a)), Guard.Positive(b, nameof(b)));

    /// <summary>Log density up to a constant at <paramref name="x"/> (inside the support) and its derivative.</summary>
    internal double LogDensity(double x, out double derivative)
    {
        switch (Family)
        {
            case PriorFamily.Normal:
                {
                    double z = (x - First) / Second;
                    derivative = -z / Second;
                    return -0.5 * z * z;
                }

            case PriorFamily.Laplace:
                {
                    double d = x - First;
                    derivative = -Math.Sign(d) / Second;
                    return -Math.Abs(d) / Second;
                }

            case PriorFamily.HalfNormal:
                {
                    double z = x / First;
                    derivative = -z / First;
                    return -0.5 * z * z;
                }

            case PriorFamily.Gamma:
                derivative = ((First - 1) / x) - Second;
                return ((First - 1) * Math.Log(x)) - (Second * x);
            case PriorFamily.LogNormal:
                {
                    double z = (Math.Log(x) - First) / Second;
                    derivative = (-1 - (z / Second)) / x;
                    return -Math.Log(x) - (0.5 * z * z);
                }

            default:
                derivative = ((First - 1) / x) - ((Second - 1) / (1 - x));
                return ((First - 1) * Math.Log(x)) + ((Second - 1) * Math.Log(1 - x));
        }
    }

    /// <summary>A draw from the prior (for simulation-based calibration and synthetic data).</summary>
    internal double Sample(Random random) => Family switch
    {
        PriorFamily.Normal => MathNet.Numerics.Distributions.Normal.Sample(random, First, Second),
        PriorFamily.Laplace => MathNet.Numerics.Distributions.Laplace.Sample(random, First, Second),
        PriorFamily.HalfNormal => Math.Abs(MathNet.Numerics.Distributions.Normal.Sample(random, 0, First)),
        PriorFamily.Gamma => MathNet.Numerics.Distributions.Gamma.Sample(random, First, Second),
        PriorFamily.LogNormal => MathNet.Numerics.Distributions.LogNormal.Sample(random, First, Second),
        _ => MathNet.Numerics.Distributions.Beta.Sample(random, First, Second),
    };

    /// <inheritdoc/>
    public override string ToString() => Family == PriorFamily.HalfNormal
        ? string.Create(CultureInfo.InvariantCulture, $"HalfNormal({First:G6})")
        : string.Create(CultureInfo.InvariantCulture, $"{Family}({First:G6}, {Second:G6})");
}

/// <summary>Where a parameter lives (and so which transform maps it to the real line).</summary>
internal enum ParameterSupport
{
    Real,
    Positive,
    Unit,
}
