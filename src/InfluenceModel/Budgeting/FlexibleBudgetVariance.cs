using InfluenceModel.Internal;

namespace InfluenceModel.Budgeting;

/// <summary>
/// The management-accounting flexible budget of a cost line (Horngren, Datar and Rajan, "Cost Accounting: A Managerial
/// Emphasis", ch. 7): the budget restated at the actual activity, fixed + variable × actual volume, and the split of
/// the static-budget variance into the flexible-budget variance (spending/efficiency at actual volume) and the
/// sales-volume variance (due to the volume differing from plan). Immutable.
/// </summary>
/// <remarks>
/// Static budget S = F + v·Q_b; flexible budget X = F + v·Q_a; actual A. Flexible-budget variance A − X; sales-volume
/// variance X − S; static-budget variance A − S = (A − X) + (X − S). For a cost line a positive variance is
/// unfavourable (more was spent).
/// </remarks>
public sealed record FlexibleBudgetVariance
{
    /// <summary>Creates the variance analysis.</summary>
    /// <param name="fixedCost">Budgeted fixed cost F (currency, finite, ≥ 0).</param>
    /// <param name="variableCostPerUnit">Budgeted variable cost v per unit of activity (currency per unit, finite, ≥ 0).</param>
    /// <param name="budgetedVolume">Planned activity Q_b (units, e.g. impressions or campaigns; finite, ≥ 0).</param>
    /// <param name="actualVolume">Actual activity Q_a (units; finite, ≥ 0).</param>
    /// <param name="actualCost">Actual cost A (currency; finite, ≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, NaN or infinite.</exception>
    public FlexibleBudgetVariance(double fixedCost, double variableCostPerUnit, double budgetedVolume, double actualVolume, double actualCost)
    {
        FixedCost = Guard.Amount(fixedCost);
        VariableCostPerUnit = Guard.Amount(variableCostPerUnit);
        BudgetedVolume = Guard.Amount(budgetedVolume);
        ActualVolume = Guard.Amount(actualVolume);
        ActualCost = Guard.Amount(actualCost);
    }

    /// <summary>Budgeted fixed cost F.</summary>
    public double FixedCost { get; }

    /// <summary>Budgeted variable cost v per unit.</summary>
    public double VariableCostPerUnit { get; }

    /// <summary>Planned activity Q_b.</summary>
    public double BudgetedVolume { get; }

    /// <summary>Actual activity Q_a.</summary>
    public double ActualVolume { get; }

    /// <summary>Actual cost A.</summary>
    public double ActualCost { get; }

    /// <summary>The static budget S = F + v·Q_b.</summary>
    public double StaticBudget => FixedCost + (VariableCostPerUnit * BudgetedVolume);

    /// <summary>The flexible budget X = F + v·Q_a (the budget restated at actual volume).</summary>
    public double FlexibleBudget => FixedCost + (VariableCostPerUnit * ActualVolume);

    /// <summary>The flexible-budget variance A − X (positive = over-spent at actual volume, unfavourable).</summary>
    public double FlexibleBudgetVarianceAmount => ActualCost - FlexibleBudget;

    /// <summary>The sales-volume variance X − S = v·(Q_a − Q_b).</summary>
    public double SalesVolumeVariance => FlexibleBudget - StaticBudget;

    /// <summary>The static-budget variance A − S, equal to <see cref="FlexibleBudgetVarianceAmount"/> + <see cref="SalesVolumeVariance"/>.</summary>
    public double StaticBudgetVariance => ActualCost - StaticBudget;
}
