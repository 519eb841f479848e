using InfluenceModel.Diffusion;
using InfluenceModel.Internal;

namespace InfluenceModel.Community;

/// <summary>
/// The inputs of the community ROI model (<see cref="CommunityRoiCalculator"/>): how the community grows, how much
/// support demand the customers create, how much of it the members answer, and what everything costs. One period is
/// a unit of time of the caller's choosing; every default assumes a month.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe. Every property is validated when it is set (in an object initializer, a
/// <c>with</c> expression or JSON deserialization), so an instance is valid once it exists: an out-of-range value
/// throws <see cref="ArgumentOutOfRangeException"/> naming the property and its allowed range. Ranges have finite
/// upper bounds so that every output of the model stays finite.
/// </para>
/// <para>
/// Member growth: by default the Bass model N(t) = M·F(t) with <see cref="BassInnovation"/>,
/// <see cref="BassImitation"/> and <see cref="MarketPotential"/>; when <see cref="ObservedMembers"/> is set, those
/// counts are used instead; <see cref="WithMemberGrowthFittedTo"/> fits the Bass coefficients to observed counts.
/// Defaults and their sources: <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/community-roi.md">docs/models/community-roi.md</see>.
/// </para>
/// </remarks>
public sealed record CommunityRoiInputs
{
    internal const double MaxCount = 1e10;
    internal const double MaxMoney = 1e9;

    /// <summary>Largest number of questions per customer per period.</summary>
    internal const double MaxQuestions = 1000;
    internal const double MaxRate = 1e6;
    internal const double MaxImitation = 10;

    private readonly int _horizon = 36;
    private readonly double _bassInnovation = 0.01;
    private readonly double _bassImitation = 0.2;
    private readonly double _marketPotential = 25_000;
    private readonly IReadOnlyList<double>? _observedMembers;
    private readonly double _customers = 50_000;
    private readonly double _questionsPerCustomer = 0.1;
    private readonly double _heavyContributorShare = 0.01;
    private readonly double _lightContributorShare = 0.09;
    private readonly double _heavyAnswersPerPeriod = 20;
    private readonly double _lightAnswersPerPeriod = 2;
    private readonly double _maxCommunityResolvedShare = 0.5;
    private readonly double _costPerTicket = 15.56;
    private readonly double _effortHoursPerTicket = 0.25;
    private readonly double _fixedEffortHoursPerPeriod = 160;
    private readonly double _communityFixedCostPerPeriod = 12_000;
    private readonly double _costPerMember = 0.10;
    private readonly double _launchCost = 50_000;
    private readonly double _wordOfMouthValuePerMember;
    private readonly double _discountRate = 0.008;

    /// <summary>The default inputs (a mid-sized software company with 50,000 customers, monthly periods); the same as
    /// <c>new CommunityRoiInputs()</c>. Each property documents its default and source.</summary>
    public static CommunityRoiInputs Default { get; } = new();

    /// <summary>Number of periods H modelled, 1 to 1,200. Default 36 (three years of months, a common planning horizon).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 1,200.</exception>
    public int Horizon
    {
        get => _horizon;
        init => _horizon = Guard.InRange(value, 1, 1200, nameof(Horizon));
    }

    /// <summary>Bass external coefficient p per period, in (0, 1]. Default 0.01 per month: an assumption for a
    /// community launched to an existing customer base (Sultan, Farley and Lehmann 1990 report a mean p = 0.03 per
    /// year for new products, i.e. 0.0025 per month, which is slower than an invited community grows).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside (0, 1], NaN or infinite.</exception>
    public double BassInnovation
    {
        get => _bassInnovation;
        init => _bassInnovation = Guard.InRangeExclusiveMin(value, 0, 1, nameof(BassInnovation));
    }

    /// <summary>Bass internal (word-of-mouth) coefficient q per period, in [0, 10]. Default 0.2 per month: an
    /// assumption (q/p = 20, within the range of Sultan et al. 1990, whose mean is q = 0.38 per year).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10], NaN or infinite.</exception>
    public double BassImitation
    {
        get => _bassImitation;
        init => _bassImitation = Guard.InRange(value, 0, MaxImitation, nameof(BassImitation));
    }

    /// <summary>Bass market potential M: members the community eventually reaches, in [0, 10¹⁰]. Default 25,000
    /// (half of <see cref="Customers"/>; an assumption).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10¹⁰], NaN or infinite.</exception>
    public double MarketPotential
    {
        get => _marketPotential;
        init => _marketPotential = Guard.InRange(value, 0, MaxCount, nameof(MarketPotential));
    }

    /// <summary>
    /// Observed member counts N(1), N(2), … (members at the end of each period), each in [0, 10¹⁰], or null (the
    /// default) to grow the community by the Bass model. When set they replace the Bass curve; periods beyond the
    /// last count keep the last count. The list is copied.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, above 10¹⁰, NaN or infinite.</exception>
    public IReadOnlyList<double>? ObservedMembers
    {
        get => _observedMembers;
        init
        {
            if (value is null)
            {
                _observedMembers = null;
                return;
            }

            if (value.Count == 0)
            {
                throw new ArgumentException($"{nameof(ObservedMembers)} must hold at least one count, or be null to use the Bass curve.", nameof(ObservedMembers));
            }

            double[] copy = new double[value.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = Guard.InRange(value[i], 0, MaxCount, nameof(ObservedMembers));
            }

            // A value list, so two inputs with the same observations are equal records.
            _observedMembers = ValueList<double>.From(copy);
        }
    }

    /// <summary>Customers C served in every period, the people who can raise support questions, in [0, 10¹⁰].
    /// Default 50,000 (an assumption: a mid-sized software or consumer-electronics brand).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10¹⁰], NaN or infinite.</exception>
    public double Customers
    {
        get => _customers;
        init => _customers = Guard.InRange(value, 0, MaxCount, nameof(Customers));
    }

    /// <summary>Support questions d per customer per period, in [0, 1,000]. Default 0.1 per month (an assumption:
    /// one customer in ten asks a question each month).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1,000], NaN or infinite.</exception>
    public double QuestionsPerCustomer
    {
        get => _questionsPerCustomer;
        init => _questionsPerCustomer = Guard.InRange(value, 0, MaxQuestions, nameof(QuestionsPerCustomer));
    }

    /// <summary>Share h of members who are heavy contributors, in [0, 1], with h + l ≤ 1. Default 0.01: the "1" of
    /// the 90-9-1 rule (Nielsen 2006, "Participation Inequality"). The sum is checked whenever either share is set,
    /// so when raising one share and lowering the other, set the lowered one first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or h + l &gt; 1.</exception>
    public double HeavyContributorShare
    {
        get => _heavyContributorShare;
        init => _heavyContributorShare = ContributorShare(value, _lightContributorShare, nameof(HeavyContributorShare));
    }

    /// <summary>Share l of members who are light (occasional) contributors, in [0, 1], with h + l ≤ 1. Default 0.09:
    /// the "9" of the 90-9-1 rule (Nielsen 2006).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or h + l &gt; 1.</exception>
    public double LightContributorShare
    {
        get => _lightContributorShare;
        init => _lightContributorShare = ContributorShare(value, _heavyContributorShare, nameof(LightContributorShare));
    }

    /// <summary>Answers a_h that a heavy contributor gives per period, in [0, 10⁶]. Default 20 per month (an
    /// assumption: about one per working day; Nielsen 2006 reports heavy contributors produce most contributions).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10⁶], NaN or infinite.</exception>
    public double HeavyAnswersPerPeriod
    {
        get => _heavyAnswersPerPeriod;
        init => _heavyAnswersPerPeriod = Guard.InRange(value, 0, MaxRate, nameof(HeavyAnswersPerPeriod));
    }

    /// <summary>Answers a_l that a light contributor gives per period, in [0, 10⁶]. Default 2 per month (an
    /// assumption: a tenth of a heavy contributor's rate, in line with the 90-9-1 skew).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10⁶], NaN or infinite.</exception>
    public double LightAnswersPerPeriod
    {
        get => _lightAnswersPerPeriod;
        init => _lightAnswersPerPeriod = Guard.InRange(value, 0, MaxRate, nameof(LightAnswersPerPeriod));
    }

    /// <summary>f_max: the largest share of questions peers can resolve, in [0, 1] (the rest need the company:
    /// account, billing, defects). Default 0.5 (an assumption).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], NaN or infinite.</exception>
    public double MaxCommunityResolvedShare
    {
        get => _maxCommunityResolvedShare;
        init => _maxCommunityResolvedShare = Guard.Probability(value, nameof(MaxCommunityResolvedShare));
    }

    /// <summary>c_ticket: the fully loaded cost of one company-handled support ticket, in money, [0, 10⁹]. Default
    /// 15.56: the average cost per ticket of North American service desks reported by MetricNet (Rumburg 2012).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10⁹], NaN or infinite.</exception>
    public double CostPerTicket
    {
        get => _costPerTicket;
        init => _costPerTicket = Guard.InRange(value, 0, MaxMoney, nameof(CostPerTicket));
    }

    /// <summary>e_ticket: company effort hours per company-handled ticket, in [0, 10⁴]. Default 0.25 h (an
    /// assumption: 15 minutes including wrap-up). Its cost is already inside <see cref="CostPerTicket"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10⁴], NaN or infinite.</exception>
    public double EffortHoursPerTicket
    {
        get => _effortHoursPerTicket;
        init => _effortHoursPerTicket = Guard.InRange(value, 0, 1e4, nameof(EffortHoursPerTicket));
    }

    /// <summary>e_fixed: company effort hours per period that the community itself takes (community management,
    /// moderation), in [0, 10⁶]. Default 160 h per month (one full-time community manager; an assumption). Its cost
    /// is inside <see cref="CommunityFixedCostPerPeriod"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10⁶], NaN or infinite.</exception>
    public double FixedEffortHoursPerPeriod
    {
        get => _fixedEffortHoursPerPeriod;
        init => _fixedEffortHoursPerPeriod = Guard.InRange(value, 0, 1e6, nameof(FixedEffortHoursPerPeriod));
    }

    /// <summary>Fixed cost of running the community per period (community manager, platform licence), in money,
    /// [0, 10⁹]. Default 12,000 per month (an assumption: one community manager plus a hosted platform).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10⁹], NaN or infinite.</exception>
    public double CommunityFixedCostPerPeriod
    {
        get => _communityFixedCostPerPeriod;
        init => _communityFixedCostPerPeriod = Guard.InRange(value, 0, MaxMoney, nameof(CommunityFixedCostPerPeriod));
    }

    /// <summary>Variable cost per member per period (hosting, moderation, rewards), in money, [0, 10⁶]. Default 0.10
    /// (an assumption).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10⁶], NaN or infinite.</exception>
    public double CostPerMember
    {
        get => _costPerMember;
        init => _costPerMember = Guard.InRange(value, 0, MaxRate, nameof(CostPerMember));
    }

    /// <summary>One-off launch cost paid in period 1 (platform set-up, launch campaign), in money, [0, 10⁹]. Default
    /// 50,000 (an assumption).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10⁹], NaN or infinite.</exception>
    public double LaunchCost
    {
        get => _launchCost;
        init => _launchCost = Guard.InRange(value, 0, MaxMoney, nameof(LaunchCost));
    }

    /// <summary>w: optional word-of-mouth value per member per period (referrals, retention), in money, [0, 10⁶].
    /// Default 0 (support savings only, the conservative case).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 10⁶], NaN or infinite.</exception>
    public double WordOfMouthValuePerMember
    {
        get => _wordOfMouthValuePerMember;
        init => _wordOfMouthValuePerMember = Guard.InRange(value, 0, MaxRate, nameof(WordOfMouthValuePerMember));
    }

    /// <summary>Discount rate r per period for the net present value, in [0, 1]. Default 0.008 per month
    /// (≈ 10% a year, a common corporate hurdle rate; an assumption).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], NaN or infinite.</exception>
    public double DiscountRate
    {
        get => _discountRate;
        init => _discountRate = Guard.Probability(value, nameof(DiscountRate));
    }

    /// <summary>
    /// A copy whose Bass coefficients (p, q, M) are fitted to observed cumulative member counts with
    /// <see cref="BassModel.Fit"/>, and whose <see cref="ObservedMembers"/> is null, so that the community grows by
    /// the fitted curve over the whole <see cref="Horizon"/>.
    /// </summary>
    /// <param name="observedMembers">Members at the end of periods 1, 2, …, n (cumulative, non-decreasing), at least
    /// 4 periods.</param>
    /// <param name="method">The Bass estimator; default <see cref="BassEstimationMethod.NonlinearLeastSquares"/>
    /// (Srinivasan and Mason 1986).</param>
    /// <returns>The inputs with the fitted coefficients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observedMembers"/> is null.</exception>
    /// <exception cref="ArgumentException">The counts decrease, are negative or not finite, or admit no Bass fit
    /// (see <see cref="BassModel.Fit"/>; the parameter named is then <c>periodSales</c>, the per-period joiners), or
    /// the fitted q or M exceed the ranges of <see cref="BassImitation"/> or <see cref="MarketPotential"/>.</exception>
    public CommunityRoiInputs WithMemberGrowthFittedTo(IReadOnlyList<double> observedMembers, BassEstimationMethod method = BassEstimationMethod.NonlinearLeastSquares)
    {
        ArgumentNullException.ThrowIfNull(observedMembers);
        double[] joined = new double[observedMembers.Count];
        double previous = 0;
        for (int i = 0; i < joined.Length; i++)
        {
            double count = observedMembers[i];
            if (!double.IsFinite(count) || count < previous)
            {
                throw new ArgumentOutOfRangeException(nameof(observedMembers), count, $"{nameof(observedMembers)}[{i}] must be finite and at least the previous count {previous} (counts are cumulative); it was {count}.");
            }

            joined[i] = count - previous;
            previous = count;
        }

        BassFit fit = BassModel.Fit(joined, method);
        return this with
        {
            BassInnovation = fit.Model.P,
            BassImitation = fit.Model.Q,
            MarketPotential = fit.Model.M,
            ObservedMembers = null,
        };
    }

    /// <summary>Members N(t) at the end of period <paramref name="period"/> (1-based).</summary>
    internal double MembersAt(int period) => _observedMembers is { } observed
        ? observed[Math.Min(period, observed.Count) - 1]
        : _marketPotential * BassModel.Cumulative(_bassInnovation, _bassImitation, period);

    private static double ContributorShare(double value, double other, string name)
    {
        Guard.Probability(value, name);
        if (value + other > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} plus the other contributor share must not exceed 1 (h + l ≤ 1); it was {value} with {other}.");
        }

        return value;
    }
}
