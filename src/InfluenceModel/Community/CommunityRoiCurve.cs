namespace InfluenceModel.Community;

/// <summary>One period of the community ROI curve. Counts are per period; money in the unit of the inputs.</summary>
public sealed record CommunityRoiPoint
{
    /// <summary>Period t, 1 to H.</summary>
    public required int Period { get; init; }

    /// <summary>Community members N(t) at the end of the period.</summary>
    public required double Members { get; init; }

    /// <summary>Support questions D(t) = d·C raised in the period.</summary>
    public required double Demand { get; init; }

    /// <summary>Questions resolved by members, R(t) = f_max·D·(1 − e^{−A/D}).</summary>
    public required double CommunityResolved { get; init; }

    /// <summary>Questions the company handles, D − R.</summary>
    public required double CompanyHandled { get; init; }

    /// <summary>Company effort E(t) = e_ticket·(D − R) + e_fixed, in hours.</summary>
    public required double CompanyEffortHours { get; init; }

    /// <summary>What the community costs in the period: fixed cost + cost per member·N (+ launch cost in period 1).</summary>
    public required double CommunityCost { get; init; }

    /// <summary>Total company cost with the community: c_ticket·(D − R) + <see cref="CommunityCost"/>.</summary>
    public required double CompanyCost { get; init; }

    /// <summary>Cost without a community: c_ticket·D.</summary>
    public required double BaselineCost { get; init; }

    /// <summary>Baseline − company cost + w·N: what the community is worth in the period.</summary>
    public required double NetValue { get; init; }

    /// <summary>Sum of <see cref="NetValue"/> over periods 1 to t (undiscounted).</summary>
    public required double CumulativeNetValue { get; init; }
}

/// <summary>
/// One row of the tornado table of <see cref="CommunityRoiCurve.Sensitivity"/>: the net present value with one input
/// moved down and up while every other input keeps its value.
/// </summary>
public sealed record CommunityRoiSensitivity
{
    /// <summary>The input's property name in <see cref="CommunityRoiInputs"/>.</summary>
    public required string Input { get; init; }

    /// <summary>The input's value.</summary>
    public required double BaseValue { get; init; }

    /// <summary>The value moved down, BaseValue·(1 − change).</summary>
    public required double LowValue { get; init; }

    /// <summary>The value moved up, BaseValue·(1 + change), capped at the input's upper bound (a share
    /// cannot exceed 1); the row shows the value actually used.</summary>
    public required double HighValue { get; init; }

    /// <summary>NPV with <see cref="LowValue"/>.</summary>
    public required double LowNetPresentValue { get; init; }

    /// <summary>NPV with <see cref="HighValue"/>.</summary>
    public required double HighNetPresentValue { get; init; }

    /// <summary>|HighNetPresentValue − LowNetPresentValue|: how much the NPV depends on this input.</summary>
    public double Swing => Math.Abs(HighNetPresentValue - LowNetPresentValue);
}

/// <summary>
/// The community ROI curve over the horizon (see <see cref="CommunityRoiCalculator"/>) and its summary: break-even,
/// payback, NPV, ROI and the tipping point. Immutable; serializes with System.Text.Json.
/// </summary>
public sealed class CommunityRoiCurve
{
    internal CommunityRoiCurve(
        CommunityRoiInputs inputs,
        IReadOnlyList<CommunityRoiPoint> points,
        int? breakEvenPeriod,
        int? paybackPeriod,
        double netPresentValue,
        double? returnOnInvestment,
        double? tippingPointMembers)
    {
        Inputs = inputs;
        Points = points;
        BreakEvenPeriod = breakEvenPeriod;
        PaybackPeriod = paybackPeriod;
        NetPresentValue = netPresentValue;
        ReturnOnInvestment = returnOnInvestment;
        TippingPointMembers = tippingPointMembers;
    }

    /// <summary>The inputs the curve was computed from.</summary>
    public CommunityRoiInputs Inputs { get; }

    /// <summary>One point per period 1 to <see cref="CommunityRoiInputs.Horizon"/>.</summary>
    public IReadOnlyList<CommunityRoiPoint> Points { get; }

    /// <summary>The first period whose net value is ≥ 0 (the community pays for itself in that period), or null when
    /// no period within the horizon does.</summary>
    public int? BreakEvenPeriod { get; }

    /// <summary>The first period whose cumulative net value is ≥ 0 (the launch and running costs are paid back), or
    /// null when the horizon ends before.</summary>
    public int? PaybackPeriod { get; }

    /// <summary>Net present value Σ_t NetValue(t)/(1 + r)^t over the horizon, end-of-period discounting, in money.</summary>
    public double NetPresentValue { get; }

    /// <summary>Return on investment at the horizon (undiscounted): cumulative net value / cumulative community cost,
    /// e.g. 0.5 = 50%. Null when the community costs nothing over the horizon (the ratio is undefined).</summary>
    public double? ReturnOnInvestment { get; }

    /// <summary>Members at which the community resolves half of what it can (R/D = f_max/2, i.e. A/D = ln 2):
    /// N* = ln 2·D/(h·a_h + l·a_l). Null when members give no answers or there is no demand.</summary>
    public double? TippingPointMembers { get; }

    /// <summary>
    /// A tornado table: the <see cref="NetPresentValue"/> with each numeric input moved down and up by
    /// <paramref name="relativeChange"/> (others fixed), sorted by swing, largest first (ties by input name).
    /// Inputs that do not affect the NPV (effort hours) are left out; the Bass inputs are left out when
    /// <see cref="CommunityRoiInputs.ObservedMembers"/> is set.
    /// </summary>
    /// <param name="relativeChange">The relative move, in (0, 1); default 0.2 (±20%).</param>
    /// <returns>One row per input.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relativeChange"/> is outside (0, 1), NaN or infinite.</exception>
    public IReadOnlyList<CommunityRoiSensitivity> Sensitivity(double relativeChange = 0.2) =>
        CommunityRoiCalculator.Sensitivity(Inputs, NetPresentValue, relativeChange);
}
