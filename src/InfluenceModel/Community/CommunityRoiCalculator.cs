using InfluenceModel.Internal;

namespace InfluenceModel.Community;

/// <summary>
/// The community ROI model: as the user community grows and members answer each other's questions, how much less the
/// company has to do, and when the community pays for itself (Sierra 2007, "User Community and ROI": the stronger the
/// user community, the less you have to do).
/// </summary>
/// <remarks>
/// <para>Per period t = 1..H (symbols as in <see cref="CommunityRoiInputs"/>):</para>
/// <list type="bullet">
/// <item>members N(t) = M·F(t) with the Bass F (<see cref="Diffusion.BassModel"/>), or the observed counts;</item>
/// <item>support demand D = d·C questions (C customers, d questions per customer per period);</item>
/// <item>community answer capacity A(t) = N(t)·(h·a_h + l·a_l) (90-9-1: share h heavy, l light contributors);</item>
/// <item>community-resolved R(t) = f_max·D·(1 − e^{−A/D}): A answers fall at random on D questions, a question
/// receives none with probability e^{−A/D}, and only a share f_max can be answered by peers;</item>
/// <item>company-handled D − R; company effort E(t) = e_ticket·(D − R) + e_fixed hours;</item>
/// <item>community cost K(t) = fixed + c_member·N(t) (+ launch cost at t = 1); company cost c_ticket·(D − R) + K(t);
/// baseline cost c_ticket·D; net value V(t) = baseline − company cost + w·N(t).</item>
/// </list>
/// <para>
/// Summary: break-even = first t with V(t) ≥ 0; payback = first t with Σ_{s≤t} V(s) ≥ 0; NPV = Σ V(t)/(1+r)^t; ROI =
/// Σ V / Σ K; tipping point N* = ln 2·D/(h·a_h + l·a_l), where R/D = f_max/2. Deterministic, allocation-light and
/// thread-safe. Full derivation: <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/community-roi.md">docs/models/community-roi.md</see>.
/// </para>
/// <para>
/// A closed-form model: it simulates nothing, so it takes no <see cref="SimulationOptions"/> and reports no progress
/// (<see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/architecture.md">docs/architecture.md</see>); host apps resolve <see cref="ICommunityRoiCalculator"/>, which mirrors this façade.
/// </para>
/// </remarks>
public static class CommunityRoiCalculator
{
    private static readonly SensitivityInput[] SensitivityInputs =
    [
        new(nameof(CommunityRoiInputs.BassInnovation), i => i.BassInnovation, (i, v) => i with { BassInnovation = v }, _ => 1, BassOnly: true),
        new(nameof(CommunityRoiInputs.BassImitation), i => i.BassImitation, (i, v) => i with { BassImitation = v }, _ => CommunityRoiInputs.MaxImitation, BassOnly: true),
        // Members are customers: M stays ≤ C and C ≥ the most members when either moves (the swing shows the value used).
        new(nameof(CommunityRoiInputs.MarketPotential), i => i.MarketPotential, (i, v) => i with { MarketPotential = v }, i => i.Customers, BassOnly: true),
        new(nameof(CommunityRoiInputs.Customers), i => i.Customers, (i, v) => i with { Customers = v }, _ => CommunityRoiInputs.MaxCount, Min: MostMembers),
        new(nameof(CommunityRoiInputs.QuestionsPerCustomer), i => i.QuestionsPerCustomer, (i, v) => i with { QuestionsPerCustomer = v }, _ => CommunityRoiInputs.MaxQuestions),
        new(nameof(CommunityRoiInputs.HeavyContributorShare), i => i.HeavyContributorShare, (i, v) => i with { HeavyContributorShare = v }, i => 1 - i.LightContributorShare),
        new(nameof(CommunityRoiInputs.LightContributorShare), i => i.LightContributorShare, (i, v) => i with { LightContributorShare = v }, i => 1 - i.HeavyContributorShare),
        new(nameof(CommunityRoiInputs.HeavyAnswersPerPeriod), i => i.HeavyAnswersPerPeriod, (i, v) => i with { HeavyAnswersPerPeriod = v }, _ => CommunityRoiInputs.MaxRate),
        new(nameof(CommunityRoiInputs.LightAnswersPerPeriod), i => i.LightAnswersPerPeriod, (i, v) => i with { LightAnswersPerPeriod = v }, _ => CommunityRoiInputs.MaxRate),
        new(nameof(CommunityRoiInputs.MaxCommunityResolvedShare), i => i.MaxCommunityResolvedShare, (i, v) => i with { MaxCommunityResolvedShare = v }, _ => 1),
        new(nameof(CommunityRoiInputs.CostPerTicket), i => i.CostPerTicket, (i, v) => i with { CostPerTicket = v }, _ => CommunityRoiInputs.MaxMoney),
        new(nameof(CommunityRoiInputs.CommunityFixedCostPerPeriod), i => i.CommunityFixedCostPerPeriod, (i, v) => i with { CommunityFixedCostPerPeriod = v }, _ => CommunityRoiInputs.MaxMoney),
        new(nameof(CommunityRoiInputs.CostPerMember), i => i.CostPerMember, (i, v) => i with { CostPerMember = v }, _ => CommunityRoiInputs.MaxRate),
        new(nameof(CommunityRoiInputs.LaunchCost), i => i.LaunchCost, (i, v) => i with { LaunchCost = v }, _ => CommunityRoiInputs.MaxMoney),
        new(nameof(CommunityRoiInputs.WordOfMouthValuePerMember), i => i.WordOfMouthValuePerMember, (i, v) => i with { WordOfMouthValuePerMember = v }, _ => CommunityRoiInputs.MaxRate),
        new(nameof(CommunityRoiInputs.DiscountRate), i => i.DiscountRate, (i, v) => i with { DiscountRate = v }, _ => 1),
    ];

    /// <summary>Computes the community ROI curve and its summary for <paramref name="inputs"/>.</summary>
    /// <param name="inputs">The inputs (validated when they were built); <see cref="CommunityRoiInputs.Default"/> for
    /// the documented defaults.</param>
    /// <param name="cancellationToken">Cancels the computation (checked once: the loop over at most 1,200 periods takes microseconds).</param>
    /// <returns>One point per period and the summary; every number is finite.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentException">The community can hold more members than there are customers
    /// (<see cref="CommunityRoiInputs.MarketPotential"/>, or the largest of <see cref="CommunityRoiInputs.ObservedMembers"/>,
    /// exceeds <see cref="CommunityRoiInputs.Customers"/>): members are customers who join, so the inputs contradict each
    /// other. <see cref="ArgumentException.ParamName"/> is <c>inputs</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CommunityRoiCurve Compute(CommunityRoiInputs inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        CheckMembersWithinCustomers(inputs);
        cancellationToken.ThrowIfCancellationRequested();
        var points = new CommunityRoiPoint[inputs.Horizon];
        Summary summary = Run(inputs, points);
        return new CommunityRoiCurve(
            inputs,
            Array.AsReadOnly(points),
            summary.BreakEvenPeriod,
            summary.PaybackPeriod,
            summary.NetPresentValue,
            summary.TotalCommunityCost > 0 ? summary.CumulativeNetValue / summary.TotalCommunityCost : null,
            TippingPointMembers(inputs));
    }

    /// <summary>The most members the inputs allow: the market potential M on the Bass path, else the largest observed count.</summary>
    private static double MostMembers(CommunityRoiInputs inputs) => inputs.ObservedMembers is { } observed ? observed.Max() : inputs.MarketPotential;

    /// <summary>Members are customers who join: M (or an observed count) above C is a contradiction, refused rather than computed.</summary>
    private static void CheckMembersWithinCustomers(CommunityRoiInputs inputs)
    {
        double most = MostMembers(inputs);
        if (most > inputs.Customers)
        {
            string what = inputs.ObservedMembers is null
                ? $"{nameof(CommunityRoiInputs.MarketPotential)} ({most:N0}, the members the Bass curve grows to)"
                : $"the largest of {nameof(CommunityRoiInputs.ObservedMembers)} ({most:N0})";
            throw new ArgumentException(
                $"{what} exceeds {nameof(CommunityRoiInputs.Customers)} ({inputs.Customers:N0}): community members are customers who join, so there cannot be more of them; lower the members or raise the customers.",
                nameof(inputs));
        }
    }

    /// <summary>N* = ln 2·D/(h·a_h + l·a_l): there A/D = ln 2 and R/D = f_max·(1 − 1/2).</summary>
    private static double? TippingPointMembers(CommunityRoiInputs inputs)
    {
        double demand = Demand(inputs);
        double answersPerMember = AnswersPerMember(inputs);
        return answersPerMember > 0 && demand > 0 ? Math.Log(2) * demand / answersPerMember : null;
    }

    private static double Demand(CommunityRoiInputs inputs) => inputs.QuestionsPerCustomer * inputs.Customers;

    private static double AnswersPerMember(CommunityRoiInputs inputs) =>
        (inputs.HeavyContributorShare * inputs.HeavyAnswersPerPeriod) + (inputs.LightContributorShare * inputs.LightAnswersPerPeriod);

    /// <summary>The one loop of the model: fills <paramref name="points"/> when given, and returns the summary.</summary>
    private static Summary Run(CommunityRoiInputs inputs, CommunityRoiPoint[]? points)
    {
        double demand = Demand(inputs);
        double answersPerMember = AnswersPerMember(inputs);
        double baseline = inputs.CostPerTicket * demand;
        double growth = 1 + inputs.DiscountRate;
        double discount = 1, cumulative = 0, npv = 0, totalCommunityCost = 0;
        int? breakEven = null, payback = null;
        for (int t = 1; t <= inputs.Horizon; t++)
        {
            double members = inputs.MembersAt(t);
            // R = f_max·D·(1 − e^{−A/D}), written with ExpM1 for accuracy when A ≪ D; no demand ⇒ nothing to resolve.
            double resolved = demand > 0
                ? -inputs.MaxCommunityResolvedShare * demand * double.ExpM1(-members * answersPerMember / demand)
                : 0;
            double handled = demand - resolved;
            double communityCost = inputs.CommunityFixedCostPerPeriod + (inputs.CostPerMember * members) + (t == 1 ? inputs.LaunchCost : 0);
            double companyCost = (inputs.CostPerTicket * handled) + communityCost;
            double net = baseline - companyCost + (inputs.WordOfMouthValuePerMember * members);
            cumulative += net;
            discount /= growth;
            npv += net * discount;
            totalCommunityCost += communityCost;
            breakEven ??= net >= 0 ? t : null;
            payback ??= cumulative >= 0 ? t : null;
            if (points is not null)
            {
                double effort = (inputs.EffortHoursPerTicket * handled) + inputs.FixedEffortHoursPerPeriod;
                points[t - 1] = new CommunityRoiPoint
                {
                    Period = t,
                    Members = members,
                    Demand = demand,
                    CommunityResolved = resolved,
                    CompanyHandled = handled,
                    CompanyEffortHours = effort,
                    CommunityCost = communityCost,
                    CompanyCost = companyCost,
                    BaselineCost = baseline,
                    NetValue = net,
                    CumulativeNetValue = cumulative,
                };
            }
        }

        return new Summary(breakEven, payback, npv, cumulative, totalCommunityCost);
    }

    internal static IReadOnlyList<CommunityRoiSensitivity> Sensitivity(CommunityRoiInputs inputs, double baseNetPresentValue, double relativeChange)
    {
        if (!double.IsFinite(relativeChange) || relativeChange <= 0 || relativeChange >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(relativeChange), relativeChange, $"{nameof(relativeChange)} must be a finite number in (0, 1); it was {relativeChange}.");
        }

        var rows = new List<CommunityRoiSensitivity>(SensitivityInputs.Length);
        foreach (SensitivityInput input in SensitivityInputs)
        {
            if (input.BassOnly && inputs.ObservedMembers is not null)
            {
                continue;
            }

            double value = input.Get(inputs);
            double low = Math.Max(value * (1 - relativeChange), input.Min?.Invoke(inputs) ?? 0);
            double high = Math.Min(value * (1 + relativeChange), input.Max(inputs));
            double lowNpv = low == value ? baseNetPresentValue : Run(input.With(inputs, low), null).NetPresentValue;
            double highNpv = high == value ? baseNetPresentValue : Run(input.With(inputs, high), null).NetPresentValue;
            rows.Add(new CommunityRoiSensitivity
            {
                Input = input.Name,
                BaseValue = value,
                LowValue = low,
                HighValue = high,
                LowNetPresentValue = lowNpv,
                HighNetPresentValue = highNpv,
            });
        }

        rows.Sort(static (a, b) => b.Swing != a.Swing ? b.Swing.CompareTo(a.Swing) : string.CompareOrdinal(a.Input, b.Input));
        return rows.AsReadOnly();
    }

    private readonly record struct Summary(int? BreakEvenPeriod, int? PaybackPeriod, double NetPresentValue, double CumulativeNetValue, double TotalCommunityCost);

    private sealed record SensitivityInput(
        string Name,
        Func<CommunityRoiInputs, double> Get,
        Func<CommunityRoiInputs, double, CommunityRoiInputs> With,
        Func<CommunityRoiInputs, double> Max,
        bool BassOnly = false,
        Func<CommunityRoiInputs, double>? Min = null);
}
