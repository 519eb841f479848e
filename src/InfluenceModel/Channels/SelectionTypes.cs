using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>What a channel set is chosen for.</summary>
public enum SelectionObjective
{
    /// <summary>
    /// Maximise the people reached, reach(S) = Σ_g size_g·(1 − Π_{c∈S}(1 − r_{c,g})), subject to Σ_{c∈S} fixed_c ≤
    /// Budget and |S| ≤ MaxChannels. The money left after the fixed costs is then split across S by the allocator.
    /// </summary>
    Reach,

    /// <summary>
    /// Maximise the expected response V(S) = max Σ_{c∈S} f_c(x_c) subject to Σ_{c∈S} x_c ≤ Budget − Σ_{c∈S} fixed_c,
    /// x_c ≥ 0: each candidate set pays its fixed costs and the rest of the budget is split optimally by the
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

    /// <summary>Branch and bound (proven optimal unless the node limit is reached; see <see cref="ChannelSelection.IsProvenOptimal"/>).</summary>
    Exact,

    /// <summary>Budgeted maximum coverage greedy with partial enumeration (Khuller, Moss and Naor 1999).</summary>
    Greedy,
}

/// <summary>What to select: candidate channels, budget, cap, objective, required and excluded channels. Immutable.</summary>
public sealed record SelectionRequest
{
    /// <summary>
    /// The candidate channels: unique names, each with one audience share per segment (checked by the selector,
    /// naming this property).
    /// </summary>
    /// <remarks>At most <see cref="MaxCandidates"/> channels, so that the default <see cref="MaxChannels"/> never caps
    /// a request silently.</remarks>
    /// <exception cref="ArgumentNullException">The list or one of its channels is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxCandidates"/> channels.</exception>
    public required IReadOnlyList<Channel> Channels
    {
        get;
        init
        {
            Guard.NoNullElements(value, nameof(Channels));
            if (value.Count > MaxCandidates)
            {
                throw new ArgumentOutOfRangeException(nameof(Channels), value.Count,
                    $"Channels holds {value.Count} channels; at most {MaxCandidates} are allowed.");
            }

            field = value;
        }
    }

    /// <summary>The largest number of candidate channels a selection takes: 1,000 (also the largest
    /// <see cref="MaxChannels"/>).</summary>
    public const int MaxCandidates = 1000;

    /// <summary>Total money for the period: fixed costs plus spend. Finite and ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public required double Budget
    {
        get;
        init => field = Guard.Amount(value, nameof(Budget));
    }

    /// <summary>Largest number of channels in the plan, 1 to <see cref="MaxCandidates"/> (1,000); default 1,000,
    /// which caps nothing because a request holds at most that many channels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 1,000.</exception>
    public int MaxChannels
    {
        get;
        init => field = Guard.InRange(value, 1, MaxCandidates, nameof(MaxChannels));
    } = MaxCandidates;

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
    /// The audience segments (their sizes) for the reach computation. Null (the default) means every segment has size
    /// 1, so reach is counted in segment-equivalents.
    /// </summary>
    public AudienceOverlap? Segments { get; init; }

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

/// <summary>The selector's answer: the chosen channels, the split of the budget, and what was left out and why.</summary>
public sealed record ChannelSelection
{
    /// <summary>Selected channels, in input order.</summary>
    public required IReadOnlyList<Channel> Selected { get; init; }

    /// <summary>Every other channel, with the reason.</summary>
    public required IReadOnlyList<ExcludedChannel> Excluded { get; init; }

    /// <summary>
    /// The split of Budget − Σ fixed costs across <see cref="Selected"/> (same order): per channel its fixed cost,
    /// spend, response, response per spend and marginal response.
    /// </summary>
    public required Allocation Allocation { get; init; }

    /// <summary>People reached by the selected set, reach(S).</summary>
    public required double ExpectedReach { get; init; }

    /// <summary>Σ over selected channels of the response to their allocated spend.</summary>
    public required double ExpectedResponse { get; init; }

    /// <summary>Fixed costs plus spend (money); ≤ the budget.</summary>
    public required double TotalCost { get; init; }

    /// <summary>Response per unit of money, ExpectedResponse / TotalCost (0 when nothing is spent). Not an ROI.</summary>
    public required double ResponsePerSpend { get; init; }

    /// <summary>The search that produced the selection (Exact or Greedy).</summary>
    public required SelectionMethod Method { get; init; }

    /// <summary>Whether the set is proven optimal for the objective (exact search finished within its node limit).</summary>
    public required bool IsProvenOptimal { get; init; }

    /// <summary>Search nodes explored (exact) or candidate sets evaluated (greedy).</summary>
    public required long NodesExplored { get; init; }
}

/// <summary>Chooses the channels to be in and splits the money (host-app face of <see cref="ChannelSelector"/>).</summary>
public interface IChannelSelector
{
    /// <summary>See <see cref="ChannelSelector.Select"/>.</summary>
    /// <param name="request">Candidate channels, budget, cap, objective, required and excluded channels.</param>
    /// <param name="progress">Receives search progress; null for none.</param>
    /// <param name="cancellationToken">Cancels a long search.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Duplicate or unknown channel names, mismatched segments, a channel both required and excluded, or an
    /// infeasible request; the message says why.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The domain verb; the issue names the method Select.")]
    ChannelSelection Select(SelectionRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="IChannelSelector"/> registered for host apps: forwards to <see cref="ChannelSelector.Select"/>.</summary>
internal sealed class ChannelSelectorService : IChannelSelector
{
    public ChannelSelection Select(SelectionRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        ChannelSelector.Select(request, progress, cancellationToken);
}
