using InfluenceModel.Internal;

namespace InfluenceModel.Budgeting;

/// <summary>
/// How a budget holder uses the flexible money during the year. Every policy runs on the same simulated years (common
/// random numbers); what differs is the reserve it keeps and how it decides on opportunities. The concrete policies
/// are <see cref="AnnualFixedPolicy"/>, <see cref="ReservePolicy"/>, <see cref="RollingReforecastPolicy"/> and
/// <see cref="StochasticKnapsackPolicy"/>. Immutable and thread-safe.
/// </summary>
public abstract record BudgetPolicy
{
    private protected BudgetPolicy()
    {
    }

    /// <summary>A short display name, e.g. "reserve 15%, hurdle 0.2".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The reserve share this policy keeps uncommitted, or null to use the plan's <see cref="BudgetPlan.ReserveShare"/>.
    /// </summary>
    public abstract double? ReserveShare { get; }

    /// <summary>The reserve share used on <paramref name="plan"/>.</summary>
    internal double EffectiveReserveShare(BudgetPlan plan) => ReserveShare ?? plan.ReserveShare;

    /// <summary>Builds the per-run decision kernel (dynamic-programming tables etc.) for a plan model.</summary>
    internal abstract PolicyKernel CreateKernel(PlanModel model, CancellationToken cancellationToken);
}

/// <summary>
/// Everything committed up front (reserve 0): no opportunity is ever taken, and the value is the committed plan's.
/// </summary>
public sealed record AnnualFixedPolicy : BudgetPolicy
{
    /// <inheritdoc/>
    public override string Name => "annual fixed";

    /// <summary>Always 0: the annual-fixed policy commits everything.</summary>
    public override double? ReserveShare => 0;

    internal override PolicyKernel CreateKernel(PlanModel model, CancellationToken cancellationToken) => new NeverKernel();

    private sealed class NeverKernel : PolicyKernel
    {
        public override bool Accept(YearRun run, int period, double time, double cost, double multiple) => false;
    }
}

/// <summary>
/// A fixed reserve with a hurdle rate: keep ρ·B uncommitted and accept an opportunity, first come first served, when its
/// value multiple V ≥ 1 + hurdle and its cost fits in the money left. Unspent reserve is lost at year end.
/// </summary>
public sealed record ReservePolicy : BudgetPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="reserveShare">The reserve share ρ in [0, 1].</param>
    /// <param name="hurdleRate">The hurdle rate h ≥ 0 (finite): the least return (V − 1) an opportunity must promise.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reserveShare"/> is outside [0, 1], <paramref name="hurdleRate"/> is negative, or either is NaN or infinite.</exception>
    public ReservePolicy(double reserveShare, double hurdleRate)
    {
        Share = Guard.Probability(reserveShare);
        HurdleRate = Guard.Rate(hurdleRate);
    }

    /// <summary>The reserve share ρ in [0, 1].</summary>
    public double Share { get; }

    /// <summary>The hurdle rate h ≥ 0: accept when V ≥ 1 + h.</summary>
    public double HurdleRate { get; }

    /// <inheritdoc/>
    public override double? ReserveShare => Share;

    /// <inheritdoc/>
    public override string Name => FormattableString.Invariant($"reserve {Share:P0}, hurdle {HurdleRate:0.##}");

    internal override PolicyKernel CreateKernel(PlanModel model, CancellationToken cancellationToken) => new HurdleKernel(1 + HurdleRate);

    private sealed class HurdleKernel(double minimumMultiple) : PolicyKernel
    {
        public override bool Accept(YearRun run, int period, double time, double cost, double multiple) => multiple >= minimumMultiple;
    }
}

/// <summary>
/// Rolling re-forecast: every k periods the money held beyond the pro-rata reserve for the rest of the year,
/// ρ·B·(T − t)/T, is committed to the channel with the best known marginal return for the remaining periods; between
/// re-forecasts an opportunity is accepted when its value multiple is at least that best marginal return (its
/// opportunity cost). Money left after the last re-forecast and not spent is lost at year end.
/// </summary>
public sealed record RollingReforecastPolicy : BudgetPolicy
{
    private readonly double? _reserveShare;

    /// <summary>Creates the policy.</summary>
    /// <param name="everyPeriods">Periods between re-forecasts, ≥ 1 (e.g. 13 for quarterly with weekly periods).</param>
    /// <param name="reserveShare">The reserve share in [0, 1], or null (default) for the plan's.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="everyPeriods"/> is below 1, or <paramref name="reserveShare"/> is outside [0, 1] or NaN.</exception>
    public RollingReforecastPolicy(int everyPeriods, double? reserveShare = null)
    {
        EveryPeriods = Guard.Positive(everyPeriods);
        _reserveShare = reserveShare is { } r ? Guard.Probability(r, nameof(reserveShare)) : null;
    }

    /// <summary>Periods between re-forecasts (≥ 1).</summary>
    public int EveryPeriods { get; }

    /// <inheritdoc/>
    public override double? ReserveShare => _reserveShare;

    /// <inheritdoc/>
    public override string Name => FormattableString.Invariant($"rolling re-forecast every {EveryPeriods}");

    internal override PolicyKernel CreateKernel(PlanModel model, CancellationToken cancellationToken) => new ReforecastKernel(model, EveryPeriods);

    private sealed class ReforecastKernel(PlanModel model, int every) : PolicyKernel
    {
        public override void OnPeriodStart(YearRun run, int period)
        {
            if (period > 0 && period % every == 0)
            {
                double target = model.FlexibleAmount * (model.Periods - period) / model.Periods;
                double excess = run.Pool - target;
                if (excess > 0)
                {
                    run.CommitToBestChannel(excess);
                }
            }
        }

        public override bool Accept(YearRun run, int period, double time, double cost, double multiple) => multiple >= run.BestKnownMultiple;
    }
}

/// <summary>
/// The dynamic and stochastic knapsack policy (Kleywegt and Papastavrou 1998): accept an opportunity of cost c and value
/// c·V when c·V ≥ W(s+1, b) − W(s+1, b − ⌈c/u⌉), the marginal value of the budget it uses, where W is the optimal
/// expected value-to-go computed by dynamic programming over the remaining budget (discretised in units u = ρ·B/K) and
/// the remaining time (each period split into S steps with at most one arrival). At the start of each period the policy
/// may also commit money to the best channel when that is worth more than keeping it (the same option the re-forecast
/// policy uses), so it is optimal in a class that contains the other policies.
/// </summary>
/// <remarks>
/// Reference: A. J. Kleywegt and J. D. Papastavrou (1998), "The dynamic and stochastic knapsack problem", Operations
/// Research 46(1):17–35. The DP is exact for the discretised model; with decision windows longer than one period the
/// threshold is re-applied to open opportunities at each period start (a heuristic).
/// </remarks>
public sealed record StochasticKnapsackPolicy : BudgetPolicy
{
    private readonly double? _reserveShare;

    /// <summary>Creates the policy.</summary>
    /// <param name="reserveShare">The reserve share in [0, 1], or null (default) for the plan's.</param>
    /// <param name="budgetUnits">K, the number of budget units of the DP grid, 1 to 10,000 (default 200).</param>
    /// <param name="stepsPerPeriod">S, DP steps per period, 1 to 64, or 0 (default) for ⌈2·max λ(t)⌉ capped to 1 … 16.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public StochasticKnapsackPolicy(double? reserveShare = null, int budgetUnits = 200, int stepsPerPeriod = 0)
    {
        _reserveShare = reserveShare is { } r ? Guard.Probability(r, nameof(reserveShare)) : null;
        BudgetUnits = Guard.InRange(budgetUnits, 1, 10_000);
        StepsPerPeriod = Guard.InRange(stepsPerPeriod, 0, 64);
    }

    /// <summary>K, the number of budget units of the DP grid.</summary>
    public int BudgetUnits { get; }

    /// <summary>S, DP steps per period (0 = automatic).</summary>
    public int StepsPerPeriod { get; }

    /// <inheritdoc/>
    public override double? ReserveShare => _reserveShare;

    /// <inheritdoc/>
    public override string Name => "stochastic knapsack";

    internal override PolicyKernel CreateKernel(PlanModel model, CancellationToken cancellationToken) =>
        KnapsackKernel.Create(model, BudgetUnits, StepsPerPeriod, cancellationToken);
}
