using System.Globalization;
using System.Text;
using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>GML reading and writing for <see cref="AttributedGraph"/> (see its <c>LoadGml</c> for the rules).</summary>
internal static class GmlFormat
{
    private const int MaxStringChars = 1 << 20;

    private enum Kind
    {
        Integer,
        Real,
        String,
        ListStart,
        ListEnd,
        End,
    }

    private readonly record struct Token(Kind Kind, string Text, int Line, int Column, bool Quoted = false);

    private sealed class NodeRecord
    {
        public long? Id;
        public string? Label;
        public string? Segment;
        public List<(string Key, double Value, int Line, int Column)> Numbers = [];
        public List<(string Key, string Value, int Line, int Column)> Texts = [];
        public int Line;
        public int Column;
    }

    private readonly record struct EdgeRecord(long Source, long Target, float? Weight, int Line, int Column);

    public static AttributedGraph Read(Stream stream, AttributedGraphOptions options, string? path)
    {
        string source = path is null ? "GML" : Printable.Escape(path, 200);
        using var capped = new CappedStream(stream, options.MaxFileBytes, source);
        using var text = new TextCursor(capped, source);
        var lexer = new Lexer(text, source);
        var nodes = new List<NodeRecord>();
        var edges = new List<EdgeRecord>();
        bool directed = false, graphSeen = false;

        // Top level: key value pairs; the one "graph [ … ]" is read, everything else skipped.
        while (lexer.NextKey() is { } key)
        {
            if (key.Text == "graph" && lexer.PeekKind() == Kind.ListStart)
            {
                if (graphSeen)
                {
                    throw lexer.Error(key, "a second graph: one graph per file is read");
                }

                graphSeen = true;
                lexer.Expect(Kind.ListStart);
                directed = ReadGraph(lexer, options, nodes, edges);
            }
            else
            {
                lexer.SkipValue(1);
            }
        }

        if (!graphSeen)
        {
            throw new FormatException($"{source}: no 'graph [ … ]': not a GML graph.");
        }

        return Build(source, options, nodes, edges, directed);
    }

    private static bool ReadGraph(Lexer lexer, AttributedGraphOptions options, List<NodeRecord> nodes, List<EdgeRecord> edges)
    {
        bool directed = false;
        while (lexer.NextKeyInList() is { } key)
        {
            switch (key.Text)
            {
                case "directed":
                    Token value = lexer.Value(2);
                    directed = value.Kind == Kind.Integer && value.Text != "0"
                        ? value.Text == "1" ? true : throw lexer.Error(value, $"directed must be 0 or 1; it was {Printable.Escape(value.Text, 40)}")
                        : value.Kind == Kind.Integer ? false : throw lexer.Error(value, "directed must be 0 or 1");
                    break;
                case "node" when lexer.PeekKind() == Kind.ListStart:
                    lexer.Expect(Kind.ListStart);
                    nodes.Add(ReadNode(lexer, key, options));
                    break;
                case "edge" when lexer.PeekKind() == Kind.ListStart:
                    lexer.Expect(Kind.ListStart);
                    edges.Add(ReadEdge(lexer, key, options));
                    break;
                default:
                    lexer.SkipValue(2);
                    break;
            }
        }

        return directed;
    }

    private static NodeRecord ReadNode(Lexer lexer, Token start, AttributedGraphOptions options)
    {
        var node = new NodeRecord { Line = start.Line, Column = start.Column };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (lexer.NextKeyInList() is { } key)
        {
            if (!seen.Add(key.Text))
            {
                throw lexer.Error(key, $"key '{Printable.Escape(key.Text, 80)}' is given twice in one node");
            }

            Token value = lexer.Value(3);
            if (value.Kind == Kind.ListStart)
            {
                lexer.SkipList(3);
                continue;
            }

            if (key.Text == "id")
            {
                node.Id = value.Kind == Kind.Integer ? lexer.Integer(value) : throw lexer.Error(value, "a node id must be an integer");
            }
            else if (key.Text == "label")
            {
                node.Label = value.Kind == Kind.String ? value.Text : lexer.NumberText(value);
            }
            else if (string.Equals(key.Text, options.SegmentAttribute, StringComparison.OrdinalIgnoreCase))
            {
                node.Segment = value.Kind == Kind.String ? value.Text : lexer.NumberText(value);
            }
            else if (value.Kind is Kind.Integer or Kind.Real)
            {
                node.Numbers.Add((key.Text, lexer.Finite(value, $"node key '{Printable.Escape(key.Text, 80)}'"), value.Line, value.Column));
            }
            else
            {
                node.Texts.Add((key.Text, value.Text, value.Line, value.Column));
            }
        }

        return node.Id is null ? throw lexer.Error(start, "a node without an id") : node;
    }

    private static EdgeRecord ReadEdge(Lexer lexer, Token start, AttributedGraphOptions options)
    {
        long? source = null, target = null;
        float? weight = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (lexer.NextKeyInList() is { } key)
        {
            if (!seen.Add(key.Text))
            {
                throw lexer.Error(key, $"key '{Printable.Escape(key.Text, 80)}' is given twice in one edge");
            }

            Token value = lexer.Value(3);
            if (value.Kind == Kind.ListStart)
            {
                lexer.SkipList(3);
                continue;
            }

            if (key.Text is "source" or "target")
            {
                long id = value.Kind == Kind.Integer ? lexer.Integer(value) : throw lexer.Error(value, $"an edge's {key.Text} must be an integer node id");
                (key.Text == "source" ? ref source : ref target) = id;
            }
            else if (string.Equals(key.Text, options.WeightAttribute, StringComparison.OrdinalIgnoreCase))
            {
                weight = value.Kind is Kind.Integer or Kind.Real
                    && float.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out float w) && float.IsFinite(w) && w >= 0
                    ? w
                    : throw lexer.Error(value, $"the edge weight must be a finite number ≥ 0 (within the float range); it was {Printable.Escape(value.Text, 40)}");
            }
        }

        return source is null || target is null
            ? throw lexer.Error(start, "an edge without a source or a target")
            : new EdgeRecord(source.Value, target.Value, weight, start.Line, start.Column);
    }

    private static AttributedGraph Build(string source, AttributedGraphOptions options, List<NodeRecord> nodes, List<EdgeRecord> edges, bool directed)
    {
        var builder = new AttributedGraphBuilder(source);
        bool labelled = nodes.Count > 0 && nodes.TrueForAll(n => n.Label is not null);
        var byGmlId = new Dictionary<long, int>(nodes.Count);
        foreach (NodeRecord record in nodes)
        {
            string where = $"line {record.Line}, column {record.Column}";
            if (!byGmlId.TryAdd(record.Id!.Value, builder.NodeCount))
            {
                throw builder.Error(where, $"node id {record.Id.Value.ToString(CultureInfo.InvariantCulture)} is given twice");
            }

            int node = builder.AddNode(labelled ? record.Label! : record.Id.Value.ToString(CultureInfo.InvariantCulture), where);
            if (record.Segment is { } segment)
            {
                builder.SetSegment(node, segment, where);
            }

            foreach ((string key, double value, int line, int column) in record.Numbers)
            {
                builder.SetAttribute(Slot(builder, key, NodePropertyKind.Number, line, column), node, value);
            }

            foreach ((string key, string value, int line, int column) in record.Texts)
            {
                builder.SetText(Slot(builder, key, NodePropertyKind.Text, line, column), node, value);
            }
        }

        bool anyWeight = edges.Exists(e => e.Weight is not null);
        builder.HasEdgeWeights = anyWeight;
        foreach (EdgeRecord edge in edges)
        {
            string where = $"line {edge.Line}, column {edge.Column}";
            int u = byGmlId.TryGetValue(edge.Source, out int s) ? s : throw builder.Error(where, $"the edge's source {edge.Source.ToString(CultureInfo.InvariantCulture)} is not a node id of the graph");
            int v = byGmlId.TryGetValue(edge.Target, out int t) ? t : throw builder.Error(where, $"the edge's target {edge.Target.ToString(CultureInfo.InvariantCulture)} is not a node id of the graph");
            float weight = edge.Weight ?? (anyWeight
                ? throw builder.Error(where, $"the edge has no {Printable.Escape(options.WeightAttribute, 80)}, but other edges have one")
                : 1f);
            builder.AddArc(u, v, weight, !directed);
        }

        return builder.Build(options.SegmentAttribute);
    }

    /// <summary>The slot of node key <paramref name="key"/>, declared at its first use; a key must keep its kind (number or string).</summary>
    private static int Slot(AttributedGraphBuilder builder, string key, NodePropertyKind kind, int line, int column)
    {
        string where = $"line {line}, column {column}";
        if (!builder.TryGetAttribute(key, out int slot))
        {
            return builder.DeclareAttribute(key, where, kind);
        }

        return builder.KindOf(slot) == kind
            ? slot
            : throw builder.Error(where, $"node key '{Printable.Escape(key, 80)}' is {(kind == NodePropertyKind.Text ? "a string here but a number" : "a number here but a string")} in an earlier node; give it one kind");
    }

    /// <summary>GML tokens: keys, integers, reals, strings (entities decoded), '[' and ']'; '#' starts a comment line.</summary>
    private sealed class Lexer(TextCursor text, string source)
    {
        private Token? _peeked;

        public FormatException Error(Token at, string what) => new($"{source}: line {at.Line}, column {at.Column}: {what}.");

        /// <summary>The next key at the top level, or null at the end of the text.</summary>
        public Token? NextKey()
        {
            Token t = Next();
            return t.Kind switch
            {
                Kind.End => null,
                Kind.String when IsKey(t) => t,
                _ => throw Error(t, $"expected a key; found {Describe(t)}"),
            };
        }

        /// <summary>The next key inside a list, or null at its ']'.</summary>
        public Token? NextKeyInList()
        {
            Token t = Next();
            return t.Kind switch
            {
                Kind.ListEnd => null,
                Kind.End => throw Error(t, "the text ends inside a list (a ']' is missing)"),
                Kind.String when IsKey(t) => t,
                _ => throw Error(t, $"expected a key or ']'; found {Describe(t)}"),
            };
        }

        public Kind PeekKind() => (_peeked ??= Read()).Kind;

        public void Expect(Kind kind)
        {
            Token t = Next();
            if (t.Kind != kind)
            {
                throw Error(t, $"expected '['; found {Describe(t)}");
            }
        }

        /// <summary>A value: a number, a string or '[' (the caller then reads or skips the list); <paramref name="depth"/> is the list depth.</summary>
        public Token Value(int depth)
        {
            Token t = Next();
            if (t.Kind is Kind.End or Kind.ListEnd || (t.Kind == Kind.String && IsKey(t)))
            {
                throw Error(t, $"expected a value after the key; found {Describe(t)}");
            }

            if (t.Kind == Kind.ListStart && depth > AttributedGraph.MaxDepth)
            {
                throw Error(t, $"lists are nested deeper than {AttributedGraph.MaxDepth}");
            }

            return t;
        }

        public void SkipValue(int depth)
        {
            if (Value(depth).Kind == Kind.ListStart)
            {
                SkipList(depth);
            }
        }

        /// <summary>Skips a list whose '[' was read (at <paramref name="depth"/>), checking the nesting.</summary>
        public void SkipList(int depth)
        {
            while (NextKeyInList() is not null)
            {
                SkipValue(depth + 1);
            }
        }

        public long Integer(Token t) => long.TryParse(t.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v)
            ? v
            : throw Error(t, $"the integer {Printable.Escape(t.Text, 40)} is outside the 64-bit range");

        public double Finite(Token t, string what) =>
            double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw Error(t, $"{what} must be a finite number; it was {Printable.Escape(t.Text, 40)}");

        public string NumberText(Token t) => t.Kind is Kind.Integer or Kind.Real
            ? t.Text
            : throw Error(t, "expected a string or a number");

        private Token Next()
        {
            if (_peeked is { } p)
            {
                _peeked = null;
                return p;
            }

            return Read();
        }

        private static bool IsKey(Token t) => t.Kind == Kind.String && !t.Quoted;

        private static string Describe(Token t) => t.Kind switch
        {
            Kind.End => "the end of the text",
            Kind.ListStart => "'['",
            Kind.ListEnd => "']'",
            _ => $"'{Printable.Escape(t.Text, 40)}'",
        };

        private Token Read()
        {
            int c;
            while (true)
            {
                c = text.Peek();
                if (c is ' ' or '\t' or '\r' or '\n')
                {
                    text.Next();
                }
                else if (c == '#')
                {
                    while (text.Peek() is not (-1 or '\n'))
                    {
                        text.Next();
                    }
                }
                else
                {
                    break;
                }
            }

            int line = text.Line, column = text.Column;
            if (c < 0)
            {
                return new Token(Kind.End, "", line, column);
            }

            if (c is '[' or ']')
            {
                text.Next();
                return new Token(c == '[' ? Kind.ListStart : Kind.ListEnd, c == '[' ? "[" : "]", line, column);
            }

            if (c == '"')
            {
                text.Next();
                var sb = new StringBuilder();
                while (true)
                {
                    int d = text.Next();
                    if (d < 0)
                    {
                        throw new FormatException($"{source}: line {line}, column {column}: the string is not closed (a '\"' is missing).");
                    }

                    if (d == '"')
                    {
                        break;
                    }

                    if (sb.Length >= MaxStringChars)
                    {
                        throw new FormatException($"{source}: line {line}, column {column}: a string is longer than {MaxStringChars:N0} characters.");
                    }

                    sb.Append((char)d);
                }

                return new Token(Kind.String, Decode(sb.ToString()), line, column, Quoted: true);
            }

            var word = new StringBuilder();
            while (text.Peek() is var d and not (-1 or ' ' or '\t' or '\r' or '\n' or '[' or ']' or '"'))
            {
                if (word.Length >= 1024)
                {
                    throw new FormatException($"{source}: line {line}, column {column}: a key or number is longer than 1,024 characters.");
                }

                word.Append((char)text.Next());
            }

            string w = word.ToString();
            if (w.Length > 0 && (char.IsAsciiLetter(w[0]) || w[0] == '_'))
            {
                return w.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')
                    ? new Token(Kind.String, w, line, column)
                    : throw new FormatException($"{source}: line {line}, column {column}: '{Printable.Escape(w, 40)}' is not a key (letters, digits and '_').");
            }

            if (IsInteger(w))
            {
                return new Token(Kind.Integer, w, line, column);
            }

            return double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && w.Any(char.IsAsciiDigit)
                ? new Token(Kind.Real, w, line, column)
                : throw new FormatException($"{source}: line {line}, column {column}: '{Printable.Escape(w, 40)}' is not a key, a number or a string.");
        }

        private static bool IsInteger(string w)
        {
            int start = w.Length > 0 && w[0] is '+' or '-' ? 1 : 0;
            return w.Length > start && w.AsSpan(start).IndexOfAnyExceptInRange('0', '9') < 0;
        }
    }

    /// <summary>Decodes the entities GML writers use in strings.</summary>
    internal static string Decode(string s)
    {
        if (!s.Contains('&'))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            int semi = s[i] == '&' ? s.IndexOf(';', i + 1) : -1;
            if (semi > i && semi - i <= 12 && Entity(s.AsSpan(i + 1, semi - i - 1)) is { } decoded)
            {
                sb.Append(decoded);
                i = semi;
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }

    private static string? Entity(ReadOnlySpan<char> name)
    {
        switch (name)
        {
            case "amp": return "&";
            case "quot": return "\"";
            case "lt": return "<";
            case "gt": return ">";
            case "apos": return "'";
        }

        if (name.Length > 1 && name[0] == '#')
        {
            bool hex = name[1] is 'x' or 'X';
            if (int.TryParse(hex ? name[2..] : name[1..], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int code)
                && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
            {
                return char.ConvertFromUtf32(code);
            }
        }

        return null;
    }

    private static string Encode(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '"' => sb.Append("&quot;"),
                _ when char.IsControl(c) => sb.Append(CultureInfo.InvariantCulture, $"&#{(int)c};"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    public static void Write(AttributedGraph graph, Stream stream)
    {
        SocialGraph g = graph.Graph;
        foreach (NodeProperty a in graph.Properties)
        {
            if (a.Name.Length == 0 || !(char.IsAsciiLetter(a.Name[0]) || a.Name[0] == '_') || !a.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw Guard.Invalid(nameof(graph), $"attribute '{Printable.Escape(a.Name, 80)}' is not a GML key (a letter or '_', then letters, digits or '_').");
            }

            if (a.Name.ToUpperInvariant() is "ID" or "LABEL" or "SEGMENT" or "WEIGHT")
            {
                throw Guard.Invalid(nameof(graph), $"attribute '{a.Name}' cannot be written: GML output uses id, label, segment and weight itself.");
            }
        }

        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine("graph [");
        w.WriteLine("  directed 1");
        for (int v = 0; v < g.NodeCount; v++)
        {
            w.WriteLine("  node [");
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    id {v}"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    label \"{Encode(g.NodeId(v))}\""));
            if (graph.SegmentOf(v) is { } segment)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    segment \"{Encode(segment)}\""));
            }

            foreach (NodeProperty a in graph.Properties)
            {
                string? text = a.Kind switch
                {
                    NodePropertyKind.Text => a.Texts[v] is { } t ? $"\"{Encode(t)}\"" : null,
                    NodePropertyKind.Boolean => a.Booleans[v] is { } b ? (b ? "1" : "0") : null,
                    _ => a.Values[v] is { } value ? Real(value) : null,
                };
                if (text is not null)
                {
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {a.Name} {text}"));
                }
            }

            w.WriteLine("  ]");
        }

        for (int u = 0; u < g.NodeCount; u++)
        {
            ReadOnlySpan<int> targets = g.OutNeighbors(u);
            ReadOnlySpan<float> weights = g.OutWeights(u);
            for (int k = 0; k < targets.Length; k++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"  edge [ source {u} target {targets[k]}"));
                if (g.HasWeights)
                {
                    w.Write(string.Create(CultureInfo.InvariantCulture, $" weight {Real(weights[k])}"));
                }

                w.WriteLine(" ]");
            }
        }

        w.WriteLine("]");
    }

    /// <summary>A real in GML's form (always with a '.' or an exponent, so it reads back as a real), round-tripping.</summary>
    private static string Real(double value) => RealText(value.ToString("R", CultureInfo.InvariantCulture));

    private static string Real(float value) => RealText(value.ToString("R", CultureInfo.InvariantCulture));

    private static string RealText(string r) => r.Contains('.') || r.Contains('E') ? r : r + ".0";
}
