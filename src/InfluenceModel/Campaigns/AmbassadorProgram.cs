using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// The employee brand-ambassador program: <see cref="Count"/> ambassadors chosen among <see cref="Employees"/> employees
/// by influence maximization, each costing <see cref="CostPerAmbassadorPerPeriod"/> per period. Immutable; each property
/// is validated when it is set; the campaign builder checks Count ≤ Employees ≤ consumers and that the program fits the
/// committed budget.
/// </summary>
public sealed record AmbassadorProgram
{
    /// <summary>The name of the program's line in the campaign's budget plan; no channel may use it.</summary>
    public const string BudgetLine = "ambassador program";

    /// <summary>No ambassadors.</summary>
    public static AmbassadorProgram None { get; } = new() { Count = 0 };

    /// <summary>Number of ambassadors k, ≥ 0 (0 = no program). Default 25.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int Count
    {
        get;
        init => field = Guard.NonNegative(value, nameof(Count));
    } = 25;

    /// <summary>Employees among the consumers (the candidate pool), Count ≤ Employees ≤ consumers. Default 300.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int Employees
    {
        get;
        init => field = Guard.NonNegative(value, nameof(Employees));
    } = 300;

    /// <summary>Cost per ambassador per period (money: 0 or in [1e-9, 1e15], <see cref="NumericLimits"/>): time, training, material. Default 400.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public double CostPerAmbassadorPerPeriod
    {
        get;
        init => field = Guard.ZeroOrScale(value, nameof(CostPerAmbassadorPerPeriod));
    } = 400;

    /// <summary>Cost of the program per period: Count × CostPerAmbassadorPerPeriod.</summary>
    public double CostPerPeriod => Count * CostPerAmbassadorPerPeriod;
}
