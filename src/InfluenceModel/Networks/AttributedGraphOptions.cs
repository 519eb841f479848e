using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// How a graph file with node attributes (GraphML, GML) or a node table (CSV) is read: which attribute names the
/// segment and which the arc weight, and how large a file may be. Immutable; <see cref="Default"/> suits files written
/// by networkx, Gephi, igraph and this library.
/// </summary>
public sealed record AttributedGraphOptions
{
    private readonly string _segmentAttribute = "segment";
    private readonly string _weightAttribute = "weight";
    private readonly long _maxFileBytes = DefaultMaxFileBytes;

    /// <summary>The default cap on a file's size: 1 GiB.</summary>
    public const long DefaultMaxFileBytes = 1L << 30;

    /// <summary>The largest value of <see cref="MaxFileBytes"/>: 64 GiB.</summary>
    public const long MaxMaxFileBytes = 64L << 30;

    /// <summary>The default options.</summary>
    public static AttributedGraphOptions Default { get; } = new();

    /// <summary>
    /// The node attribute (GraphML <c>attr.name</c>, GML key, CSV column) whose values are the nodes' segments: each
    /// distinct value becomes a group label (<see cref="SocialGraph.GroupOf(int)"/>) in order of first appearance, the
    /// groups the Kelman model's identification process weights. Default <c>"segment"</c>. Compared ordinally, ignoring case.
    /// </summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public string SegmentAttribute
    {
        get => _segmentAttribute;
        init => _segmentAttribute = NotBlank(value, nameof(SegmentAttribute));
    }

    /// <summary>
    /// The edge attribute whose values are the arcs' weights (finite, ≥ 0). Default <c>"weight"</c>. Compared ordinally,
    /// ignoring case. An edge without it takes the attribute's declared default (GraphML <c>&lt;default&gt;</c>), else
    /// the file is refused; a file without the attribute gives every arc weight 1 and
    /// <see cref="SocialGraph.HasWeights"/> = <see langword="false"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public string WeightAttribute
    {
        get => _weightAttribute;
        init => _weightAttribute = NotBlank(value, nameof(WeightAttribute));
    }

    /// <summary>
    /// The largest file read, in bytes: default <see cref="DefaultMaxFileBytes"/> (1 GiB), range [1,024,
    /// <see cref="MaxMaxFileBytes"/>]. The count is checked while reading, so a device or an endless pipe stops at the cap.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [1,024, 64 GiB].</exception>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        init => _maxFileBytes = value is >= 1024 and <= MaxMaxFileBytes
            ? value
            : throw Guard.OutOfRange(nameof(MaxFileBytes), value, $"MaxFileBytes must be in [1024, {MaxMaxFileBytes}]; it was {value}.");
    }

    private static string NotBlank(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw Guard.Invalid(name, $"{name} must be a non-empty attribute name.") : value;
}
