using System.Text.Json.Serialization;

namespace InfluenceModel.Channels;

/// <summary>
/// The response-curve families of the library (one enum for the fitter, scenarios, the CLI and JSON; in JSON
/// <c>"hill"</c>, <c>"logistic"</c>, <c>"michaelisMenten"</c>).
/// </summary>
public enum ResponseCurveKind
{
    /// <summary><see cref="HillCurve"/> β·x^s/(x^s + κ^s): parameters <c>Beta</c>, <c>Kappa</c>, <c>Slope</c>.</summary>
    [JsonStringEnumMemberName("hill")]
    Hill,

    /// <summary><see cref="LogisticCurve"/> β·(1 − e^{−λx})/(1 + e^{−λx}): parameters <c>Beta</c>, <c>Lambda</c>.</summary>
    [JsonStringEnumMemberName("logistic")]
    Logistic,

    /// <summary><see cref="MichaelisMentenCurve"/> α·x/(λ + x): parameters <c>Alpha</c>, <c>Lambda</c>.</summary>
    [JsonStringEnumMemberName("michaelisMenten")]
    MichaelisMenten,
}

/// <summary>The adstock families the fitter can estimate jointly with a curve.</summary>
public enum AdstockKind
{
    /// <summary>No carry-over: the curve sees the period's spend.</summary>
    None,

    /// <summary><see cref="GeometricAdstock"/>: parameter adstockAlpha ∈ [0, 0.999].</summary>
    Geometric,

    /// <summary><see cref="WeibullAdstock"/>: parameters weibullShape, weibullScale.</summary>
    Weibull,
}
