namespace InfluenceModel.Community;

/// <summary>One period of the community ROI curve. Counts are per period; money in the unit of the inputs.</summary>
/// <param name="Period">Period t, 1 to H.</param>
/// <param name="Members">Community members N(t) at the end of the period.</param>
/// <param name="Demand">Support questions D(t) = d·C raised in the period.</param>
/// <param name="CommunityResolved">Questions resolved by members, R(t) = f_max·D·(1 − e^{−A/D}).</param>
/// <param name="CompanyHandled">Questions the company handles, D − R.</param>
/// <param name="CompanyEffortHours">Company effort E(t) = e_ticket·(D − R) + e_fixed, in hours.</param>
/// <param name="CommunityCost">What the community costs in the period: fixed cost + cost per member·N (+ launch cost in period 1).</param>
/// <param name="CompanyCost">Total company cost with the community: c_ticket·(D − R) + <paramref name="CommunityCost"/>.</param>
/// <param name="BaselineCost">Cost without a community: c_ticket·D.</param>
/// <param name="NetValue">Baseline − company cost + w·N: what the community is worth in the period.</param>
/// <param name="CumulativeNetValue">Sum of <paramref name="NetValue"/> over periods 1 to t (undiscounted).</param>
public sealed record CommunityRoiPoint(
    int Period,
    double Members,
    double Demand,
    double CommunityResolved,
    double CompanyHandled,
    double CompanyEffortHours,
    double CommunityCost,
    double CompanyCost,
    double BaselineCost,
    double NetValue,
    double CumulativeNetValue);

/// <summary>
/// One row of the tornado table of <see cref="CommunityRoiCurve.Sensitivity"/>: the net present value with one input
/// moved down and up while every other input keeps its value.
/// </summary>
/// <param name="Input">The input's property name in <see cref="CommunityRoiInputs"/>.</param>
/// <param name="BaseValue">The input's value.</param>
/// <param name="LowValue">The value moved down, BaseValue·(1 − change).</param>
/// <param name="HighValue">The value moved up, BaseValue·(1 + change), capped at the input's upper bound (a share
/// cannot exceed 1); the row shows the value actually used.</param>
/// <param name="LowNetPresentValue">NPV with <paramref name="LowValue"/>.</param>
/// <param name="HighNetPresentValue">NPV with <paramref name="HighValue"/>.</param>
public sealed record CommunityRoiSensitivity(
    string Input,
    double BaseValue,
    double LowValue,
    double HighValue,
    double LowNetPresentValue,
    double HighNetPresentValue)
{
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
