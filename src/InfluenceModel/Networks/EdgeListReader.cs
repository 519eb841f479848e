using System.Globalization;
using System.Text;

namespace InfluenceModel.Networks;

/// <summary>Parses whitespace-separated edge lists (<c>u v [w]</c>, <c>#</c>/<c>%</c> comments) into a <see cref="SocialGraph"/>.</summary>
internal static class EdgeListReader
{
    public static SocialGraph Read(Stream stream, EdgeListOptions options)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var ids = new IdRelabeler();
        var edges = new EdgeBuffer(1024);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            ReadOnlySpan<char> text = line.AsSpan().Trim();
            if (text.IsEmpty || text[0] == '#' || text[0] == '%')
            {
                continue;
            }

            ReadOnlySpan<char> first = NextToken(ref text);
            ReadOnlySpan<char> second = NextToken(ref text);
            ReadOnlySpan<char> third = NextToken(ref text);
            if (second.IsEmpty || !text.IsEmpty)
            {
                throw Malformed(lineNumber, line, "expected 'u v' or 'u v w'");
            }

            float weight = options.DefaultWeight;
            if (!third.IsEmpty
                && (!float.TryParse(third, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !float.IsFinite(weight) || weight < 0))
            {
                throw Malformed(lineNumber, line, "the weight must be a finite number ≥ 0");
            }

            int u = ids.IndexOf(first);
            int v = ids.IndexOf(second);
            edges.Add(u, v, weight);
        }

        return GraphBuilder.Build(ids.Count, edges, options, null, ids.ToMap());
    }

    private static FormatException Malformed(long lineNumber, string line, string reason)
    {
        string shown = line.Length > 200 ? line[..200] + "…" : line;
        return new FormatException($"Edge list line {lineNumber}: {reason}; found '{shown}'.");
    }

    private static ReadOnlySpan<char> NextToken(ref ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        int end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        ReadOnlySpan<char> token = text[..end];
        text = text[end..].TrimStart();
        return token;
    }

    /// <summary>Dense relabelling by first appearance: integer ids while every id is a canonical integer, then strings.</summary>
    private sealed class IdRelabeler
    {
        private Dictionary<long, int>? _integerIndex = [];
        private List<long>? _integerIds = [];
        private Dictionary<string, int>? _stringIndex;
        private List<string>? _stringIds;

        public int Count => _integerIds?.Count ?? _stringIds!.Count;

        public int IndexOf(ReadOnlySpan<char> token)
        {
            if (_integerIndex is not null)
            {
                if (NodeIdMap.TryParseCanonicalInteger(token, out long value))
                {
                    if (!_integerIndex.TryGetValue(value, out int index))
                    {
                        index = _integerIds!.Count;
                        _integerIndex.Add(value, index);
                        _integerIds.Add(value);
                    }

                    return index;
                }

                SwitchToStrings();
            }

            var lookup = _stringIndex!.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(token, out int found))
            {
                found = _stringIds!.Count;
                string id = token.ToString();
                _stringIndex.Add(id, found);
                _stringIds.Add(id);
            }

            return found;
        }

        public NodeIdMap ToMap() => _integerIds is not null
            ? NodeIdMap.FromIntegers([.. _integerIds], _integerIndex)
            : NodeIdMap.FromStrings([.. _stringIds!], _stringIndex);

        private void SwitchToStrings()
        {
            _stringIds = new List<string>(_integerIds!.Count);
            _stringIndex = new Dictionary<string, int>(_integerIds.Count, StringComparer.Ordinal);
            foreach (long id in _integerIds)
            {
                string text = id.ToString(CultureInfo.InvariantCulture);
                _stringIndex.Add(text, _stringIds.Count);
                _stringIds.Add(text);
            }

            _integerIds = null;
            _integerIndex = null;
        }
    }
}
