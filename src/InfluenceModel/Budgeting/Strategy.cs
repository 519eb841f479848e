namespace InfluenceModel.Budgeting;

/// <summary>
/// What a budget is for: the objective, the audience it must reach and the KPI that measures success. "You can't have
/// a budget without a strategy": a <see cref="BudgetPlan"/> can only be built from one (see <see cref="BudgetPlanBuilder"/>).
/// Immutable and thread-safe.
/// </summary>
public sealed record Strategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="objective">What the spend should achieve, e.g. "grow trial among first-time buyers". Not blank.</param>
    /// <param name="audience">Who it must reach, e.g. "UK parents of under-5s". Not blank.</param>
    /// <param name="kpi">The key performance indicator the value model is denominated in, e.g. "incremental gross margin (GBP)". Not blank.</param>
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public Strategy(string objective, string audience, string kpi)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objective);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        ArgumentException.ThrowIfNullOrWhiteSpace(kpi);
        Objective = objective;
        Audience = audience;
        Kpi = kpi;
    }

    /// <summary>What the spend should achieve.</summary>
    public string Objective { get; }

    /// <summary>Who the spend must reach.</summary>
    public string Audience { get; }

    /// <summary>The key performance indicator; every value the budgeting models report is in its unit.</summary>
    public string Kpi { get; }
}
