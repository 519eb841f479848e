using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// One node property of an <see cref="AttributedGraph"/> (an age, a spend, an initial opinion, a region, a flag …): a
/// name, a <see cref="Kind"/> and one value per node in dense index order, absent where the file gave the node none.
/// Numbers come from the constructor, strings from <see cref="FromTexts"/>, booleans from <see cref="FromBooleans"/>.
/// Immutable.
/// </summary>
/// <remarks>
/// <see cref="Values"/> is the numeric view every numeric use reads (initial opinions, stubbornness …): the numbers of a
/// <see cref="NodePropertyKind.Number"/> property, 1 and 0 for a <see cref="NodePropertyKind.Boolean"/> one (so a flag can
/// serve as a binary opinion), and no values (every element null) for a <see cref="NodePropertyKind.Text"/> one.
/// <see cref="Texts"/> and <see cref="Booleans"/> are the other kinds' views, likewise empty for the kinds they do not hold.
/// </remarks>
public sealed class NodeProperty
{
    private readonly double?[] _values;
    private readonly string?[] _texts;
    private readonly bool?[] _booleans;

    /// <summary>Creates a numeric property; the values are copied.</summary>
    /// <param name="name">The attribute's name as in the file (GraphML <c>attr.name</c>, a GML key, a CSV column); not empty.</param>
    /// <param name="values">One value per node (dense index order), each finite, or null where the node has none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite.</exception>
    public NodeProperty(string name, IReadOnlyList<double?> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        _values = new double?[values.Count];
        for (int i = 0; i < _values.Length; i++)
        {
            if (values[i] is { } v && !double.IsFinite(v))
            {
                throw Guard.OutOfRange(nameof(values), v, $"values[{i}] of property '{Printable.Escape(name, 80)}' must be finite; it was {v}.");
            }

            _values[i] = values[i];
        }

        _texts = new string?[_values.Length];
        _booleans = new bool?[_values.Length];
        Name = name;
        Kind = NodePropertyKind.Number;
    }

    private NodeProperty(string name, NodePropertyKind kind, double?[] values, string?[] texts, bool?[] booleans)
    {
        Name = name;
        Kind = kind;
        _values = values;
        _texts = texts;
        _booleans = booleans;
    }

    /// <summary>Creates a string property (GraphML <c>attr.type="string"</c>, a quoted GML value, a text CSV column); the values are copied.</summary>
    /// <param name="name">The attribute's name; not empty.</param>
    /// <param name="values">One string per node (dense index order), or null where the node has none.</param>
    /// <returns>The property, <see cref="Kind"/> <see cref="NodePropertyKind.Text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static NodeProperty FromTexts(string name, IReadOnlyList<string?> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        return new NodeProperty(name, NodePropertyKind.Text, new double?[values.Count], [.. values], new bool?[values.Count]);
    }

    /// <summary>Creates a boolean property (GraphML <c>attr.type="boolean"</c>, a CSV column of true/false); the values are copied.</summary>
    /// <param name="name">The attribute's name; not empty.</param>
    /// <param name="values">One flag per node (dense index order), or null where the node has none.</param>
    /// <returns>The property, <see cref="Kind"/> <see cref="NodePropertyKind.Boolean"/>; its <see cref="Values"/> are 1 and 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static NodeProperty FromBooleans(string name, IReadOnlyList<bool?> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        var numbers = new double?[values.Count];
        for (int i = 0; i < numbers.Length; i++)
        {
            numbers[i] = values[i] is { } b ? (b ? 1 : 0) : null;
        }

        return new NodeProperty(name, NodePropertyKind.Boolean, numbers, new string?[values.Count], [.. values]);
    }

    /// <summary>The attribute's name.</summary>
    public string Name { get; }

    /// <summary>What the values are: numbers, strings or booleans.</summary>
    public NodePropertyKind Kind { get; }

    /// <summary>
    /// The numeric view, one entry per node (dense index order), null where the node has no value: the numbers, 1/0 for
    /// a boolean property, and null throughout for a text property.
    /// </summary>
    public IReadOnlyList<double?> Values => _values;

    /// <summary>The strings of a text property, one per node (null where the node has none); null throughout for the other kinds.</summary>
    public IReadOnlyList<string?> Texts => _texts;

    /// <summary>The flags of a boolean property, one per node (null where the node has none); null throughout for the other kinds.</summary>
    public IReadOnlyList<bool?> Booleans => _booleans;

    /// <summary>Whether every node has a value of the property's kind (so the attribute can serve as, for example, initial opinions).</summary>
    public bool IsComplete => Kind switch
    {
        NodePropertyKind.Text => Array.TrueForAll(_texts, v => v is not null),
        _ => Array.TrueForAll(_values, v => v.HasValue),
    };

    /// <summary>Whether <paramref name="node"/> has a value of the property's kind.</summary>
    internal bool Has(int node) => Kind == NodePropertyKind.Text ? _texts[node] is not null : _values[node].HasValue;
}

/// <summary>What a <see cref="NodeProperty"/> holds.</summary>
public enum NodePropertyKind
{
    /// <summary>Finite numbers (GraphML int, long, float, double; a GML number; a numeric CSV column).</summary>
    Number,

    /// <summary>Strings (GraphML string; a quoted GML value; a CSV column that is neither numeric nor boolean).</summary>
    Text,

    /// <summary>Booleans (GraphML boolean; a CSV column of true/false). Their numeric view is 1/0.</summary>
    Boolean,
}
