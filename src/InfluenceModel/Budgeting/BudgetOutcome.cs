namespace InfluenceModel.Budgeting;

/// <summary>
/// The distribution of a policy's annual value over the simulated years, in the strategy's KPI unit. Plain data.
/// </summary>
/// <remarks>
/// Means over the simulated years are <see cref="Estimate"/>s (mean, standard error, count, 95% interval). Quantiles
/// use MathNet's default (R-8, approximately median-unbiased) estimator on the sorted sample. The conditional value
/// at risk is the mean of the worst ⌈0.05·n⌉ years (higher value is better, so the lower tail).
/// </remarks>
public sealed record BudgetOutcome
{
    /// <summary>The policy's display name.</summary>
    public required string Policy { get; init; }

    /// <summary>The reserve share the policy used.</summary>
    public required double ReserveShare { get; init; }

    /// <summary>
    /// Annual value (KPI units): committed value + value of the flexible money, averaged over the simulated years
    /// (<see cref="Estimate.Count"/> = years simulated).
    /// </summary>
    public required Estimate Value { get; init; }

    /// <summary>Sample standard deviation of the annual value across years.</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>5th percentile of the annual value.</summary>
    public required double P5 { get; init; }

    /// <summary>Median annual value.</summary>
    public required double P50 { get; init; }

    /// <summary>95th percentile of the annual value.</summary>
    public required double P95 { get; init; }

    /// <summary>Mean value of the worst 5% of years (CVaR at 5%).</summary>
    public required double ConditionalValueAtRisk5 { get; init; }

    /// <summary>Opportunities taken per year.</summary>
    public required Estimate OpportunitiesCaptured { get; init; }

    /// <summary>Flexible money left unspent (and lost) at year end, in currency units.</summary>
    public required Estimate UnspentAtYearEnd { get; init; }

    /// <summary>
    /// Regret against the clairvoyant with the same flexible money (KPI units, ≥ 0): the hindsight fractional
    /// knapsack bound minus the policy's flexible value (an upper bound on the true regret; see <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/budgeting.md">docs/models/budgeting.md</see>).
    /// </summary>
    public required Estimate RegretVsClairvoyant { get; init; }
}

/// <summary>The paired difference of one policy against the baseline (the first policy of a comparison).</summary>
public sealed record PolicyDifference
{
    /// <summary>The policy's display name.</summary>
    public required string Policy { get; init; }

    /// <summary>The baseline policy's display name.</summary>
    public required string Baseline { get; init; }

    /// <summary>
    /// Policy value − baseline value (KPI units) over the same years; its standard error is small because the years
    /// are common random numbers.
    /// </summary>
    public required Estimate Difference { get; init; }
}

/// <summary>Outcomes of several policies on the same simulated years, with paired differences against the first.</summary>
public sealed record BudgetComparison
{
    /// <summary>One outcome per policy, in the order given.</summary>
    public required IReadOnlyList<BudgetOutcome> Outcomes { get; init; }

    /// <summary>Paired differences of policies 2 … n against policy 1.</summary>
    public required IReadOnlyList<PolicyDifference> Differences { get; init; }
}

/// <summary>What <see cref="BudgetSimulator.Simulate"/> evaluates: a plan, the opportunities and one policy. Immutable.</summary>
public sealed record BudgetSimulationRequest
{
    /// <summary>The plan.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public required BudgetPlan Plan
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Plan));
    }

    /// <summary>The opportunity process (its seasonality, if any, must have one multiplier per plan period).</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public required OpportunityProcess Opportunities
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Opportunities));
    }

    /// <summary>The policy.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public required BudgetPolicy Policy
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Policy));
    }
}

/// <summary>What <see cref="BudgetSimulator.Compare"/> evaluates: a plan, the opportunities and several policies. Immutable.</summary>
public sealed record BudgetComparisonRequest
{
    /// <summary>The plan.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public required BudgetPlan Plan
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Plan));
    }

    /// <summary>The opportunity process (its seasonality, if any, must have one multiplier per plan period).</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public required OpportunityProcess Opportunities
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Opportunities));
    }

    /// <summary>At least one policy, none null; the first is the baseline of the paired differences.</summary>
    /// <exception cref="ArgumentNullException">The list or a policy is null.</exception>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public required IReadOnlyList<BudgetPolicy> Policies
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Policies));
            if (value.Count == 0)
            {
                throw new ArgumentException("Policies must hold at least one policy.", nameof(Policies));
            }

            for (int k = 0; k < value.Count; k++)
            {
                if (value[k] is null)
                {
                    throw new ArgumentNullException(nameof(Policies), $"Policies[{k}] is null.");
                }
            }

            field = value;
        }
    }
}
