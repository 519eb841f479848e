using System.Globalization;
using System.Text;
using System.Xml;
using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>GraphML reading and writing for <see cref="AttributedGraph"/> (see its <c>LoadGraphML</c> for the rules).</summary>
internal static class GraphMLFormat
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private const int MaxDataChars = 1 << 20;

    private enum Frame
    {
        Root,
        GraphMl,
        Key,
        KeyDefault,
        Graph,
        Node,
        Edge,
        Data,
        Skipped,
    }

    private enum KeyRole
    {
        Ignored,
        Segment,
        Attribute,
        Weight,
    }

    private sealed class Key
    {
        public KeyRole Role;
        public NodePropertyKind Kind;
        public int Slot = -1;
        public string? Default;
        public bool ForNodes;
        public bool ForEdges;
    }

    public static AttributedGraph Read(Stream stream, AttributedGraphOptions options, string? path)
    {
        string source = path is null ? "GraphML" : Printable.Escape(path, 200);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        using var capped = new CappedStream(stream, options.MaxFileBytes, source);
        using var reader = XmlReader.Create(capped, settings);
        var lineInfo = (IXmlLineInfo)reader;
        try
        {
            return new Parser(reader, lineInfo, options, source).Run();
        }
        catch (XmlException ex)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" Line ", StringComparison.Ordinal);
            message = Printable.Escape(cut > 0 ? message[..cut] : message, 300).TrimEnd('.');
            (int line, int column) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : (Math.Max(lineInfo.LineNumber, 1), Math.Max(lineInfo.LinePosition, 1));
            throw new FormatException($"{source}: line {line}, column {column}: not well-formed XML: {message}.", ex);
        }
    }

    private sealed class Parser(XmlReader reader, IXmlLineInfo lineInfo, AttributedGraphOptions options, string source)
    {
        private readonly AttributedGraphBuilder _builder = new(source);
        private readonly Dictionary<string, Key> _keys = new(StringComparer.Ordinal);
        private readonly List<(string Source, string Target, float Weight, bool Undirected, int Line, int Column)> _pending = [];
        private readonly StringBuilder _text = new();
        private readonly HashSet<string> _seenData = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _frames = new();
        private bool _graphSeen;
        private bool _edgeDefaultUndirected;
        private Key? _key;
        private Key? _dataKey;
        private int _node = -1;
        private string? _edgeSource;
        private string? _edgeTarget;
        private bool _edgeUndirected;
        private float? _edgeWeight;
        private int _edgeLine;
        private int _edgeColumn;
        private Key? _weightKey;
        private bool _dataHasElements;

        private string Where => $"line {lineInfo.LineNumber}, column {lineInfo.LinePosition}";

        public AttributedGraph Run()
        {
            _frames.Push(Frame.Root);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (_frames.Count > AttributedGraph.MaxDepth)
                        {
                            throw _builder.Error(Where, $"elements are nested deeper than {AttributedGraph.MaxDepth}");
                        }

                        bool empty = reader.IsEmptyElement;
                        Frame frame = Open(_frames.Peek());
                        if (empty)
                        {
                            Close(frame);
                        }
                        else
                        {
                            _frames.Push(frame);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        Close(_frames.Pop());
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        if (_frames.Peek() is Frame.Data or Frame.KeyDefault)
                        {
                            if (_text.Length + reader.Value.Length > MaxDataChars)
                            {
                                throw _builder.Error(Where, $"a data value is longer than {MaxDataChars:N0} characters");
                            }

                            _text.Append(reader.Value);
                        }

                        break;
                    case XmlNodeType.DocumentType:
                        throw _builder.Error(Where, "a DTD is not allowed in GraphML");
                }
            }

            if (!_graphSeen)
            {
                throw new FormatException($"{source}: no <graph> element: not a GraphML graph.");
            }

            foreach (var edge in _pending)
            {
                string where = $"line {edge.Line}, column {edge.Column}";
                int u = Resolve(edge.Source, where);
                int v = Resolve(edge.Target, where);
                _builder.AddArc(u, v, edge.Weight, edge.Undirected);
            }

            ApplyNodeDefaults();
            return _builder.Build(options.SegmentAttribute);
        }

        private int Resolve(string id, string where) => _builder.TryGetNode(id, out int node)
            ? node
            : throw _builder.Error(where, $"the edge names node '{Printable.Escape(id, 200)}', which the graph does not declare");

        private Frame Open(Frame parent)
        {
            string name = reader.NamespaceURI is "" or Namespace ? reader.LocalName : "";
            _dataHasElements |= parent == Frame.Data;
            switch (parent, name)
            {
                case (Frame.Root, "graphml"):
                    return Frame.GraphMl;
                case (Frame.Root, _):
                    throw _builder.Error(Where, $"the root element is <{Printable.Escape(reader.Name, 80)}>, not <graphml>: not a GraphML file");
                case (Frame.GraphMl, "key"):
                    OpenKey();
                    return Frame.Key;
                case (Frame.Key, "default"):
                    _text.Clear();
                    return Frame.KeyDefault;
                case (Frame.GraphMl, "graph"):
                    if (_graphSeen)
                    {
                        throw _builder.Error(Where, "a second <graph>: one graph per file is read");
                    }

                    _graphSeen = true;
                    _edgeDefaultUndirected = reader.GetAttribute("edgedefault") switch
                    {
                        null or "directed" => false,
                        "undirected" => true,
                        var other => throw _builder.Error(Where, $"edgedefault must be directed or undirected; it was '{Printable.Escape(other, 80)}'"),
                    };
                    return Frame.Graph;
                case (Frame.Graph, "node"):
                    string id = reader.GetAttribute("id") ?? throw _builder.Error(Where, "a <node> without an id");
                    _node = _builder.AddNode(id, Where);
                    _seenData.Clear();
                    return Frame.Node;
                case (Frame.Graph, "edge"):
                    OpenEdge();
                    return Frame.Edge;
                case (Frame.Graph, "hyperedge"):
                    throw _builder.Error(Where, "hyperedges are not supported");
                case (Frame.Node, "graph") or (Frame.Edge, "graph"):
                    throw _builder.Error(Where, "nested graphs are not supported");
                case (Frame.Node, "data") or (Frame.Edge, "data"):
                    OpenData(parent == Frame.Node);
                    return Frame.Data;
                default:
                    return Frame.Skipped;
            }
        }

        private void Close(Frame frame)
        {
            switch (frame)
            {
                case Frame.KeyDefault:
                    _key!.Default = _text.ToString();
                    break;
                case Frame.Key:
                    CheckDefault(_key!);
                    break;
                case Frame.Data:
                    CloseData();
                    break;
                case Frame.Node:
                    _node = -1;
                    break;
                case Frame.Edge:
                    CloseEdge();
                    break;
            }
        }

        private void OpenKey()
        {
            string id = reader.GetAttribute("id") ?? throw _builder.Error(Where, "a <key> without an id");
            string domain = reader.GetAttribute("for") ?? "all";
            string? attrName = reader.GetAttribute("attr.name");
            string type = reader.GetAttribute("attr.type") ?? "string";
            if (_keys.ContainsKey(id))
            {
                throw _builder.Error(Where, $"key id '{Printable.Escape(id, 80)}' is declared twice");
            }

            var key = new Key { ForNodes = domain is "node" or "all", ForEdges = domain is "edge" or "all" };
            bool numeric = type is "int" or "long" or "float" or "double";
            if (attrName is not null && key.ForEdges && string.Equals(attrName, options.WeightAttribute, StringComparison.OrdinalIgnoreCase))
            {
                key.Role = numeric ? KeyRole.Weight : throw _builder.Error(Where, $"the weight key '{Printable.Escape(attrName, 80)}' must have a numeric attr.type; it is '{Printable.Escape(type, 80)}'");
                _weightKey = key;
                _builder.HasEdgeWeights = true;
            }
            else if (attrName is not null && key.ForNodes && string.Equals(attrName, options.SegmentAttribute, StringComparison.OrdinalIgnoreCase))
            {
                key.Role = KeyRole.Segment;
            }
            else if (attrName is not null && key.ForNodes && (numeric || type is "string" or "boolean"))
            {
                key.Role = KeyRole.Attribute;
                key.Kind = numeric ? NodePropertyKind.Number : type == "string" ? NodePropertyKind.Text : NodePropertyKind.Boolean;
                key.Slot = _builder.DeclareAttribute(attrName, Where, key.Kind);
            }

            _keys.Add(id, key);
            _key = key;
        }

        private void CheckDefault(Key key)
        {
            if (key.Default is null)
            {
                return;
            }

            string where = $"the <default> of a key before {Where}";
            _ = key.Role switch
            {
                KeyRole.Weight => _builder.Weight(key.Default, where),
                KeyRole.Attribute when key.Kind == NodePropertyKind.Number => _builder.Number(key.Default, "the default", where),
                KeyRole.Attribute when key.Kind == NodePropertyKind.Boolean => _builder.Boolean(key.Default, "the default", where) ? 1 : 0,
                KeyRole.Segment when key.Default.Trim().Length == 0 => throw _builder.Error(where, "the segment default is empty"),
                _ => 0,
            };
        }

        private void OpenEdge()
        {
            _edgeLine = lineInfo.LineNumber;
            _edgeColumn = lineInfo.LinePosition;
            _edgeSource = reader.GetAttribute("source") ?? throw _builder.Error(Where, "an <edge> without a source");
            _edgeTarget = reader.GetAttribute("target") ?? throw _builder.Error(Where, "an <edge> without a target");
            _edgeUndirected = reader.GetAttribute("directed") switch
            {
                null => _edgeDefaultUndirected,
                "true" or "1" => false,
                "false" or "0" => true,
                var other => throw _builder.Error(Where, $"directed must be true or false; it was '{Printable.Escape(other, 80)}'"),
            };
            _edgeWeight = null;
            _seenData.Clear();
        }

        private void CloseEdge()
        {
            string where = $"line {_edgeLine}, column {_edgeColumn}";
            float weight = _edgeWeight
                ?? (_weightKey is null ? 1f
                    : _weightKey.Default is { } d ? _builder.Weight(d, where)
                    : throw _builder.Error(where, $"the edge has no {Printable.Escape(options.WeightAttribute, 80)} and its key has no <default>"));
            if (_builder.TryGetNode(_edgeSource!, out int u) && _builder.TryGetNode(_edgeTarget!, out int v))
            {
                _builder.AddArc(u, v, weight, _edgeUndirected);
            }
            else
            {
                _pending.Add((_edgeSource!, _edgeTarget!, weight, _edgeUndirected, _edgeLine, _edgeColumn));
            }
        }

        private void OpenData(bool forNode)
        {
            string id = reader.GetAttribute("key") ?? throw _builder.Error(Where, "a <data> without a key");
            if (!_keys.TryGetValue(id, out Key? key))
            {
                throw _builder.Error(Where, $"<data key=\"{Printable.Escape(id, 80)}\"> names no <key> declared before it");
            }

            if (!_seenData.Add(id))
            {
                throw _builder.Error(Where, $"<data key=\"{Printable.Escape(id, 80)}\"> is given twice for one {(forNode ? "node" : "edge")}");
            }

            bool applies = forNode ? key.ForNodes && key.Role is KeyRole.Segment or KeyRole.Attribute : key.ForEdges && key.Role == KeyRole.Weight;
            _dataKey = applies ? key : null;
            _dataHasElements = false;
            _text.Clear();
        }

        private void CloseData()
        {
            Key? key = _dataKey;
            _dataKey = null;
            if (key is null || (key.Kind == NodePropertyKind.Text && _dataHasElements))
            {
                // Markup inside a string attribute (yEd graphics declared as a string) is not a value.
                return;
            }

            string value = _text.ToString();
            switch (key.Role)
            {
                case KeyRole.Weight:
                    _edgeWeight = _builder.Weight(value, Where);
                    break;
                case KeyRole.Segment:
                    _builder.SetSegment(_node, value.Trim(), Where);
                    break;
                case KeyRole.Attribute:
                    SetAttribute(key, _node, value, "a node attribute", Where);
                    break;
            }
        }

        private void ApplyNodeDefaults()
        {
            foreach (Key key in _keys.Values)
            {
                if (key.Default is null)
                {
                    continue;
                }

                for (int v = 0; v < _builder.NodeCount; v++)
                {
                    if (key.Role == KeyRole.Segment && !_builder.HasSegment(v))
                    {
                        _builder.SetSegment(v, key.Default.Trim(), "a key's <default>");
                    }
                    else if (key.Role == KeyRole.Attribute && !_builder.HasAttribute(key.Slot, v))
                    {
                        SetAttribute(key, v, key.Default, "the default", "a key's <default>");
                    }
                }
            }
        }

        private void SetAttribute(Key key, int node, string value, string what, string where)
        {
            switch (key.Kind)
            {
                case NodePropertyKind.Text:
                    _builder.SetText(key.Slot, node, value);
                    break;
                case NodePropertyKind.Boolean:
                    _builder.SetBoolean(key.Slot, node, _builder.Boolean(value, what, where));
                    break;
                default:
                    _builder.SetAttribute(key.Slot, node, _builder.Number(value, what, where));
                    break;
            }
        }
    }

    public static void Write(AttributedGraph graph, Stream stream)
    {
        SocialGraph g = graph.Graph;
        foreach (NodeProperty a in graph.Properties)
        {
            if (a.Name is "segment" or "weight")
            {
                throw Guard.Invalid(nameof(graph), $"attribute '{a.Name}' cannot be written: GraphML output names the segment 'segment' and the weight 'weight'.");
            }
        }

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false, CheckCharacters = true };
        try
        {
            using var xml = XmlWriter.Create(stream, settings);
            xml.WriteStartDocument();
            xml.WriteStartElement("graphml", Namespace);
            if (g.HasGroups)
            {
                WriteKey(xml, "segment", "node", "segment", "string");
            }

            for (int a = 0; a < graph.Properties.Count; a++)
            {
                WriteKey(xml, "a" + a.ToString(CultureInfo.InvariantCulture), "node", graph.Properties[a].Name, graph.Properties[a].Kind switch
                {
                    NodePropertyKind.Text => "string",
                    NodePropertyKind.Boolean => "boolean",
                    _ => "double",
                });
            }

            if (g.HasWeights)
            {
                WriteKey(xml, "weight", "edge", "weight", "double");
            }

            xml.WriteStartElement("graph", Namespace);
            xml.WriteAttributeString("edgedefault", "directed");
            for (int v = 0; v < g.NodeCount; v++)
            {
                xml.WriteStartElement("node", Namespace);
                xml.WriteAttributeString("id", g.NodeId(v));
                if (graph.SegmentOf(v) is { } segment)
                {
                    WriteData(xml, "segment", segment);
                }

                for (int a = 0; a < graph.Properties.Count; a++)
                {
                    NodeProperty property = graph.Properties[a];
                    string? text = property.Kind switch
                    {
                        NodePropertyKind.Text => property.Texts[v],
                        NodePropertyKind.Boolean => property.Booleans[v] is { } b ? (b ? "true" : "false") : null,
                        _ => property.Values[v]?.ToString("R", CultureInfo.InvariantCulture),
                    };
                    if (text is not null)
                    {
                        WriteData(xml, "a" + a.ToString(CultureInfo.InvariantCulture), text);
                    }
                }

                xml.WriteEndElement();
            }

            for (int u = 0; u < g.NodeCount; u++)
            {
                ReadOnlySpan<int> targets = g.OutNeighbors(u);
                ReadOnlySpan<float> weights = g.OutWeights(u);
                for (int k = 0; k < targets.Length; k++)
                {
                    xml.WriteStartElement("edge", Namespace);
                    xml.WriteAttributeString("source", g.NodeId(u));
                    xml.WriteAttributeString("target", g.NodeId(targets[k]));
                    if (g.HasWeights)
                    {
                        WriteData(xml, "weight", weights[k].ToString("R", CultureInfo.InvariantCulture));
                    }

                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        catch (XmlException ex)
        {
            throw Guard.Invalid(nameof(graph), $"The graph cannot be written as GraphML: {Printable.Escape(ex.Message, 200)}");
        }
    }

    private static void WriteKey(XmlWriter xml, string id, string domain, string name, string type)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void WriteData(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
