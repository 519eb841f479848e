namespace InfluenceModel.Budgeting;

/// <summary>
/// The distribution of a policy's annual value over the simulated years, in the strategy's KPI unit. Plain data.
/// </summary>
/// <remarks>
/// Quantiles use MathNet's default (R-8, approximately median-unbiased) estimator on the sorted sample. The
/// conditional value at risk is the mean of the worst ⌈0.05·n⌉ years (higher value is better, so the lower tail).
/// </remarks>
public sealed record BudgetOutcome
{
    /// <summary>The policy's display name.</summary>
    public required string Policy { get; init; }

    /// <summary>The reserve share the policy used.</summary>
    public required double ReserveShare { get; init; }

    /// <summary>Number of simulated years.</summary>
    public required int Simulations { get; init; }

    /// <summary>Mean annual value (KPI units): committed value + value of the flexible money.</summary>
    public required double Mean { get; init; }

    /// <summary>Standard error of <see cref="Mean"/>, s/√n.</summary>
    public required double StandardError { get; init; }

    /// <summary>95% normal confidence interval of the mean.</summary>
    public required ConfidenceInterval Interval { get; init; }

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

    /// <summary>Mean number of opportunities taken per year.</summary>
    public required double OpportunitiesCaptured { get; init; }

    /// <summary>Mean flexible money left unspent (and lost) at year end, in currency units.</summary>
    public required double UnspentAtYearEnd { get; init; }

    /// <summary>
    /// Mean regret against the clairvoyant with the same flexible money (KPI units, ≥ 0): the hindsight fractional
    /// knapsack bound minus the policy's flexible value (an upper bound on the true regret; see docs/models/budgeting.md).
    /// </summary>
    public required double RegretVsClairvoyant { get; init; }
}

/// <summary>The paired difference of one policy against the baseline (the first policy of a comparison).</summary>
public sealed record PolicyDifference
{
    /// <summary>The policy's display name.</summary>
    public required string Policy { get; init; }

    /// <summary>The baseline policy's display name.</summary>
    public required string Baseline { get; init; }

    /// <summary>Mean over years of (policy value − baseline value), KPI units.</summary>
    public required double MeanDifference { get; init; }

    /// <summary>Standard error of the paired difference (common random numbers make it small).</summary>
    public required double StandardError { get; init; }

    /// <summary>95% normal confidence interval of the mean difference.</summary>
    public required ConfidenceInterval Interval { get; init; }
}

/// <summary>Outcomes of several policies on the same simulated years, with paired differences against the first.</summary>
public sealed record BudgetComparison
{
    /// <summary>One outcome per policy, in the order given.</summary>
    public required IReadOnlyList<BudgetOutcome> Outcomes { get; init; }

    /// <summary>Paired differences of policies 2 … n against policy 1.</summary>
    public required IReadOnlyList<PolicyDifference> Differences { get; init; }
}
