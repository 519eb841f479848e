using System.Collections;

namespace InfluenceModel.Internal;

/// <summary>
/// An immutable list with structural equality, so that records holding lists (scenario settings) compare by
/// content: a record's synthesized <c>Equals</c> calls <see cref="Equals(object?)"/> on its list properties.
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    private ValueList(T[] items) => _items = items;

    public static ValueList<T> Empty { get; } = new([]);

    /// <summary>Copies <paramref name="items"/>; returns null for null so validation can report a missing list.</summary>
    public static ValueList<T>? From(IEnumerable<T>? items) => items switch
    {
        null => null,
        ValueList<T> list => list,
        _ => new ValueList<T>([.. items]),
    };

    public T this[int index] => _items[index];

    public int Count => _items.Length;

    public bool Equals(ValueList<T>? other)
    {
        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (T item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
