using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// One numeric node property of an <see cref="AttributedGraph"/> (an age, a spend, an initial opinion …): a name and
/// one value per node in dense index order, absent (<see langword="null"/>) where the file gave the node none. Immutable.
/// </summary>
public sealed class NodeProperty
{
    private readonly double?[] _values;

    /// <summary>Creates the attribute; the values are copied.</summary>
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

        Name = name;
    }

    /// <summary>The attribute's name.</summary>
    public string Name { get; }

    /// <summary>One value per node (dense index order); null where the node has none.</summary>
    public IReadOnlyList<double?> Values => _values;

    /// <summary>Whether every node has a value (so the attribute can serve as, for example, initial opinions).</summary>
    public bool IsComplete => Array.TrueForAll(_values, v => v.HasValue);
}
