using InfluenceModel.Internal;
using static InfluenceModel.Channels.ChannelSelector;

namespace InfluenceModel.Channels;

/// <summary>
/// The depth-first branch and bound over channel sets shared by <see cref="ReachSearch"/> and
/// <see cref="ResponseSearch"/>: node counting with the node limit, cancellation and progress, the incumbent, and the
/// branching loop with its sliding-window bound. The objective-specific part (the node's value, its bound, the
/// branching order and each child's state) stays in the subclass.
/// </summary>
/// <remarks>
/// A node is the set <see cref="Chosen"/> (required channels first). Its children, in the order the subclass gives,
/// add order[i] and leave order[0..i) out for good, so the free slots of child i can only be filled from order[i..);
/// the sum of the next <c>slots</c> scores from position i is a valid bound on what the children from i onwards add
/// whenever a score bounds its channel's marginal value at this node (both objectives' scores do). Once that bound
/// cannot beat the incumbent no later child can, and the loop stops.
/// </remarks>
internal abstract class SubsetSearch
{
    /// <summary>
    /// Relative margin by which a new set must beat the incumbent to replace it: far below any meaningful difference,
    /// just above rounding, so ties keep the first set found (deterministic answers).
    /// </summary>
    private const double IncumbentMargin = 1e-12;

    private readonly double _pruneTolerance;
    private readonly ProgressReporter _progress;
    private readonly CancellationToken _cancellationToken;
    private bool _aborted;

    /// <param name="problem">The validated problem.</param>
    /// <param name="incumbent">The greedy answer the search starts from (its nodes are added to the count).</param>
    /// <param name="pruneTolerance">
    /// Relative margin a bound must exceed the incumbent by for the node to be explored. Each caller states why its
    /// value is right for its objective.
    /// </param>
    /// <param name="progress">Progress sink (one unit per node).</param>
    /// <param name="cancellationToken">Checked at every node.</param>
    protected SubsetSearch(Problem problem, Result incumbent, double pruneTolerance, ProgressReporter progress, CancellationToken cancellationToken)
    {
        Problem = problem;
        BestValue = incumbent.Value;
        BestSet = incumbent.Set;
        GreedyNodes = incumbent.Nodes;
        _pruneTolerance = pruneTolerance;
        _progress = progress;
        _cancellationToken = cancellationToken;
        Chosen.AddRange(problem.Required);
    }

    protected Problem Problem { get; }

    /// <summary>The set of the current node: required channels, then the channels added on the path from the root.</summary>
    protected List<int> Chosen { get; } = [];

    protected double BestValue { get; private set; }

    protected int[] BestSet { get; private set; }

    protected long Nodes { get; private set; }

    private long GreedyNodes { get; }

    /// <summary>Whether the search stopped at the node limit (then the answer is not proven optimal).</summary>
    protected bool Aborted => _aborted;

    /// <summary>The answer: the best set found, proven optimal unless the node limit was reached.</summary>
    protected Result ToResult() => new(BestSet, BestValue, !_aborted, Nodes + GreedyNodes);

    /// <summary>Counts a node and checks cancellation; false (and the search unwinds) past the node limit.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    protected bool EnterNode()
    {
        if (++Nodes > NodeLimit)
        {
            _aborted = true;
            return false;
        }

        _progress.Advance();
        _cancellationToken.ThrowIfCancellationRequested();
        return true;
    }

    /// <summary>Makes <see cref="Chosen"/> the incumbent when <paramref name="value"/> beats it by more than rounding.</summary>
    protected void Offer(double value)
    {
        if (value > BestValue + (IncumbentMargin * Math.Max(1, Math.Abs(BestValue))))
        {
            BestValue = value;
            BestSet = [.. Chosen];
        }
    }

    /// <summary>Whether a node whose value is at most <paramref name="bound"/> may still beat the incumbent.</summary>
    protected bool Improves(double bound) => bound > BestValue + (_pruneTolerance * Math.Max(1, Math.Abs(BestValue)));

    /// <summary>
    /// Explores the children of the current node: child i adds <paramref name="order"/>[i] to <see cref="Chosen"/> and
    /// calls <paramref name="descend"/>(state, i), while <paramref name="baseBound"/> + the sum of the next
    /// <paramref name="slots"/> scores from i can beat the incumbent.
    /// </summary>
    /// <param name="order">Candidates to branch on, best first.</param>
    /// <param name="score">score[i] bounds what order[i] adds at this node (same positions as <paramref name="order"/>).</param>
    /// <param name="count">Candidates in <paramref name="order"/>.</param>
    /// <param name="slots">Channels that may still be added.</param>
    /// <param name="baseBound">The node's bound without the candidates' scores.</param>
    /// <param name="state">The node's state, handed to <paramref name="descend"/> (a static lambda: no allocation per node).</param>
    /// <param name="descend">Explores child i (with order[i] already in <see cref="Chosen"/>).</param>
    protected void Branch<TState>(int[] order, double[] score, int count, int slots, double baseBound, TState state, Action<TState, int> descend)
    {
        double window = 0;
        for (int i = 0; i < Math.Min(slots, count); i++)
        {
            window += score[i];
        }

        for (int i = 0; i < count; i++)
        {
            if (!Improves(baseBound + window))
            {
                break;
            }

            Chosen.Add(order[i]);
            descend(state, i);
            Chosen.RemoveAt(Chosen.Count - 1);
            if (_aborted)
            {
                return;
            }

            window -= score[i];
            if (i + slots < count)
            {
                window += score[i + slots];
            }
        }
    }
}
