using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>
/// A saturating response curve: expected outcome (conversions, revenue, engaged users …) as a function of the spend
/// (or adstocked spend) x ≥ 0 in one planning period.
/// </summary>
/// <remarks>
/// The allocators rely on this contract: <see cref="Value"/> is continuous and nondecreasing with Value(0) = 0, convex on
/// [0, <see cref="InflectionPoint"/>] and concave on [<see cref="InflectionPoint"/>, ∞). A concave curve has
/// InflectionPoint 0; an S-shaped curve (Hill with slope &gt; 1) has a positive one. Implementations are immutable and
/// thread-safe.
/// </remarks>
public interface IResponseCurve
{
    /// <summary>Spend below which the curve is convex (0 for a concave curve), in spend units.</summary>
    double InflectionPoint { get; }

    /// <summary>The response at spend <paramref name="x"/>.</summary>
    /// <param name="x">Spend, ≥ 0.</param>
    /// <returns>The response, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is negative, NaN or infinite.</exception>
    double Value(double x);

    /// <summary>
    /// The marginal response dValue/dx at spend <paramref name="x"/>: finite within <see cref="NumericLimits"/>, except
    /// for a Hill curve with slope &lt; 1, whose marginal response is +∞ at 0 and may be +∞ at a spend so small that
    /// the true value exceeds the double range (never NaN).
    /// </summary>
    /// <param name="x">Spend, ≥ 0.</param>
    /// <returns>The derivative, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is negative, NaN or infinite.</exception>
    double Derivative(double x);
}

/// <summary>
/// Base of the library's curves: adds the inverse of the marginal response on the concave region, which the
/// allocator needs (closed form where one exists, a bracketed root finder otherwise).
/// </summary>
public abstract class ResponseCurve : IResponseCurve
{
    private protected ResponseCurve()
    {
    }

    /// <inheritdoc/>
    public virtual double InflectionPoint => 0.0;

    /// <inheritdoc/>
    public double Value(double x)
    {
        double value = ValueCore(Guard.NonNegative(x, nameof(x)));
        Guard.AssertFinite(value);
        return value;
    }

    /// <inheritdoc/>
    public double Derivative(double x) => DerivativeCore(Guard.NonNegative(x, nameof(x)));

    internal abstract double ValueCore(double x);

    internal abstract double DerivativeCore(double x);

    /// <summary>
    /// The largest x in [lo, hi] with f'(x) ≥ <paramref name="marginal"/>, where f' is nonincreasing on [lo, hi]
    /// (lo ≥ InflectionPoint); lo when f'(lo) &lt; marginal.
    /// </summary>
    internal virtual double InverseDerivative(double marginal, double lo, double hi) =>
        CurveMath.InverseDecreasing(this, marginal, lo, hi);
}

/// <summary>
/// Hill saturation f(x) = β·x^s / (x^s + κ^s) (PyMC-Marketing <c>hill_function</c>, Meridian, Robyn): β the
/// response ceiling, κ the half-saturation spend (f(κ) = β/2), s the slope. Concave for s ≤ 1, S-shaped for s &gt; 1
/// with inflection at κ·((s−1)/(s+1))^{1/s}.
/// </summary>
public sealed class HillCurve : ResponseCurve
{
    /// <summary>Creates a Hill curve.</summary>
    /// <param name="beta">Ceiling β in [<see cref="NumericLimits.MinScale"/>, <see cref="NumericLimits.MaxAmount"/>] (response units).</param>
    /// <param name="kappa">Half-saturation spend κ in [<see cref="NumericLimits.MinScale"/>, <see cref="NumericLimits.MaxAmount"/>] (spend units).</param>
    /// <param name="slope">Shape s in (0, <see cref="NumericLimits.MaxHillSlope"/>] (dimensionless); s &gt; 1 gives an S-shape.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range, NaN or infinite.</exception>
    public HillCurve(double beta, double kappa, double slope)
    {
        Beta = Guard.Scale(beta, nameof(beta));
        Kappa = Guard.Scale(kappa, nameof(kappa));
        Slope = Guard.InRangeExclusiveMin(slope, 0, NumericLimits.MaxHillSlope, nameof(slope));
        InflectionPoint = slope > 1 ? kappa * Math.Pow((slope - 1) / (slope + 1), 1 / slope) : 0.0;
    }

    /// <summary>Ceiling β (response units).</summary>
    public double Beta { get; }

    /// <summary>Half-saturation spend κ (spend units).</summary>
    public double Kappa { get; }

    /// <summary>Slope s (dimensionless).</summary>
    public double Slope { get; }

    /// <inheritdoc/>
    public override double InflectionPoint { get; }

    internal override double ValueCore(double x)
    {
        if (x == 0)
        {
            return 0;
        }

        // β / (1 + (κ/x)^s): stable for large x.
        return Beta / (1 + Math.Pow(Kappa / x, Slope));
    }

    internal override double DerivativeCore(double x)
    {
        if (x == 0)
        {
            return Slope < 1 ? double.PositiveInfinity : Slope == 1 ? Beta / Kappa : 0;
        }

        // β·s·r/(x(1 + r)²) = β·s / (x·(r + 2 + 1/r)) with r = (x/κ)^s: no ∞/∞ when r overflows (→ 0) and no
        // overflow of r·β; r + 2 + 1/r ≥ 4, so the result is at most β·s/(4x).
        double r = Math.Pow(x / Kappa, Slope);
        double d = x * (r + 2 + (1 / r));
        return double.IsPositiveInfinity(d) ? 0 : Beta * Slope / d;
    }

    internal override double InverseDerivative(double marginal, double lo, double hi)
    {
        if (Slope == 1)
        {
            // f'(x) = βκ/(x+κ)² ⇒ x = √(βκ/m) − κ.
            return Math.Clamp(Math.Sqrt(Beta * Kappa / marginal) - Kappa, lo, hi);
        }

        return base.InverseDerivative(marginal, lo, hi);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Hill(β={Beta:G6}, κ={Kappa:G6}, s={Slope:G6})";
}

/// <summary>
/// Logistic saturation f(x) = β(1 − e^{−λx}) / (1 + e^{−λx}) = β·tanh(λx/2) (PyMC-Marketing
/// <c>logistic_saturation</c> scaled by β). Concave; f'(0) = βλ/2.
/// </summary>
public sealed class LogisticCurve : ResponseCurve
{
    /// <summary>Creates a logistic curve.</summary>
    /// <param name="beta">Ceiling β in [<see cref="NumericLimits.MinScale"/>, <see cref="NumericLimits.MaxAmount"/>] (response units).</param>
    /// <param name="lambda">Saturation rate λ in [1/<see cref="NumericLimits.MaxAmount"/>, 1/<see cref="NumericLimits.MinScale"/>] (per spend unit: 1/λ is a spend scale).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range, NaN or infinite.</exception>
    public LogisticCurve(double beta, double lambda)
    {
        Beta = Guard.Scale(beta, nameof(beta));
        Lambda = Guard.InRange(lambda, MinLambda, MaxLambda, nameof(lambda));
    }

    /// <summary>Ceiling β (response units).</summary>
    public double Beta { get; }

    /// <summary>The smallest rate λ: 1e-15 = 1/<see cref="NumericLimits.MaxAmount"/> (1/λ is a spend scale).</summary>
    internal const double MinLambda = 1e-15;

    /// <summary>The largest rate λ: 1e9 = 1/<see cref="NumericLimits.MinScale"/>.</summary>
    internal const double MaxLambda = 1e9;

    /// <summary>Saturation rate λ (per spend unit).</summary>
    public double Lambda { get; }

    internal override double ValueCore(double x) => Beta * Math.Tanh(Lambda * 0.5 * x);

    internal override double DerivativeCore(double x)
    {
        double c = Math.Cosh(Lambda * 0.5 * x);
        return double.IsInfinity(c) ? 0 : Beta * Lambda / (2 * c * c);
    }

    internal override double InverseDerivative(double marginal, double lo, double hi)
    {
        // βλ/2 · sech²(λx/2) = m ⇒ x = (2/λ)·acosh(√(βλ/(2m))).
        double ratio = Beta * Lambda / (2 * marginal);
        double x = ratio <= 1 ? 0 : 2 / Lambda * Math.Acosh(Math.Sqrt(ratio));
        return Math.Clamp(x, lo, hi);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Logistic(β={Beta:G6}, λ={Lambda:G6})";
}

/// <summary>
/// Michaelis–Menten saturation f(x) = αx / (λ + x) (PyMC-Marketing <c>michaelis_menten</c>): α the ceiling, λ the
/// half-saturation spend. Concave; f'(0) = α/λ.
/// </summary>
public sealed class MichaelisMentenCurve : ResponseCurve
{
    /// <summary>Creates a Michaelis–Menten curve.</summary>
    /// <param name="alpha">Ceiling α in [<see cref="NumericLimits.MinScale"/>, <see cref="NumericLimits.MaxAmount"/>] (response units).</param>
    /// <param name="lambda">Half-saturation spend λ in [<see cref="NumericLimits.MinScale"/>, <see cref="NumericLimits.MaxAmount"/>] (spend units).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range, NaN or infinite.</exception>
    public MichaelisMentenCurve(double alpha, double lambda)
    {
        Alpha = Guard.Scale(alpha, nameof(alpha));
        Lambda = Guard.Scale(lambda, nameof(lambda));
    }

    /// <summary>Ceiling α (response units).</summary>
    public double Alpha { get; }

    /// <summary>Half-saturation spend λ (spend units).</summary>
    public double Lambda { get; }

    // α/(λ/x + 1) rather than αx/(λ + x): αx overflows for huge spends (x = 1e308 gave ∞/∞).
    internal override double ValueCore(double x) => x == 0 ? 0 : Alpha / ((Lambda / x) + 1);

    // (α/(λ + x))·(λ/(λ + x)): each factor is bounded (≤ α/λ and ≤ 1), so nothing overflows or underflows to 0/0.
    internal override double DerivativeCore(double x) => Alpha / (Lambda + x) * (Lambda / (Lambda + x));

    internal override double InverseDerivative(double marginal, double lo, double hi) =>
        Math.Clamp(Math.Sqrt(Alpha * Lambda / marginal) - Lambda, lo, hi);

    /// <inheritdoc/>
    public override string ToString() => $"MichaelisMenten(α={Alpha:G6}, λ={Lambda:G6})";
}
