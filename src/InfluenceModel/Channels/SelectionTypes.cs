using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>What a channel set is chosen for.</summary>
public enum SelectionObjective
{
    /// <summary>
    /// Maximise the people reached, reach(S) = Σ_g size_g·(1 − Π_{c∈S}(1 − r_{c,g})), subject to Σ_{c∈S} entry_c ≤
    /// Budget and |S| ≤ MaxChannels. The money left after the entry costs is then split across S by the allocator.
    /// </summary>
    Reach,

    /// <summary>
    /// Maximise the expected response V(S) = max Σ_{c∈S} f_c(x_c) subject to Σ_{c∈S} x_c ≤ Budget − Σ_{c∈S} entry_c,
    /// x_c ≥ 0: each candidate set pays its entry costs and the rest of the budget is split optimally by the
    /// allocator. Selection and allocation are solved jointly, not one after the other.
    /// </summary>
    Response,
}

/// <summary>How the selector searches.</summary>
public enum SelectionMethod
{
    /// <summary>
    /// Exact branch and bound when there are at most 20 candidates, or at most 64 candidates and at most 10 free
    /// slots; the partial-enumeration greedy otherwise.
    /// </summary>
    Auto,

    /// <summary>Branch and bound (proven optimal unless the node limit is reached; see <see cref="ChannelPlan.IsProvenOptimal"/>).</summary>
    Exact,

    /// <summary>Budgeted maximum coverage greedy with partial enumeration (Khuller, Moss and Naor 1999).</summary>
    Greedy,
}

/// <summary>What to select: budget, cap, objective, required and excluded channels. Immutable.</summary>
public sealed record SelectionRequest
{
    /// <summary>Total money for the period: entry costs plus spend. Finite and ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public required double Budget
    {
        get;
        init => field = Guard.NonNegative(value, nameof(Budget));
    }

    /// <summary>Largest number of channels in the plan, 1 to 1,000; default 1,000 (no cap in practice).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 1,000.</exception>
    public int MaxChannels
    {
        get;
        init => field = Guard.InRange(value, 1, 1000, nameof(MaxChannels));
    } = 1000;

    /// <summary>The objective; default <see cref="SelectionObjective.Reach"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="SelectionObjective"/>.</exception>
    public SelectionObjective Objective
    {
        get;
        init => field = Guard.Defined(value, nameof(Objective));
    } = SelectionObjective.Reach;

    /// <summary>Names of channels that must be in the plan (empty by default).</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>Names of channels that must not be in the plan (empty by default).</summary>
    public IReadOnlyList<string> Excluded { get; init; } = [];

    /// <summary>
    /// Audience segments for the reach computation. Null (the default) means every segment has size 1, so reach is
    /// counted in segment-equivalents.
    /// </summary>
    public AudienceOverlap? Audience { get; init; }

    /// <summary>The search method; default <see cref="SelectionMethod.Auto"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="SelectionMethod"/>.</exception>
    public SelectionMethod Method
    {
        get;
        init => field = Guard.Defined(value, nameof(Method));
    } = SelectionMethod.Auto;
}

/// <summary>A channel left out of the plan, with the reason.</summary>
/// <param name="Name">The channel's name.</param>
/// <param name="Reason">Why it is not in the plan, in words.</param>
public sealed record ExcludedChannel(string Name, string Reason);

/// <summary>One selected channel's numbers.</summary>
/// <param name="Name">The channel's name.</param>
/// <param name="EntryCost">Fixed entry cost (money).</param>
/// <param name="Spend">Spend allocated on top of the entry cost (money).</param>
/// <param name="Response">Expected response f(spend).</param>
/// <param name="Roi">Response per unit of money, f(spend)/(entry + spend); 0 when the channel costs nothing.</param>
/// <param name="MarginalRoi">Response of the next unit of money, f'(spend).</param>
public sealed record ChannelOutcome(string Name, double EntryCost, double Spend, double Response, double Roi, double MarginalRoi);

/// <summary>The chosen channels, the split of the budget, and what was left out and why.</summary>
public sealed record ChannelPlan
{
    /// <summary>Selected channels, in input order.</summary>
    public required IReadOnlyList<Channel> Selected { get; init; }

    /// <summary>Every other channel, with the reason.</summary>
    public required IReadOnlyList<ExcludedChannel> Excluded { get; init; }

    /// <summary>The split of Budget − Σ entry costs across <see cref="Selected"/> (same order).</summary>
    public required Allocation Allocation { get; init; }

    /// <summary>Per selected channel: spend, response, ROI and marginal ROI (same order as <see cref="Selected"/>).</summary>
    public required IReadOnlyList<ChannelOutcome> Channels { get; init; }

    /// <summary>People reached by the selected set, reach(S).</summary>
    public required double ExpectedReach { get; init; }

    /// <summary>Σ over selected channels of the response to their allocated spend.</summary>
    public required double ExpectedResponse { get; init; }

    /// <summary>Entry costs plus spend (money); ≤ the budget.</summary>
    public required double TotalCost { get; init; }

    /// <summary>Response per unit of money, ExpectedResponse / TotalCost (0 when nothing is spent).</summary>
    public required double Roi { get; init; }

    /// <summary>The search that produced the plan (Exact or Greedy).</summary>
    public required SelectionMethod Method { get; init; }

    /// <summary>Whether the set is proven optimal for the objective (exact search finished within its node limit).</summary>
    public required bool IsProvenOptimal { get; init; }

    /// <summary>Search nodes explored (exact) or candidate sets evaluated (greedy).</summary>
    public required long NodesExplored { get; init; }
}

/// <summary>Chooses the channels to be in under a budget and a cap on their number, and splits the money.</summary>
public interface IChannelSelector
{
    /// <summary>Selects channels and allocates the budget.</summary>
    /// <param name="channels">Candidate channels (unique names, same number of segments).</param>
    /// <param name="request">Budget, cap, objective, required and excluded channels.</param>
    /// <param name="cancellationToken">Cancels a long search.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// Duplicate or unknown channel names, mismatched segments, a channel both required and excluded, or an
    /// infeasible request (required channels cost more than the budget or exceed the cap); the message says why.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The domain verb; the issue names the method Select.")]
    ChannelPlan Select(IReadOnlyList<Channel> channels, SelectionRequest request, CancellationToken cancellationToken = default);
}
