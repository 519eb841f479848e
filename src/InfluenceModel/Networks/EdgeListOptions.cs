using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// How an edge list (a file read by <see cref="SocialGraph.LoadEdgeList(string, EdgeListOptions?)"/> or the arcs given
/// to <see cref="SocialGraph.FromEdges(int, IEnumerable{Edge}, EdgeListOptions?, IReadOnlyList{int}?)"/>) becomes a
/// graph. Immutable; the defaults suit the SNAP / IMM benchmark files.
/// </summary>
public sealed record EdgeListOptions
{
    private readonly float _defaultWeight = 1f;

    /// <summary>The default options: directed, self-loops and duplicate arcs dropped, default weight 1.</summary>
    public static EdgeListOptions Default { get; } = new();

    /// <summary>
    /// When <see langword="true"/>, every line <c>u v</c> is an undirected tie and becomes both arcs u→v and v→u (with
    /// the same weight). Default <see langword="false"/> (each line is one directed arc u→v). A file that already lists
    /// both directions can be read either way: the duplicate arcs are dropped.
    /// </summary>
    public bool Undirected { get; init; }

    /// <summary>
    /// When <see langword="true"/>, arcs u→u are kept. Default <see langword="false"/>: self-loops are dropped silently,
    /// since a node cannot influence itself in any diffusion model of this library.
    /// </summary>
    public bool KeepSelfLoops { get; init; }

    /// <summary>
    /// When <see langword="true"/>, repeated arcs u→v are all kept (a multigraph: each copy is a separate chance to
    /// influence). Default <see langword="false"/>: only the first occurrence of each arc u→v (in input order) is kept,
    /// with its weight; later copies are dropped.
    /// </summary>
    public bool KeepDuplicateArcs { get; init; }

    /// <summary>
    /// The weight of an arc whose line has no third column. Finite and ≥ 0; default 1. It only matters when the weights
    /// are kept (<see cref="EdgeProbabilities.FromWeights"/>, or <see cref="SocialGraph.FromEdges"/>): then a line without
    /// a weight is an error unless this property was set explicitly (see
    /// <see cref="SocialGraph.LoadEdgeList(string, EdgeListOptions?, EdgeProbabilities)"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public float DefaultWeight
    {
        get => _defaultWeight;
        init
        {
            _defaultWeight = (float)Guard.NonNegative(value, nameof(DefaultWeight));
            DefaultWeightIsSet = true;
        }
    }

    /// <summary>Whether <see cref="DefaultWeight"/> was set explicitly (a line without a weight then takes it silently).</summary>
    internal bool DefaultWeightIsSet { get; private init; }

    /// <summary>
    /// A copy whose lines without a weight read as NaN, so the loader can tell them from weighted lines and refuse them
    /// when the file's weights were asked for. Internal: NaN never leaves the loader.
    /// </summary>
    internal EdgeListOptions MarkingMissingWeights() => this with { MissingWeightMarker = true };

    private bool MissingWeightMarker
    {
        init
        {
            if (value)
            {
                _defaultWeight = float.NaN;
            }
        }
    }
}
