using System.Globalization;

namespace InfluenceModel.Networks;

/// <summary>
/// The map between the ids of an input file and dense node indices 0..n−1. Three compact forms: identity (the id of
/// node i is "i", used by generators and <see cref="SocialGraph.FromEdges(int, IEnumerable{Edge}, EdgeListOptions?, IReadOnlyList{int}?)"/>),
/// 64-bit integer ids (8 bytes per node), or arbitrary string ids. The reverse lookup (id → index) is built lazily on
/// first use so that graphs that never look ids up pay nothing for it. Immutable and thread-safe.
/// </summary>
internal sealed class NodeIdMap
{
    private readonly int _count;
    private readonly long[]? _integerIds;
    private readonly string[]? _stringIds;
    private Dictionary<long, int>? _integerIndex;
    private Dictionary<string, int>? _stringIndex;

    private NodeIdMap(int count, long[]? integerIds, string[]? stringIds)
    {
        _count = count;
        _integerIds = integerIds;
        _stringIds = stringIds;
    }

    public static NodeIdMap Identity(int count) => new(count, null, null);

    /// <summary>Integer ids; <paramref name="index"/> (optional) is the already built reverse map.</summary>
    public static NodeIdMap FromIntegers(long[] ids, Dictionary<long, int>? index = null) =>
        new(ids.Length, ids, null) { _integerIndex = index };

    public static NodeIdMap FromStrings(string[] ids, Dictionary<string, int>? index = null) =>
        new(ids.Length, null, ids) { _stringIndex = index };

    /// <summary>The 64-bit integer ids by dense index, or null (identity or string ids).</summary>
    public long[]? IntegerIds => _integerIds;

    /// <summary>The string ids by dense index, or null (identity or integer ids).</summary>
    public string[]? StringIds => _stringIds;

    /// <summary>Bytes held by the id arrays (not the lazily built reverse map).</summary>
    public long SizeInBytes => _integerIds is not null ? 8L * _integerIds.Length
        : _stringIds is not null ? 8L * _stringIds.Length : 0;

    public string this[int index] =>
        _stringIds is not null ? _stringIds[index]
        : _integerIds is not null ? _integerIds[index].ToString(CultureInfo.InvariantCulture)
        : index.ToString(CultureInfo.InvariantCulture);

    public bool TryGetIndex(string id, out int index)
    {
        index = -1;
        if (_stringIds is not null)
        {
            var map = _stringIndex ??= BuildStringIndex(_stringIds);
            return map.TryGetValue(id, out index);
        }

        if (!TryParseCanonicalInteger(id, out long value))
        {
            return false;
        }

        if (_integerIds is not null)
        {
            var map = _integerIndex ??= BuildIntegerIndex(_integerIds);
            return map.TryGetValue(value, out index);
        }

        if (value >= 0 && value < _count)
        {
            index = (int)value;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="token"/> is an integer id in canonical decimal form: an optional '-', then digits without
    /// leading zeros (or exactly "0"), within the range of <see cref="long"/>. Only canonical tokens are integer ids, so
    /// that "007" and "7" are never silently merged.
    /// </summary>
    public static bool TryParseCanonicalInteger(ReadOnlySpan<char> token, out long value)
    {
        value = 0;
        int start = token.Length > 0 && token[0] == '-' ? 1 : 0;
        int digits = token.Length - start;
        if (digits <= 0 || digits > 19 || (token[start] == '0' && (digits > 1 || start == 1)))
        {
            return false;
        }

        foreach (char c in token[start..])
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static Dictionary<long, int> BuildIntegerIndex(long[] ids)
    {
        var map = new Dictionary<long, int>(ids.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            map[ids[i]] = i;
        }

        return map;
    }

    private static Dictionary<string, int> BuildStringIndex(string[] ids)
    {
        var map = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++)
        {
            map[ids[i]] = i;
        }

        return map;
    }
}
