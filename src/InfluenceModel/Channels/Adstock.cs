using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>
/// A carry-over (adstock) transformation: the effective spend in period t is the convolution
/// a_t = Σ_{l=0}^{L−1} w_l·x_{t−l} of past spends with the lag weights <see cref="Weights"/> (PyMC-Marketing's
/// <c>ConvMode.After</c>; spends before the series start count as 0).
/// </summary>
public interface IAdstock
{
    /// <summary>The lag weights w_0 … w_{L−1}, L = l_max.</summary>
    IReadOnlyList<double> Weights { get; }

    /// <summary>Applies the adstock to a spend series.</summary>
    /// <param name="spend">Spend per period, oldest first; every value finite and ≥ 0.</param>
    /// <returns>The adstocked series, same length.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A spend is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="spend"/> is null.</exception>
    double[] Apply(IReadOnlyList<double> spend);
}

/// <summary>The shape of the Weibull adstock kernel, as in PyMC-Marketing's <c>WeibullType</c>.</summary>
public enum WeibullKind
{
    /// <summary>Weights from the survival function: w_0 = 1, w_l = Π_{i=1}^{l} (1 − F(i)).</summary>
    Cdf,

    /// <summary>Weights from the density at t = 1 … L, min–max scaled to [0, 1]; allows a delayed peak.</summary>
    Pdf,
}

/// <summary>Shared convolution for the adstocks.</summary>
public abstract class Adstock : IAdstock
{
    private readonly double[] _weights;

    private protected Adstock(double[] weights) => _weights = weights;

    /// <inheritdoc/>
    public IReadOnlyList<double> Weights => _weights;

    internal ReadOnlySpan<double> WeightSpan => _weights;

    /// <inheritdoc/>
    public double[] Apply(IReadOnlyList<double> spend)
    {
        Guard.AllAmounts(spend, nameof(spend));
        var x = new double[spend.Count];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = spend[i];
        }

        return Convolve(x, _weights);
    }

    internal static double[] Convolve(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        var result = new double[x.Length];
        for (int t = 0; t < x.Length; t++)
        {
            double sum = 0;
            int lags = Math.Min(w.Length, t + 1);
            for (int l = 0; l < lags; l++)
            {
                sum += w[l] * x[t - l];
            }

            result[t] = sum;
        }

        return result;
    }

    private protected static void NormalizeInPlace(double[] w)
    {
        double total = 0;
        foreach (double v in w)
        {
            total += v;
        }

        if (total > 0)
        {
            for (int i = 0; i < w.Length; i++)
            {
                w[i] /= total;
            }
        }
    }
}

/// <summary>
/// Geometric adstock (PyMC-Marketing <c>geometric_adstock</c>; Jin et al. 2017): w_l = α^l for l = 0 … L−1,
/// divided by Σ_l α^l when <see cref="Normalize"/>. Without truncation this is a_t = x_t + α·a_{t−1}.
/// </summary>
public sealed class GeometricAdstock : Adstock
{
    /// <summary>Creates a geometric adstock.</summary>
    /// <param name="alpha">Retention per period α ∈ [0, 1).</param>
    /// <param name="maxLag">Number of weights L = PyMC-Marketing's l_max (lags 0 … L−1), 1 to 1,000; default 12.</param>
    /// <param name="normalize">Divide the weights by their sum (they then sum to 1); default false.</param>
    /// <exception cref="ArgumentOutOfRangeException">α outside [0, 1) or maxLag outside 1 to 1,000.</exception>
    public GeometricAdstock(double alpha, int maxLag = 12, bool normalize = false)
        : base(Weights(alpha, maxLag, normalize))
    {
        Alpha = alpha;
        MaxLag = maxLag;
        Normalize = normalize;
    }

    /// <summary>Retention per period α ∈ [0, 1).</summary>
    public double Alpha { get; }

    /// <summary>Number of lag weights (l_max).</summary>
    public int MaxLag { get; }

    /// <summary>Whether the weights sum to 1.</summary>
    public bool Normalize { get; }

    private static new double[] Weights(double alpha, int maxLag, bool normalize)
    {
        Guard.InRangeExclusiveMax(alpha, 0.0, 1.0, nameof(alpha));
        Guard.InRange(maxLag, 1, 1000, nameof(maxLag));
        var w = new double[maxLag];
        double p = 1;
        for (int l = 0; l < maxLag; l++)
        {
            w[l] = p;
            p *= alpha;
        }

        if (normalize)
        {
            NormalizeInPlace(w);
        }

        return w;
    }
}

/// <summary>
/// Weibull adstock (PyMC-Marketing <c>weibull_adstock</c>) with F(t) = 1 − exp(−(t/scale)^shape):
/// <see cref="WeibullKind.Cdf"/>: w_0 = 1, w_l = Π_{i=1}^{l}(1 − F(i)), l = 1 … L−1;
/// <see cref="WeibullKind.Pdf"/>: v_l = f(l + 1) for l = 0 … L−1 with f the Weibull density, then
/// w = (v − min v)/(max v − min v). Optionally divided by their sum.
/// </summary>
public sealed class WeibullAdstock : Adstock
{
    /// <summary>Creates a Weibull adstock.</summary>
    /// <param name="shape">Weibull shape k &gt; 0 (PyMC-Marketing <c>k</c>).</param>
    /// <param name="scale">Weibull scale λ &gt; 0 in periods (PyMC-Marketing <c>lam</c>).</param>
    /// <param name="maxLag">Number of weights L (l_max), 1 to 1,000; default 12.</param>
    /// <param name="kind">CDF (survival) or PDF kernel; default CDF.</param>
    /// <param name="normalize">Divide the weights by their sum; default false.</param>
    /// <exception cref="ArgumentOutOfRangeException">shape or scale ≤ 0, maxLag outside 1 to 1,000, or kind undefined.</exception>
    public WeibullAdstock(double shape, double scale, int maxLag = 12, WeibullKind kind = WeibullKind.Cdf, bool normalize = false)
        : base(Weights(shape, scale, maxLag, kind, normalize))
    {
        Shape = shape;
        Scale = scale;
        MaxLag = maxLag;
        Kind = kind;
        Normalize = normalize;
    }

    /// <summary>Weibull shape k.</summary>
    public double Shape { get; }

    /// <summary>Weibull scale λ (periods).</summary>
    public double Scale { get; }

    /// <summary>Number of lag weights (l_max).</summary>
    public int MaxLag { get; }

    /// <summary>CDF or PDF kernel.</summary>
    public WeibullKind Kind { get; }

    /// <summary>Whether the weights sum to 1.</summary>
    public bool Normalize { get; }

    private static new double[] Weights(double shape, double scale, int maxLag, WeibullKind kind, bool normalize)
    {
        Guard.InRangeExclusiveMin(shape, 0, NumericLimits.MaxHillSlope, nameof(shape));
        Guard.Scale(scale, nameof(scale));
        Guard.InRange(maxLag, 1, 1000, nameof(maxLag));
        var w = new double[maxLag];
        if (kind == WeibullKind.Cdf)
        {
            double p = 1;
            for (int l = 0; l < maxLag; l++)
            {
                w[l] = p;
                p *= Math.Exp(-Math.Pow((l + 1) / scale, shape));
            }
        }
        else if (kind == WeibullKind.Pdf)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int l = 0; l < maxLag; l++)
            {
                double z = (l + 1) / scale;
                w[l] = shape / scale * Math.Pow(z, shape - 1) * Math.Exp(-Math.Pow(z, shape));
                min = Math.Min(min, w[l]);
                max = Math.Max(max, w[l]);
            }

            for (int l = 0; l < maxLag; l++)
            {
                // A single weight (or a flat kernel) has max = min: PyMC-Marketing would divide 0/0; we keep weight 1.
                w[l] = max > min ? (w[l] - min) / (max - min) : 1.0;
            }
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be {WeibullKind.Cdf} or {WeibullKind.Pdf}; it was {kind}.");
        }

        if (normalize)
        {
            NormalizeInPlace(w);
        }

        return w;
    }
}

/// <summary>
/// Creative/audience fatigue: the engagement multiplier after t periods of continuous presence is
/// m(t) = floor + (1 − floor)·(1 − d)^t, t = 0, 1, …; m(0) = 1 and m(t) → floor.
/// </summary>
/// <param name="DeclinePerPeriod">Relative decline d ∈ [0, 1] of the above-floor engagement per period.</param>
/// <param name="Floor">Long-run multiplier ∈ [0, 1].</param>
public sealed record FatigueModel(double DeclinePerPeriod, double Floor)
{
    /// <summary>No fatigue: the multiplier stays 1.</summary>
    public static FatigueModel None { get; } = new(0, 1);

    /// <summary>Relative decline d ∈ [0, 1] per period.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1].</exception>
    public double DeclinePerPeriod { get; init => field = Guard.Probability(value, nameof(DeclinePerPeriod)); } = Guard.Probability(DeclinePerPeriod, nameof(DeclinePerPeriod));

    /// <summary>Long-run multiplier ∈ [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1].</exception>
    public double Floor { get; init => field = Guard.Probability(value, nameof(Floor)); } = Guard.Probability(Floor, nameof(Floor));

    /// <summary>The multiplier after <paramref name="periodsPresent"/> periods of continuous presence.</summary>
    /// <param name="periodsPresent">Periods already present, ≥ 0 (0 for the first period).</param>
    /// <returns>m(t) ∈ [Floor, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodsPresent"/> is negative.</exception>
    public double Multiplier(int periodsPresent)
    {
        Guard.NonNegative(periodsPresent, nameof(periodsPresent));
        return Floor + ((1 - Floor) * Math.Pow(1 - DeclinePerPeriod, periodsPresent));
    }
}
