using InfluenceModel.Internal;

namespace InfluenceModel.Budgeting;

/// <summary>
/// Builds a <see cref="BudgetPlan"/>. Mutable and not thread-safe; <see cref="Build"/> validates everything and
/// returns an immutable plan. A plan needs a strategy: <see cref="Build"/> throws
/// <see cref="InvalidOperationException"/> when <see cref="ForStrategy"/> was not called.
/// </summary>
/// <example>
/// <code>
/// var plan = new BudgetPlanBuilder()
///     .ForStrategy(new Strategy("grow trial", "first-time buyers", "gross margin (EUR)"))
///     .WithAnnualTotal(1_000_000).WithPeriods(52).WithReserveShare(0.15)
///     .Commit("search", 1.3, Enumerable.Repeat(1.0, 52).ToArray())
///     .Build();
/// </code>
/// </example>
public sealed class BudgetPlanBuilder
{
    private readonly List<(string Name, double Multiple, double[] Allocation, FirstImpressionRisk? Risk)> _channels = [];
    private Strategy? _strategy;
    private double _annualTotal;
    private int _periods = 52;
    private double _reserveShare;
    private bool _allowUnallocated;

    /// <summary>Sets the strategy the budget serves (required).</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="strategy"/> is null.</exception>
    public BudgetPlanBuilder ForStrategy(Strategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        _strategy = strategy;
        return this;
    }

    /// <summary>Sets the annual total in currency units (finite, ≥ 0; default 0).</summary>
    /// <param name="annualTotal">The annual total.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualTotal"/> is negative, NaN or infinite.</exception>
    public BudgetPlanBuilder WithAnnualTotal(double annualTotal)
    {
        _annualTotal = Guard.Amount(annualTotal);
        return this;
    }

    /// <summary>Sets the number of periods in the year, 1 to 10,000 (default 52 weeks).</summary>
    /// <param name="periods">The number of periods.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is outside 1 to 10,000.</exception>
    public BudgetPlanBuilder WithPeriods(int periods)
    {
        _periods = Guard.InRange(periods, 1, 10_000);
        return this;
    }

    /// <summary>Sets the reserve share ρ in [0, 1] (default 0: everything committed).</summary>
    /// <param name="reserveShare">The share of the annual total kept uncommitted.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reserveShare"/> is outside [0, 1] or NaN.</exception>
    public BudgetPlanBuilder WithReserveShare(double reserveShare)
    {
        _reserveShare = Guard.Probability(reserveShare);
        return this;
    }

    /// <summary>Adds a channel with its return multiple and its allocation per period.</summary>
    /// <param name="name">Channel name, unique within the plan.</param>
    /// <param name="returnMultiple">KPI units earned per currency unit committed (finite, ≥ 0).</param>
    /// <param name="allocation">One finite, non-negative allocation per period (currency or relative weights); its length must equal the number of periods at <see cref="Build"/>.</param>
    /// <param name="firstImpression">The launch risk when the channel is new to the brand; null when it is not.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or already used.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The multiple or an allocation is negative, NaN or infinite.</exception>
    public BudgetPlanBuilder Commit(string name, double returnMultiple, IReadOnlyList<double> allocation, FirstImpressionRisk? firstImpression = null) =>
        CommitCore(name, Guard.Rate(returnMultiple), allocation, firstImpression);

    /// <summary>
    /// Commits a channel whose multiple the library measured (a campaign's value per adoption × attributed adopters /
    /// spend): finite and ≥ 0 but not capped at <see cref="NumericLimits.MaxRate"/>, since a user never typed it; within
    /// the declared bounds it is at most MaxAmount × MaxConsumers / MinScale ≈ 1e31, so every product stays finite.
    /// </summary>
    internal BudgetPlanBuilder CommitMeasured(string name, double returnMultiple, IReadOnlyList<double> allocation) =>
        CommitCore(name, Guard.NonNegative(returnMultiple, nameof(returnMultiple)), allocation, null);

    private BudgetPlanBuilder CommitCore(string name, double returnMultiple, IReadOnlyList<double> allocation, FirstImpressionRisk? firstImpression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Guard.AllAmounts(allocation);
        foreach (var channel in _channels)
        {
            if (channel.Name == name)
            {
                throw new ArgumentException($"Channel '{name}' is already in the plan; channel names must be unique.", nameof(name));
            }
        }

        _channels.Add((name, returnMultiple, [.. allocation], firstImpression));
        return this;
    }

    /// <summary>
    /// Accepts a plan whose channels get nothing while money is committed: a campaign whose planning could place no
    /// spend (a committed budget of 1e-9 buys no channel) leaves that money unspent, which is what the plan then says.
    /// A user's plan keeps the check (a missing channel is a mistake there).
    /// </summary>
    internal BudgetPlanBuilder AllowUnallocated()
    {
        _allowUnallocated = true;
        return this;
    }

    /// <summary>Validates and builds the plan.</summary>
    /// <returns>The immutable plan.</returns>
    /// <exception cref="InvalidOperationException">No strategy was given: a budget needs a strategy.</exception>
    /// <exception cref="ArgumentException">There is no channel while money is committed, an allocation's length differs from the number of periods, or every allocation is 0 while money is committed.</exception>
    public BudgetPlan Build()
    {
        if (_strategy is null)
        {
            throw new InvalidOperationException(
                "A budget needs a strategy: call ForStrategy(new Strategy(objective, audience, kpi)) before Build(). You can't have a budget without a strategy.");
        }

        var channels = new BudgetChannel[_channels.Count];
        for (int c = 0; c < channels.Length; c++)
        {
            var (name, multiple, allocation, risk) = _channels[c];
            if (allocation.Length != _periods)
            {
                throw new ArgumentException(
                    $"The allocation of channel '{name}' has {allocation.Length} periods; the plan has {_periods}.", "allocation");
            }

            channels[c] = new BudgetChannel(name, multiple, allocation, risk);
        }

        var plan = new BudgetPlan(_strategy, _annualTotal, _periods, _reserveShare, channels);
        if (plan.AllocationSum <= 0 && _reserveShare < 1 && _annualTotal > 0 && !_allowUnallocated)
        {
            throw new ArgumentException(
                "The plan commits (1 − reserve share) × annual total > 0 but no channel has a positive allocation; add a channel or set the reserve share to 1.",
                "allocation");
        }

        return plan;
    }
}
