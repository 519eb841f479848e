using System.Globalization;
using System.Text;
using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// Collects what a GraphML or GML reader finds (node ids in order, arcs, segment values, numeric, string and boolean
/// attributes) and builds the <see cref="AttributedGraph"/>: the one place for the rules both formats share (duplicate
/// ids, finite numbers, booleans, segments on every node, integer-or-string ids, a graph without weights when the file
/// has none).
/// </summary>
internal sealed class AttributedGraphBuilder(string source)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly EdgeBuffer _arcs = new(16);
    private readonly List<string?> _segments = [];
    private readonly List<(string Name, NodePropertyKind Kind, List<double?> Values, List<string?> Texts)> _attributes = [];
    private readonly Dictionary<string, int> _attributeIndex = new(StringComparer.OrdinalIgnoreCase);
    private bool _anySegment;

    /// <summary>The file (escaped) or "the graph", as messages name it.</summary>
    public string Source { get; } = source;

    /// <summary>Whether the file declared an edge weight attribute.</summary>
    public bool HasEdgeWeights { get; set; }

    public int NodeCount => _ids.Count;

    public int AddNode(string id, string where)
    {
        if (_index.TryGetValue(id, out _))
        {
            throw Error(where, $"node id '{Printable.Escape(id, 200)}' is given twice");
        }

        int node = _ids.Count;
        _index.Add(id, node);
        _ids.Add(id);
        _segments.Add(null);
        return node;
    }

    public bool TryGetNode(string id, out int node) => _index.TryGetValue(id, out node);

    public void AddArc(int source, int target, float weight, bool undirected)
    {
        _arcs.Add(source, target, weight);
        if (undirected && source != target)
        {
            _arcs.Add(target, source, weight);
        }
    }

    public void SetSegment(int node, string value, string where)
    {
        if (value.Length == 0)
        {
            throw Error(where, "the segment is empty");
        }

        _segments[node] = value;
        _anySegment = true;
    }

    public bool HasSegment(int node) => _segments[node] is not null;

    /// <summary>Declares a node attribute of <paramref name="kind"/> (in file order) and returns its slot.</summary>
    public int DeclareAttribute(string name, string where, NodePropertyKind kind = NodePropertyKind.Number)
    {
        if (_attributeIndex.ContainsKey(name))
        {
            throw Error(where, $"node attribute '{Printable.Escape(name, 200)}' is declared twice");
        }

        _attributeIndex.Add(name, _attributes.Count);
        _attributes.Add((name, kind, [], []));
        return _attributes.Count - 1;
    }

    public bool TryGetAttribute(string name, out int slot) => _attributeIndex.TryGetValue(name, out slot);

    public void SetAttribute(int slot, int node, double value)
    {
        List<double?> values = _attributes[slot].Values;
        while (values.Count <= node)
        {
            values.Add(null);
        }

        values[node] = value;
    }

    /// <summary>Sets a boolean attribute (stored as 1/0 until <see cref="Build"/>).</summary>
    public void SetBoolean(int slot, int node, bool value) => SetAttribute(slot, node, value ? 1 : 0);

    public void SetText(int slot, int node, string value)
    {
        List<string?> texts = _attributes[slot].Texts;
        while (texts.Count <= node)
        {
            texts.Add(null);
        }

        texts[node] = value;
    }

    public NodePropertyKind KindOf(int slot) => _attributes[slot].Kind;

    /// <summary>Whether <paramref name="node"/> has a value of the attribute in <paramref name="slot"/>.</summary>
    public bool HasAttribute(int slot, int node) => _attributes[slot] is var a && (a.Kind == NodePropertyKind.Text
        ? node < a.Texts.Count && a.Texts[node] is not null
        : node < a.Values.Count && a.Values[node] is not null);

    /// <summary>Builds the graph: arcs into CSR (self-loops and repeats dropped), ids, segments, attributes.</summary>
    public AttributedGraph Build(string segmentAttribute)
    {
        int n = _ids.Count;
        NodeIdMap ids = IdMap(_ids);
        int[]? groups = null;
        List<string> names = [];
        if (_anySegment)
        {
            groups = new int[n];
            var labels = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int v = 0; v < n; v++)
            {
                string segment = _segments[v] ?? throw new FormatException(
                    $"{Source}: node '{Printable.Escape(_ids[v], 200)}' has no {Printable.Escape(segmentAttribute, 80)}, but other nodes have one; give every node a segment (or a default).");
                if (!labels.TryGetValue(segment, out int g))
                {
                    g = labels.Count;
                    labels.Add(segment, g);
                    names.Add(segment);
                }

                groups[v] = g;
            }
        }

        var attributes = new List<NodeProperty>(_attributes.Count);
        foreach ((string name, NodePropertyKind kind, List<double?> values, List<string?> texts) in _attributes)
        {
            while (values.Count < n)
            {
                values.Add(null);
            }

            while (texts.Count < n)
            {
                texts.Add(null);
            }

            attributes.Add(kind switch
            {
                NodePropertyKind.Text => NodeProperty.FromTexts(name, texts),
                NodePropertyKind.Boolean => NodeProperty.FromBooleans(name, [.. values.Select(v => v is { } x ? x != 0 : (bool?)null)]),
                _ => new NodeProperty(name, values),
            });
        }

        SocialGraph graph = GraphBuilder.Build(n, _arcs, EdgeListOptions.Default, groups, ids);
        return new AttributedGraph(HasEdgeWeights ? graph : graph.WithoutWeights(), _anySegment ? names : null, attributes);
    }

    public FormatException Error(string where, string what) => new($"{Source}: {where}: {what}.");

    /// <summary>A finite number, or an error naming the value.</summary>
    public double Number(string text, string what, string where)
    {
        string trimmed = text.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw Error(where, $"{what} must be a finite number; it was '{Printable.Escape(trimmed, 80)}'");
        }

        return value;
    }

    /// <summary>A boolean as XML Schema writes it: true, false, 1 or 0 (case ignored, trimmed), or an error naming the value.</summary>
    public bool Boolean(string text, string what, string where) => TryBoolean(text.Trim(), out bool value)
        ? value
        : throw Error(where, $"{what} must be true or false; it was '{Printable.Escape(text.Trim(), 80)}'");

    /// <summary>Parses true, false, 1 or 0 (case ignored; no trimming).</summary>
    public static bool TryBoolean(string text, out bool value)
    {
        value = text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An arc weight: a finite float ≥ 0.</summary>
    public float Weight(string text, string where)
    {
        string trimmed = text.Trim();
        if (!float.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value) || value < 0)
        {
            throw Error(where, $"the edge weight must be a finite number ≥ 0 (within the float range); it was '{Printable.Escape(trimmed, 80)}'");
        }

        return value;
    }

    /// <summary>Integer ids when every id is a canonical decimal integer (as for edge lists), else ordinal strings.</summary>
    public static NodeIdMap IdMap(List<string> ids)
    {
        var integers = new long[ids.Count];
        for (int i = 0; i < ids.Count; i++)
        {
            if (!NodeIdMap.TryParseCanonicalInteger(ids[i], out integers[i]))
            {
                return NodeIdMap.FromStrings([.. ids]);
            }
        }

        return NodeIdMap.FromIntegers(integers);
    }
}

/// <summary>A read-only view of a stream that refuses to read past a byte cap (checked while reading).</summary>
internal sealed class CappedStream(Stream inner, long cap, string source) : ForwardReadStream
{
    private long _read;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        _read += n;
        if (_read > cap)
        {
            throw new InvalidDataException(
                $"{source} is larger than {cap:N0} bytes (AttributedGraphOptions.MaxFileBytes); raise the cap if the file is really a graph of that size.");
        }

        return n;
    }
}

/// <summary>The members of a read-only, forward-only stream that only reads: everything but <see cref="Stream.Read(Span{byte})"/> and the position.</summary>
internal abstract class ForwardReadStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// Strict UTF-8 text with line and column tracking for the GML and CSV readers: a UTF-8 byte-order mark is skipped,
/// invalid UTF-8 (a UTF-16 or binary file) and control characters other than tab, CR and LF are refused with the line
/// and column.
/// </summary>
internal sealed class TextCursor : IDisposable
{
    private readonly StreamReader _reader;
    private readonly string _source;
    private readonly char[] _buffer = new char[1 << 16];
    private int _length;
    private int _position;

    public TextCursor(Stream stream, string source)
    {
        _reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        _source = source;
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>The 1-based line of the next character.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The 1-based column of the next character.</summary>
    public int Column { get; private set; } = 1;

    /// <summary>The next character without consuming it, or −1 at the end.</summary>
    public int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    /// <summary>Consumes and returns the next character, or −1 at the end.</summary>
    public int Next()
    {
        int c = Peek();
        if (c < 0)
        {
            return c;
        }

        _position++;
        if (c == '\n')
        {
            Line++;
            Column = 1;
        }
        else
        {
            Column++;
        }

        return c;
    }

    public FormatException Error(string what) => new($"{_source}: line {Line}, column {Column}: {what}.");

    private bool Fill()
    {
        try
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"{_source}: after line {Line}: the text is not valid UTF-8 (a UTF-16 or binary file?); save it as UTF-8.");
        }

        _position = 0;
        for (int i = 0; i < _length; i++)
        {
            char c = _buffer[i];
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                // Report the exact place: advance the counters to the bad character first.
                while (_position < i)
                {
                    Next();
                }

                throw Error($"control character U+{(int)c:X4} (is this a binary file?)");
            }
        }

        return _length > 0;
    }
}
