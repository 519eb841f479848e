namespace InfluenceModel.Budgeting;

/// <summary>
/// One channel of a <see cref="BudgetPlan"/>: its return multiple and its committed allocation per period. Built by
/// <see cref="BudgetPlanBuilder.Commit"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Value model: one currency unit committed to the channel in period t earns <see cref="ReturnMultiple"/> × f(t) KPI
/// units, where f(t) = 1 − depression while a failed launch depresses the channel (<see cref="FirstImpression"/>) and 1
/// otherwise. The return is linear (a documented constant return multiple per channel, as in a media plan's planning
/// ROI), so that moving money between channels has a well-defined marginal return.
/// </remarks>
public sealed record BudgetChannel
{
    internal BudgetChannel(string name, double returnMultiple, double[] allocation, FirstImpressionRisk? firstImpression)
    {
        Name = name;
        ReturnMultiple = returnMultiple;
        Allocation = Array.AsReadOnly(allocation);
        FirstImpression = firstImpression;
        LaunchPeriod = Array.FindIndex(allocation, a => a > 0);
        if (LaunchPeriod < 0)
        {
            LaunchPeriod = allocation.Length;
        }
    }

    /// <summary>The channel name (unique within a plan).</summary>
    public string Name { get; }

    /// <summary>KPI units earned per currency unit committed (≥ 0), before first-impression depression.</summary>
    public double ReturnMultiple { get; }

    /// <summary>
    /// The planned allocation per period, as entered (currency or any relative weights). The plan rescales all
    /// allocations together so that the committed money equals (1 − reserve share) × annual total.
    /// </summary>
    public IReadOnlyList<double> Allocation { get; }

    /// <summary>The first-impression risk of launching this channel, or null when the channel is not new.</summary>
    public FirstImpressionRisk? FirstImpression { get; }

    /// <summary>The launch period: the first period with a positive allocation (the number of periods when none).</summary>
    public int LaunchPeriod { get; }
}
