using InfluenceModel.Channels;
using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// The campaign-total form of a per-period response curve: V(x) = scale·f(x / periods), a total spend x spread evenly
/// over <c>periods</c> periods. The library's families stay in their family (Hill: β' = scale·β, κ' = periods·κ;
/// logistic: β' = scale·β, λ' = λ/periods; Michaelis–Menten: α' = scale·α, λ' = periods·λ), so the selector keeps its
/// closed forms; any other <see cref="IResponseCurve"/> is wrapped.
/// </summary>
internal static class CurveScaling
{
    // The closed forms when the scaled parameters stay inside the curves' declared ranges (NumericLimits); the same
    // function through the wrapper otherwise (κ = 1e15 over 12 periods is a valid input whose κ·12 is not).
    public static IResponseCurve Scale(IResponseCurve curve, double scale, double periods) => curve switch
    {
        HillCurve h when InRange(scale * h.Beta, h.Kappa * periods) => new HillCurve(scale * h.Beta, h.Kappa * periods, h.Slope),
        LogisticCurve l when InRange(scale * l.Beta, 1) && l.Lambda / periods >= LogisticCurve.MinLambda && l.Lambda / periods <= LogisticCurve.MaxLambda => new LogisticCurve(scale * l.Beta, l.Lambda / periods),
        MichaelisMentenCurve m when InRange(scale * m.Alpha, m.Lambda * periods) => new MichaelisMentenCurve(scale * m.Alpha, m.Lambda * periods),
        _ => new ScaledCurve(curve, scale, periods),
    };

    private static bool InRange(double ceiling, double spendScale) =>
        ceiling >= NumericLimits.MinScale && ceiling <= NumericLimits.MaxAmount && spendScale >= NumericLimits.MinScale && spendScale <= NumericLimits.MaxAmount;

    /// <summary>The largest value the curve reaches (its ceiling), read at the largest finite spend.</summary>
    public static double Ceiling(IResponseCurve curve) => curve.Value(double.MaxValue);

    private sealed class ScaledCurve(IResponseCurve inner, double scale, double periods) : IResponseCurve
    {
        public double InflectionPoint => inner.InflectionPoint * periods;

        public double Value(double x) => scale * inner.Value(Guard.NonNegative(x, nameof(x)) / periods);

        public double Derivative(double x) => scale / periods * inner.Derivative(Guard.NonNegative(x, nameof(x)) / periods);
    }
}
