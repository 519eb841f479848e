using InfluenceModel.Internal;

namespace InfluenceModel.Diffusion;

/// <summary>
/// The Bass (1969) diffusion model of aggregate adoption: a market of potential <see cref="M"/> adopters, an external
/// (innovation, advertising) coefficient <see cref="P"/> and an internal (imitation, word-of-mouth) coefficient
/// <see cref="Q"/>, both per unit of time.
/// </summary>
/// <remarks>
/// <para>
/// Cumulative adoption fraction F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}); density
/// f(t) = (p+q)²/p · e^{−(p+q)t} / (1 + (q/p)·e^{−(p+q)t})²; adopters in period t (the interval (t−1, t]):
/// m·(F(t) − F(t−1)); peak time t* = ln(q/p)/(p+q) when q &gt; p. The time unit is whatever unit p and q are
/// expressed in (a month, a year); rescaling time by k multiplies p and q by 1/k and leaves the curve unchanged.
/// </para>
/// <para>
/// Reference: F. M. Bass (1969), "A New Product Growth for Model Consumer Durables", Management Science 15(5),
/// 215–227. Fitting: <see cref="Fit"/>. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record BassModel
{
    /// <summary>Creates a Bass model.</summary>
    /// <param name="p">External (innovation) coefficient per unit of time, in (0, 1].</param>
    /// <param name="q">Internal (imitation) coefficient per unit of time, finite and ≥ 0.</param>
    /// <param name="m">Market potential (number of eventual adopters), finite and &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A coefficient is NaN, infinite or outside its range.</exception>
    public BassModel(double p, double q, double m)
    {
        P = Guard.InRange(p, NumericLimits.MinScale, 1);
        Q = Guard.Rate(q);
        M = Guard.PositiveAmount(m);
    }

    /// <summary>External (innovation, advertising) coefficient per unit of time, in (0, 1].</summary>
    public double P { get; }

    /// <summary>Internal (imitation, word-of-mouth) coefficient per unit of time, ≥ 0.</summary>
    public double Q { get; }

    /// <summary>Market potential: the number of eventual adopters, &gt; 0.</summary>
    public double M { get; }

    /// <summary>
    /// Time of the adoption peak, t* = ln(q/p)/(p+q) in the unit of p and q; 0 when q ≤ p (adoption is highest at
    /// launch and only falls).
    /// </summary>
    public double PeakTime => Finite(Q > P ? Math.Log(Q / P) / (P + Q) : 0.0);

    /// <summary>The cumulative fraction of the market that has adopted by time <paramref name="t"/>: F(t) in [0, 1).</summary>
    /// <param name="t">Time since launch, finite and ≥ 0.</param>
    /// <returns>F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative, NaN or infinite.</exception>
    public double CumulativeFraction(double t) => Finite(Cumulative(P, Q, Guard.NonNegative(t)));

    /// <summary>The adoption density f(t) = dF/dt at time <paramref name="t"/>, per unit of time.</summary>
    /// <param name="t">Time since launch, finite and ≥ 0.</param>
    /// <returns>f(t) = (p+q)²/p · e^{−(p+q)t} / (1 + (q/p)·e^{−(p+q)t})².</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative, NaN or infinite.</exception>
    public double Density(double t) => Finite(DensityAt(P, Q, Guard.NonNegative(t)));

    /// <summary>Adopters during period <paramref name="t"/>, the interval (t−1, t]: m·(F(t) − F(t−1)).</summary>
    /// <param name="t">Period number, finite and ≥ 1 (period 1 is the first after launch).</param>
    /// <returns>The number of adopters in that period, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is below 1, NaN or infinite.</exception>
    public double PeriodAdoptions(double t)
    {
        if (!double.IsFinite(t) || t < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, $"t must be a finite number ≥ 1; it was {t}.");
        }

        return Finite(M * (Cumulative(P, Q, t) - Cumulative(P, Q, t - 1)));
    }

    /// <summary>
    /// Fits a Bass model to per-period sales (adoptions in periods 1, 2, …, n) with the named estimator.
    /// </summary>
    /// <param name="periodSales">Adoptions in each period, finite and ≥ 0, at least 4 periods (one residual degree of
    /// freedom beyond the three parameters), not all zero.</param>
    /// <param name="method">The estimator; the answers differ, so it is always named (see
    /// <see cref="BassEstimationMethod"/>).</param>
    /// <returns>The fitted model with standard errors, residual standard error and R².</returns>
    /// <exception cref="ArgumentNullException"><paramref name="periodSales"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A sale is negative, NaN or infinite; <paramref name="method"/> is
    /// undefined.</exception>
    /// <exception cref="ArgumentException">Fewer than 4 periods, all zero, or the data imply no Bass curve (for
    /// <see cref="BassEstimationMethod.OrdinaryLeastSquares"/>: a regression without a positive market potential).</exception>
    public static BassFit Fit(IReadOnlyList<double> periodSales, BassEstimationMethod method) =>
        BassEstimator.Fit(periodSales, method);

    /// <summary>F(t), written as p(1 − e)/(p + q·e) with e = e^{−(p+q)t} so that it never overflows.</summary>
    /// <summary>The debug-only check of the numeric contract at this public result boundary.</summary>
    private static double Finite(double value)
    {
        Guard.AssertFinite(value);
        return value;
    }

    internal static double Cumulative(double p, double q, double t)
    {
        double e = Math.Exp(-(p + q) * t);
        return p * (1 - e) / (p + (q * e));
    }

    /// <summary>f(t), written as (p+q)²·p·e/(p + q·e)² with e = e^{−(p+q)t}.</summary>
    internal static double DensityAt(double p, double q, double t)
    {
        // (p+q)²·p·e/(p+qe)² written as ((p+q)²/p)·e·a² with a = p/(p+qe) ∈ (0, 1]: the squared denominator no longer
        // underflows to 0/0 for a tiny p, and every factor is bounded within the declared ranges of p and q.
        double e = Math.Exp(-(p + q) * t);
        double a = p / (p + (q * e));
        return (p + q) * (p + q) / p * e * a * a;
    }
}
