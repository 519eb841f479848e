using InfluenceModel.Internal;

namespace InfluenceModel.Budgeting;

/// <summary>
/// An annual budget plan: a <see cref="Budgeting.Strategy"/>, an annual total, a number of periods, the committed
/// allocation per channel and period, and the reserve share kept uncommitted for in-year opportunities. Build one with
/// <see cref="BudgetPlanBuilder"/>; a plan cannot exist without a strategy. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Committed money in channel c and period t is A(c,t) = (1 − ρ)·B·a(c,t)/Σa, where B is <see cref="AnnualTotal"/>,
/// ρ is <see cref="ReserveShare"/> and a the allocations as entered: the allocations give the shape of the plan, the
/// total and the reserve share its scale. The flexible (uncommitted) money is ρ·B.
/// </remarks>
public sealed class BudgetPlan
{

    internal BudgetPlan(Strategy strategy, double annualTotal, int periods, double reserveShare, BudgetChannel[] channels)
    {
        Strategy = strategy;
        AnnualTotal = annualTotal;
        Periods = periods;
        ReserveShare = reserveShare;
        Channels = Array.AsReadOnly(channels);
        double sum = 0;
        foreach (var channel in channels)
        {
            foreach (double a in channel.Allocation)
            {
                sum += a;
            }
        }

        AllocationSum = sum;
    }

    /// <summary>Σ over channels and periods of the allocation weights a(c, t) (the committed money is split by a/Σa).</summary>
    internal double AllocationSum { get; }

    /// <summary>The strategy the budget serves.</summary>
    public Strategy Strategy { get; }

    /// <summary>The annual total B in currency units (≥ 0).</summary>
    public double AnnualTotal { get; }

    /// <summary>The number of planning periods T in the year (e.g. 52 weeks, 12 months), 1 to 10,000.</summary>
    public int Periods { get; }

    /// <summary>The reserve share ρ in [0, 1]: the share of <see cref="AnnualTotal"/> kept uncommitted.</summary>
    public double ReserveShare { get; }

    /// <summary>The channels with their return multiples and allocations.</summary>
    public IReadOnlyList<BudgetChannel> Channels { get; }

    /// <summary>The flexible money ρ·B in currency units.</summary>
    public double FlexibleAmount => ReserveShare * AnnualTotal;

    /// <summary>The committed money in <paramref name="channel"/> and <paramref name="period"/>, (1 − ρ)·B·a(c,t)/Σa.</summary>
    /// <param name="channel">Channel index, 0 to <see cref="Channels"/>.Count − 1.</param>
    /// <param name="period">Period index, 0 to <see cref="Periods"/> − 1.</param>
    /// <returns>Currency units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public double CommittedAmount(int channel, int period)
    {
        Guard.InRange(channel, 0, Channels.Count - 1);
        Guard.InRange(period, 0, Periods - 1);
        return AllocationSum == 0 ? 0 : (1 - ReserveShare) * AnnualTotal * Channels[channel].Allocation[period] / AllocationSum;
    }

    /// <summary>The same plan with another reserve share; the allocations keep their shape and are rescaled.</summary>
    /// <param name="reserveShare">The new reserve share in [0, 1].</param>
    /// <returns>A new plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reserveShare"/> is outside [0, 1] or NaN.</exception>
    public BudgetPlan WithReserveShare(double reserveShare)
    {
        Guard.Probability(reserveShare);
        return new BudgetPlan(Strategy, AnnualTotal, Periods, reserveShare, [.. Channels]);
    }
}
