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
        Min = Guard.NonNegative(min, nameof(min));
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

/// <summary>What to allocate: the total budget, optional per-channel bounds, optional locked spends. Immutable.</summary>
public sealed record AllocationRequest
{
    /// <summary>Total money to split across the channels, finite and ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public required double TotalBudget
    {
        get;
        init => field = Guard.NonNegative(value, nameof(TotalBudget));
    }

    /// <summary>
    /// Bounds per channel, by curve index (null list or null entry = [0, ∞)). When not null it must have one entry
    /// per curve.
    /// </summary>
    public IReadOnlyList<SpendBounds?>? Bounds { get; init; }

    /// <summary>
    /// Channels whose spend is fixed (curve index → spend, finite and ≥ 0, inside that channel's bounds). Locked
    /// spend counts against <see cref="TotalBudget"/> and is never moved.
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

/// <summary>An optimal split of a budget across response curves.</summary>
public sealed record Allocation
{
    /// <summary>Spend per channel (money), in curve order.</summary>
    public required IReadOnlyList<double> Spend { get; init; }

    /// <summary>Response per channel f_i(spend_i).</summary>
    public required IReadOnlyList<double> Response { get; init; }

    /// <summary>Marginal return f_i'(spend_i) per channel: response per extra unit of money.</summary>
    public required IReadOnlyList<double> MarginalReturn { get; init; }

    /// <summary>Σ_i f_i(spend_i).</summary>
    public required double TotalResponse { get; init; }

    /// <summary>Σ_i spend_i; below the budget only when every channel is at its upper bound.</summary>
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

/// <summary>Splits a budget across response curves to maximise the total response.</summary>
public interface IBudgetAllocator
{
    /// <summary>Maximises Σ f_i(x_i) subject to Σ x_i ≤ TotalBudget, bounds and locked spends.</summary>
    /// <param name="curves">One response curve per channel.</param>
    /// <param name="request">Budget, bounds, locked channels.</param>
    /// <param name="cancellationToken">Cancels a long branch and bound.</param>
    /// <returns>The optimal allocation.</returns>
    /// <exception cref="ArgumentNullException">An argument or a curve is null.</exception>
    /// <exception cref="ArgumentException">Bounds/locked do not match the curves, or the minimums exceed the budget.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    Allocation Allocate(IReadOnlyList<IResponseCurve> curves, AllocationRequest request, CancellationToken cancellationToken = default);
}
