using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// The campaign's money: the annual budget, the share kept in reserve for opportunities, the cap on paid channels,
/// the value of an adoption and the reserve's hurdle rate. Immutable; each property is validated when it is set.
/// </summary>
public sealed record CampaignBudget
{
    /// <summary>Annual (campaign) budget, money: 0 or in [1e-9, 1e15] (<see cref="NumericLimits"/>). Default 500,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public double AnnualTotal
    {
        get;
        init => field = Guard.ZeroOrScale(value, nameof(AnnualTotal));
    } = 500_000;

    /// <summary>Share of the budget kept uncommitted for opportunities, in [0, 1]. Default 0.2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], NaN or infinite.</exception>
    public double ReserveShare
    {
        get;
        init => field = Guard.Probability(value, nameof(ReserveShare));
    } = 0.2;

    /// <summary>At most this many paid channels ("don't do it all at once"), 1 to 1,000 and at most the candidates. Default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 1,000.</exception>
    public int MaxChannels
    {
        get;
        init => field = Guard.InRange(value, 1, 1000, nameof(MaxChannels));
    } = 3;

    /// <summary>Value of one adoption (money, in [0, 1e15], <see cref="NumericLimits.MaxAmount"/>): the contribution margin of a new customer. Default 150.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public double ValuePerAdoption
    {
        get;
        init => field = Guard.Amount(value, nameof(ValuePerAdoption));
    } = 150;

    /// <summary>Hurdle rate an opportunity must clear to be funded from the reserve, finite and ≥ 0. Default 0.1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public double HurdleRate
    {
        get;
        init => field = Guard.Rate(value, nameof(HurdleRate));
    } = 0.1;

    /// <summary>The committed (non-reserve) money: AnnualTotal × (1 − ReserveShare).</summary>
    public double Committed => AnnualTotal * (1 - ReserveShare);
}
