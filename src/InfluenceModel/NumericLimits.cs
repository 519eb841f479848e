namespace InfluenceModel;

/// <summary>
/// The numeric contract: the finite bounds every public input of the library is checked against, declared once. The
/// domain types' guards read these constants, the scenario validator runs those guards (so it reports a value out of
/// bounds at its JSON path), and <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/campaign-scenario.schema.json">docs/campaign-scenario.schema.json</see> states the same numbers (a test probes each one).
/// </summary>
/// <remarks>
/// <para>
/// Within these bounds every public result is a finite number (the one documented exception: the marginal response of
/// a Hill curve with slope &lt; 1 at spend 0 is +∞). The bounds are far outside any real marketing problem — a
/// quadrillion currency units, ten million consumers — and are chosen so that no formula of the library can overflow
/// on them: sums and products of a few bounded inputs stay below about 1e100.
/// </para>
/// <para>
/// A value outside a bound is refused up front with an <see cref="ArgumentOutOfRangeException"/> naming the parameter
/// and the allowed range; nothing is clamped. See <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/reliability.md">docs/reliability.md</see>, "Numeric contract and resource limits".
/// </para>
/// </remarks>
public static class NumericLimits
{
    /// <summary>
    /// The largest amount of money (budgets, spends, costs, values per unit) and the largest response ceiling or
    /// volume: 1e15. Amounts are finite and in [0, <see cref="MaxAmount"/>].
    /// </summary>
    public const double MaxAmount = 1e15;

    /// <summary>
    /// The smallest positive scale parameter (a half-saturation spend κ or λ, a cost median, a value multiple): 1e-9.
    /// Scales are finite and in [<see cref="MinScale"/>, <see cref="MaxAmount"/>]; dividing by one cannot overflow.
    /// </summary>
    public const double MinScale = 1e-9;

    /// <summary>The largest Hill slope s: 100 (real fits give 0.5–5; at 100 the curve is already a step).</summary>
    public const double MaxHillSlope = 100;

    /// <summary>The largest phase spend weight: 1e6 (weights are relative; only their ratios matter).</summary>
    public const double MaxSpendWeight = 1e6;

    /// <summary>The largest rate or multiple (a return multiple, a hurdle rate, a Bass q): 1e6.</summary>
    public const double MaxRate = 1e6;
}
