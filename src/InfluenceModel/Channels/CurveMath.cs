using MathNet.Numerics.RootFinding;

namespace InfluenceModel.Channels;

/// <summary>Numerical pieces shared by the allocator and the selector.</summary>
internal static class CurveMath
{
    /// <summary>The largest x in [lo, hi] with f'(x) ≥ m, f' nonincreasing on [lo, hi].</summary>
    public static double InverseDerivative(IResponseCurve curve, double marginal, double lo, double hi)
    {
        if (curve is ResponseCurve known)
        {
            return known.InverseDerivative(marginal, lo, hi);
        }

        return InverseDecreasing(curve, marginal, lo, hi);
    }

    /// <summary>Brent's method (MathNet) on f'(x) − m over [lo, hi], after the end-point checks.</summary>
    public static double InverseDecreasing(IResponseCurve curve, double marginal, double lo, double hi)
    {
        if (hi <= lo || curve.Derivative(lo) <= marginal)
        {
            return lo;
        }

        if (curve.Derivative(hi) >= marginal)
        {
            return hi;
        }

        // Relative to hi, not max(1, hi): an absolute 1e-13 on a budget of 1e-159 made Brent return at once, every
        // spend sat at its upper end and the allocator spent the budget once per channel.
        double accuracy = Math.Max(1e-13 * hi, double.Epsilon);
        return Brent.TryFindRoot(x => curve.Derivative(x) - marginal, lo, hi, accuracy, 200, out double root)
            ? root
            : Bisect(x => curve.Derivative(x) - marginal, lo, hi);
    }

    /// <summary>
    /// The fallback when Brent fails: bisection for the last x in [lo, hi] with <paramref name="above"/>(x) ≥ 0, for a
    /// function that is ≥ 0 at lo and decreasing through 0; stops at width 1e-15·hi or after 200 halvings.
    /// </summary>
    private static double Bisect(Func<double, double> above, double lo, double hi)
    {
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (above(mid) >= 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The point τ ∈ [max(lo, inflection), hi] where the chord from (lo, f(lo)) touches f tangentially, i.e. the end
    /// of the linear piece of the concave envelope of f on [lo, hi]; hi when the chord lo→hi lies above f everywhere
    /// (the envelope is that chord); lo when f is concave on [lo, hi].
    /// </summary>
    public static double TangentPoint(IResponseCurve curve, double lo, double hi)
    {
        double inflection = curve.InflectionPoint;
        if (lo >= inflection || hi <= lo)
        {
            return lo;
        }

        double flo = curve.Value(lo);
        double Gap(double t) => (curve.Derivative(t) * (t - lo)) - (curve.Value(t) - flo);
        if (Gap(hi) >= 0)
        {
            return hi;
        }

        double a = Math.Min(inflection, hi);
        // Gap(a) ≥ 0 (f convex on [lo, a]) and Gap decreases on the concave region, so the root is bracketed.
        double accuracy = Math.Max(1e-13 * hi, double.Epsilon);
        return Brent.TryFindRoot(Gap, a, hi, accuracy, 200, out double root) ? root : Bisect(Gap, a, hi);
    }
}

/// <summary>
/// The concave envelope of a curve (convex then concave) on [Lo, Hi]: the chord from (Lo, f(Lo)) to the tangent
/// point τ, then f itself on [τ, Hi]. It equals f when f is concave on the interval.
/// </summary>
internal readonly struct Envelope
{
    public Envelope(IResponseCurve curve, double lo, double hi)
    {
        Curve = curve;
        Lo = lo;
        Hi = hi;
        FLo = curve.Value(lo);
        Tau = CurveMath.TangentPoint(curve, lo, hi);
        Slope = Tau > lo ? (curve.Value(Tau) - FLo) / (Tau - lo) : 0;
    }

    public IResponseCurve Curve { get; }

    public double Lo { get; }

    public double Hi { get; }

    public double FLo { get; }

    public double Tau { get; }

    public double Slope { get; }

    /// <summary>The spend maximising env(x) − λx on [Lo, Hi] (the largest maximiser).</summary>
    public double Spend(double lambda)
    {
        if (Hi <= Lo)
        {
            return Lo;
        }

        if (lambda <= 0)
        {
            return Hi;
        }

        if (Tau > Lo)
        {
            if (lambda > Slope)
            {
                return Lo;
            }

            return Tau >= Hi ? Hi : CurveMath.InverseDerivative(Curve, lambda, Tau, Hi);
        }

        return CurveMath.InverseDerivative(Curve, lambda, Lo, Hi);
    }

    /// <summary>env(x) for x in [Lo, Hi].</summary>
    public double Value(double x) => Tau > Lo && x < Tau ? FLo + (Slope * (x - Lo)) : Curve.Value(x);
}
