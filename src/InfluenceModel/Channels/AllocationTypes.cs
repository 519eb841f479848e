using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>Lower and upper spend bounds for one channel (money per planning period). Immutable.</summary>
public sealed record SpendBounds
{
    /// <summary>Creates bounds [min, max].</summary>
    /// <param name="min">Smallest spend, finite and ≥ 0.</param>
    /// <param name="max">Largest spend, ≥ min; +∞ (the default) for no cap.</param>
    /// <exception cref="ArgumentOutOfRangeException">min is negative or not finite, max is NaN, or min &gt; max.</exception>
    public SpendBounds(double min, double max = double.PositiveInfinity)
    {
        Min = Guard.Amount(min, nameof(min));
        if (double.IsNaN(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max must be ≥ min ({min}); it was {max}.");
        }

        Max = max;
    }

    /// <summary>No bounds: [0, +∞).</summary>
    public static SpendBounds Unbounded { get; } = new(0);

    /// <summary>Smallest spend.</summary>
    public double Min { get; }

    /// <summary>Largest spend (may be +∞).</summary>
    public double Max { get; }
}

/// <summary>
/// What to allocate: the channels, the money to split across them as spend, optional per-channel bounds and locked
/// spends. Immutable; each property is validated when set.
/// </summary>
public sealed record AllocationRequest
{
    /// <summary>
    /// The channels to split the money across (their curves are maximised; their names and fixed costs are reported).
    /// The channels are already chosen: their fixed costs are not taken from <see cref="Budget"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">The list or one of its channels is null.</exception>
    public required IReadOnlyList<Channel> Channels
    {
        get;
        init => field = Guard.NoNullElements(value, nameof(Channels));
    }

    /// <summary>Money to split across the channels as spend (on top of their fixed costs), finite and ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public required double Budget
    {
        get;
        init => field = Guard.Amount(value, nameof(Budget));
    }

    /// <summary>
    /// Bounds per channel, by position in <see cref="Channels"/> (null list or null entry = [0, ∞)). When not null it
    /// must have one entry per channel (checked by the allocator, naming this property).
    /// </summary>
    public IReadOnlyList<SpendBounds?>? Bounds { get; init; }

    /// <summary>
    /// Channels whose spend is fixed (position in <see cref="Channels"/> → spend, finite and ≥ 0, inside that channel's
    /// bounds). Locked spend counts against <see cref="Budget"/> and is never moved.
    /// </summary>
    public IReadOnlyDictionary<int, double>? Locked { get; init; }

    /// <summary>
    /// Relative optimality tolerance for S-shaped curves: the search stops when (upper bound − best) ≤
    /// tolerance·max(1, |best|). Range [1e-12, 0.1]; default 1e-9. Concave problems are solved to machine precision.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [1e-12, 0.1].</exception>
    public double Tolerance
    {
        get;
        init => field = Guard.InRange(value, 1e-12, 0.1, nameof(Tolerance));
    } = 1e-9;
}

/// <summary>
/// One channel's share of an optimised split of a budget: the per-channel result of both <see cref="BudgetAllocator"/>
/// and <see cref="ChannelSelector"/>. Plain data.
/// </summary>
public sealed record ChannelAllocation
{
    /// <summary>The channel's name.</summary>
    public required string Name { get; init; }

    /// <summary>The channel's fixed cost (money), <see cref="Channel.FixedCost"/>.</summary>
    public required double FixedCost { get; init; }

    /// <summary>Spend allocated on top of the fixed cost (money), ≥ 0.</summary>
    public required double Spend { get; init; }

    /// <summary>Expected response f(spend), in the curve's outcome units.</summary>
    public required double Response { get; init; }

    /// <summary>
    /// Response per unit of money put into the channel, f(spend)/(fixed cost + spend); 0 when the channel costs
    /// nothing. Not an ROI: ROI would need a value per response unit, (value − cost)/cost.
    /// </summary>
    public required double ResponsePerSpend { get; init; }

    /// <summary>Response of the next unit of spend, f'(spend) (may be +∞ at 0 for a Hill slope below 1).</summary>
    public required double MarginalResponse { get; init; }
}

/// <summary>An optimal split of a budget across channels.</summary>
public sealed record Allocation
{
    /// <summary>Per channel: spend, response, response per spend and marginal response, in the request's order.</summary>
    public required IReadOnlyList<ChannelAllocation> Channels { get; init; }

    /// <summary>Σ_i f_i(spend_i).</summary>
    public required double TotalResponse { get; init; }

    /// <summary>Σ_i spend_i (fixed costs not included); below the budget only when every channel is at its upper bound.</summary>
    public required double TotalSpend { get; init; }

    /// <summary>Budget left because every channel reached its upper bound (0 otherwise).</summary>
    public required double Unspent { get; init; }

    /// <summary>
    /// Proven relative gap (upper bound − TotalResponse)/max(1, TotalResponse) at termination; ≤ the request's
    /// tolerance unless the node limit was hit.
    /// </summary>
    public required double OptimalityGap { get; init; }

    /// <summary>Branch-and-bound nodes solved (1 for concave problems).</summary>
    public required int NodesExplored { get; init; }
}

/// <summary>Splits a budget across channels to maximise the total response (host-app face of <see cref="BudgetAllocator"/>).</summary>
public interface IBudgetAllocator
{
    /// <summary>See <see cref="BudgetAllocator.Allocate"/>.</summary>
    /// <param name="request">Channels, budget, bounds, locked channels.</param>
    /// <param name="progress">Receives branch-and-bound progress; null for none.</param>
    /// <param name="cancellationToken">Cancels a long branch and bound.</param>
    /// <returns>The optimal allocation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">Bounds/locked do not match the channels, or the minimums exceed the budget.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    Allocation Allocate(AllocationRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="IBudgetAllocator"/> registered for host apps: forwards to <see cref="BudgetAllocator.Allocate"/>.</summary>
internal sealed class BudgetAllocatorService : IBudgetAllocator
{
    public Allocation Allocate(AllocationRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        BudgetAllocator.Allocate(request, progress, cancellationToken);
}
