using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// A <see cref="SocialGraph"/> with what a graph file says about its nodes: segment names (the graph's group labels,
/// which the Kelman model's identification process reads) and node properties (numbers, strings, booleans). Read from GraphML
/// (<see cref="LoadGraphML(string, AttributedGraphOptions?)"/>), GML (<see cref="LoadGml(string, AttributedGraphOptions?)"/>)
/// or a node table beside an edge list (<see cref="LoadNodeTable(SocialGraph, string, AttributedGraphOptions?)"/>), and
/// written back to each (<see cref="WriteGraphML(Stream)"/>, <see cref="WriteGml(Stream)"/>, <see cref="WriteNodeTable(Stream)"/>).
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Segment g (the group label <see cref="SocialGraph.GroupOf(int)"/> = g) is named <see cref="Segments"/>[g]; labels are
/// given in order of first appearance in the file. The arcs carry the file's weights (1 when the file has none, and then
/// <see cref="SocialGraph.HasWeights"/> is false); turn them into propagation probabilities with
/// <see cref="SocialGraph.WithEdgeProbabilities(EdgeProbabilities)"/>, which keeps the segments.
/// </para>
/// <para>
/// A file that starts with the gzip magic bytes (<c>.graphml.gz</c>, <c>.gml.gz</c>, <c>.csv.gz</c>; the name does not
/// matter) is decompressed and verified as the edge-list reader verifies <c>.gz</c> files: its trailer's CRC-32 and
/// length must match the data, so a truncated or corrupt file is an <see cref="InvalidDataException"/>, not a smaller
/// graph (a parse error in a file whose trailer does not match reports the truncation). The size cap applies to the
/// decompressed text.
/// Every reader takes hostile input the way the edge-list reader does: the file size is capped
/// (<see cref="AttributedGraphOptions.MaxFileBytes"/>), XML is read with DTD processing prohibited and no external
/// resolution, nesting is limited to <see cref="MaxDepth"/>, text must be UTF-8 (GML, CSV) without control characters,
/// and a malformed file is a <see cref="FormatException"/> naming the file, the line and the column.
/// </para>
/// </remarks>
public sealed class AttributedGraph
{
    /// <summary>The deepest element or list nesting read (64): GraphML needs 4 levels, GML with graphics 5.</summary>
    public const int MaxDepth = 64;

    private readonly string[] _segments;
    private readonly NodeProperty[] _properties;

    /// <summary>Creates an attributed graph from a graph whose group labels are the segments.</summary>
    /// <param name="graph">The graph; when <paramref name="segments"/> is given it must carry group labels.</param>
    /// <param name="segments">The name of each group label 0..<see cref="SocialGraph.GroupCount"/>−1 (distinct, not empty), or null: then the labels' own numbers ("0", "1", …) when the graph has groups, else none.</param>
    /// <param name="properties">Node properties (the file's node attributes other than the segment) with distinct names, each with one value per node; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null, or an element of a list is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="segments"/> is given for a graph without groups, or does not name every label once; a property
    /// name repeats; a property does not have one value per node.
    /// </exception>
    public AttributedGraph(SocialGraph graph, IReadOnlyList<string>? segments = null, IReadOnlyList<NodeProperty>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
        if (segments is null)
        {
            _segments = [.. Enumerable.Range(0, graph.GroupCount).Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }
        else
        {
            Guard.NoNullElements(segments);
            if (!graph.HasGroups || segments.Count != graph.GroupCount)
            {
                throw Guard.Invalid(nameof(segments), $"segments must name each of the graph's {graph.GroupCount} group labels once; it has {segments.Count} names.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in segments)
            {
                if (name.Length == 0 || !seen.Add(name))
                {
                    throw Guard.Invalid(nameof(segments), $"segments must be distinct non-empty names; '{Printable.Escape(name, 80)}' is empty or given twice.");
                }
            }

            _segments = [.. segments];
        }

        _properties = properties is null ? [] : [.. Guard.NoNullElements(properties)];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (NodeProperty property in _properties)
        {
            if (!names.Add(property.Name))
            {
                throw Guard.Invalid(nameof(properties), $"properties must have distinct names; '{Printable.Escape(property.Name, 80)}' is given twice.");
            }

            if (property.Values.Count != graph.NodeCount)
            {
                throw Guard.Invalid(nameof(properties), $"property '{Printable.Escape(property.Name, 80)}' must have one value per node ({graph.NodeCount}); it has {property.Values.Count}.");
            }
        }
    }

    /// <summary>The graph; its group labels are the segments (<see cref="SocialGraph.GroupOf(int)"/>).</summary>
    public SocialGraph Graph { get; }

    /// <summary>The segment names: <c>Segments[g]</c> names group label g. Empty when the graph has no segments.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>The node properties (the file's node attributes: numbers, strings, booleans), in file order; the segment is not among them.</summary>
    public IReadOnlyList<NodeProperty> Properties => _properties;

    /// <summary>The segment name of <paramref name="node"/>, or null when the graph has no segments.</summary>
    /// <param name="node">A dense node index in [0, <see cref="SocialGraph.NodeCount"/>).</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is outside [0, <see cref="SocialGraph.NodeCount"/>).</exception>
    public string? SegmentOf(int node) => Graph.GroupOf(node) is var g and >= 0 ? _segments[g] : null;

    /// <summary>Looks a node property up by name (ordinal, ignoring case).</summary>
    /// <param name="name">The property name.</param>
    /// <param name="property">The property, or null.</param>
    /// <returns>Whether the graph has the property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetProperty(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NodeProperty? property)
    {
        ArgumentNullException.ThrowIfNull(name);
        property = Array.Find(_properties, a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
        return property is not null;
    }

    /// <summary>
    /// Reads a GraphML file (<see href="http://graphml.graphdrawing.org/specification.html">GraphML 1.0</see>): nodes with
    /// their ids, edges (directed or undirected per <c>edgedefault</c> and each edge's <c>directed</c>), the segment
    /// attribute (<see cref="AttributedGraphOptions.SegmentAttribute"/>: any node attribute), node attributes as
    /// properties (<c>attr.type</c> int, long, float, double as numbers; string as text; boolean as booleans, written
    /// true/false or 1/0) and the edge weight attribute, with <c>&lt;default&gt;</c> values. Other data (edge and graph
    /// attributes besides the weight, keys without <c>attr.name</c> such as yEd graphics) is skipped. A gzipped file is
    /// read too (see the remarks of <see cref="AttributedGraph"/>).
    /// </summary>
    /// <remarks>
    /// Ids are kept as written; when every id is an integer in canonical decimal form they are stored as integers (as for
    /// edge lists). Self-loops and repeated arcs are dropped (the first is kept). Refused with a <see cref="FormatException"/>
    /// (file, line, column): a DTD or entity declaration, nesting deeper than <see cref="MaxDepth"/>, more than one
    /// graph, nested graphs and hyperedges, a node id given twice, an edge naming an undeclared node, a data element
    /// naming an undeclared key or given twice, a number that is not finite (or a negative weight), a boolean that is not
    /// true, false, 1 or 0.
    /// </remarks>
    /// <param name="path">The file path.</param>
    /// <param name="options">Attribute names and the size cap; null for <see cref="AttributedGraphOptions.Default"/>.</param>
    /// <returns>The attributed graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is not well-formed GraphML or breaks a rule above; the message says where.</exception>
    /// <exception cref="InvalidDataException">The file (decompressed) is larger than <see cref="AttributedGraphOptions.MaxFileBytes"/>, or it is gzip data that is truncated or corrupt.</exception>
    public static AttributedGraph LoadGraphML(string path, AttributedGraphOptions? options = null) =>
        LoadFile(path, (stream, o) => GraphMLFormat.Read(stream, o, path), options);

    /// <summary>Reads GraphML from a stream (left open); see <see cref="LoadGraphML(string, AttributedGraphOptions?)"/>.</summary>
    /// <param name="stream">A readable stream of XML.</param>
    /// <param name="options">Attribute names and the size cap; null for <see cref="AttributedGraphOptions.Default"/>.</param>
    /// <returns>The attributed graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="FormatException">The text is not well-formed GraphML or breaks a rule; the message says where.</exception>
    /// <exception cref="InvalidDataException">The stream holds more than <see cref="AttributedGraphOptions.MaxFileBytes"/>.</exception>
    public static AttributedGraph ReadGraphML(Stream stream, AttributedGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return GraphMLFormat.Read(stream, options ?? AttributedGraphOptions.Default, null);
    }

    /// <summary>
    /// Reads a GML file (Himsolt's Graph Modelling Language, as networkx, igraph and Gephi write it): <c>graph [ directed
    /// 0|1 node [ id … label "…" … ] edge [ source … target … ] ]</c>. Node ids are the labels when every node has one
    /// (as networkx reads them), else the integer <c>id</c>s. Other node keys become properties (<see cref="Properties"/>):
    /// numbers as numbers, quoted strings as text (GML has no booleans; networkx writes them as 1/0, so they read as
    /// numbers). The segment key (a string or a number) gives the segments, the weight key the arc weights; nested lists
    /// (graphics) are skipped. A file without <c>directed 1</c> is undirected, as the format says. A gzipped file is read
    /// too (see the remarks of <see cref="AttributedGraph"/>).
    /// </summary>
    /// <remarks>
    /// Strings may hold the entities <c>&amp;amp;</c>, <c>&amp;quot;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>,
    /// <c>&amp;apos;</c> and <c>&amp;#N;</c>. Refused with a <see cref="FormatException"/> (file, line, column): text
    /// that is not UTF-8 or holds control characters, nesting deeper than <see cref="MaxDepth"/>, a string over 1 MiB,
    /// a node id or label given twice, an edge naming an unknown node id, a key given twice in one node, a number that
    /// is not finite (or a negative weight).
    /// </remarks>
    /// <param name="path">The file path.</param>
    /// <param name="options">Attribute names and the size cap; null for <see cref="AttributedGraphOptions.Default"/>.</param>
    /// <returns>The attributed graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is not well-formed GML or breaks a rule above; the message says where.</exception>
    /// <exception cref="InvalidDataException">The file (decompressed) is larger than <see cref="AttributedGraphOptions.MaxFileBytes"/>, or it is gzip data that is truncated or corrupt.</exception>
    public static AttributedGraph LoadGml(string path, AttributedGraphOptions? options = null) =>
        LoadFile(path, (stream, o) => GmlFormat.Read(stream, o, path), options);

    /// <summary>Reads GML from a stream (left open); see <see cref="LoadGml(string, AttributedGraphOptions?)"/>.</summary>
    /// <param name="stream">A readable stream of UTF-8 text.</param>
    /// <param name="options">Attribute names and the size cap; null for <see cref="AttributedGraphOptions.Default"/>.</param>
    /// <returns>The attributed graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="FormatException">The text is not well-formed GML or breaks a rule; the message says where.</exception>
    /// <exception cref="InvalidDataException">The stream holds more than <see cref="AttributedGraphOptions.MaxFileBytes"/>.</exception>
    public static AttributedGraph ReadGml(Stream stream, AttributedGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return GmlFormat.Read(stream, options ?? AttributedGraphOptions.Default, null);
    }

    /// <summary>
    /// Reads a node table for <paramref name="graph"/> (usually read from an edge list): a CSV file (RFC 4180 quoting,
    /// UTF-8) whose header names an <c>id</c> column (the node ids of the graph file), optionally the segment column
    /// (<see cref="AttributedGraphOptions.SegmentAttribute"/>), and other columns, which become properties
    /// (<see cref="Properties"/>; an empty cell is a missing value): a column whose cells all read as numbers is numeric,
    /// one whose cells are all true/false is boolean, any other is text. The graph's arcs and weights are kept; its group
    /// labels are replaced by the segments. A gzipped file is read too (see the remarks of <see cref="AttributedGraph"/>).
    /// </summary>
    /// <remarks>
    /// Refused with a <see cref="FormatException"/> (file, line, column): no <c>id</c> column, a column name given twice,
    /// a row with another number of cells than the header, an id that is not a node of the graph or is given twice, a
    /// cell that is not a finite number, a segment column with an empty cell or a graph node without a row, control
    /// characters, text that is not UTF-8, a line over 1 MiB.
    /// </remarks>
    /// <param name="graph">The graph the table describes.</param>
    /// <param name="path">The CSV file path.</param>
    /// <param name="options">The segment column's name and the size cap; null for <see cref="AttributedGraphOptions.Default"/>.</param>
    /// <returns>The attributed graph (the graph's arcs and weights, <see cref="SocialGraph.HasWeights"/> included).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The table breaks a rule above; the message says where.</exception>
    /// <exception cref="InvalidDataException">The file (decompressed) is larger than <see cref="AttributedGraphOptions.MaxFileBytes"/>, or it is gzip data that is truncated or corrupt.</exception>
    public static AttributedGraph LoadNodeTable(SocialGraph graph, string path, AttributedGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return LoadFile(path, (stream, o) => NodeTableFormat.Read(graph, stream, o, path), options);
    }

    /// <summary>Reads a node table from a stream (left open); see <see cref="LoadNodeTable(SocialGraph, string, AttributedGraphOptions?)"/>.</summary>
    /// <param name="graph">The graph the table describes.</param>
    /// <param name="stream">A readable stream of UTF-8 CSV.</param>
    /// <param name="options">The segment column's name and the size cap; null for <see cref="AttributedGraphOptions.Default"/>.</param>
    /// <returns>The attributed graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="FormatException">The table breaks a rule; the message says where.</exception>
    /// <exception cref="InvalidDataException">The stream holds more than <see cref="AttributedGraphOptions.MaxFileBytes"/>.</exception>
    public static AttributedGraph ReadNodeTable(SocialGraph graph, Stream stream, AttributedGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        return NodeTableFormat.Read(graph, stream, options ?? AttributedGraphOptions.Default, null);
    }

    /// <summary>
    /// Writes the graph as GraphML (UTF-8): every arc as a directed edge (<c>edgedefault="directed"</c>), the weight as
    /// a double attribute named <c>weight</c> when the graph <see cref="SocialGraph.HasWeights"/>, the segment as a string
    /// attribute named <c>segment</c>, each property as a double, string or boolean attribute by its kind. <see cref="LoadGraphML(string, AttributedGraphOptions?)"/>
    /// reads it back equal (ids, arcs, weights, segments, properties).
    /// </summary>
    /// <param name="stream">A writable stream, left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException">An id, segment or attribute name holds a character XML cannot carry, or a property is named like the segment or weight attribute.</exception>
    public void WriteGraphML(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        GraphMLFormat.Write(this, stream);
    }

    /// <summary>
    /// Writes the graph as GML (UTF-8): <c>directed 1</c>, each node with its position as <c>id</c> and its id as
    /// <c>label</c>, <c>segment</c> and the properties as keys (numbers as reals, text quoted, booleans as 1/0, which read
    /// back as numbers), each arc as an edge with <c>weight</c> when the graph <see cref="SocialGraph.HasWeights"/>.
    /// <see cref="LoadGml(string, AttributedGraphOptions?)"/> reads it back equal (a boolean property as its numeric view).
    /// </summary>
    /// <param name="stream">A writable stream, left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException">A property name is not a GML key (a letter or '_', then letters, digits or '_'), or is named like the segment or weight key.</exception>
    public void WriteGml(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        GmlFormat.Write(this, stream);
    }

    /// <summary>
    /// Writes the node table as CSV (UTF-8, RFC 4180 quoting): <c>id</c>, <c>segment</c> when the graph has segments,
    /// then one column per property (numbers round-tripping, text as is, booleans true/false; an empty cell for a missing
    /// value), one row per node in index order.
    /// <see cref="LoadNodeTable(SocialGraph, string, AttributedGraphOptions?)"/> reads it back equal for the same graph.
    /// </summary>
    /// <param name="stream">A writable stream, left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException">A property is named <c>id</c> or <c>segment</c>.</exception>
    public void WriteNodeTable(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        NodeTableFormat.Write(this, stream);
    }

    private static AttributedGraph LoadFile(string path, Func<Stream, AttributedGraphOptions, AttributedGraph> read, AttributedGraphOptions? options)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Graph file not found: {Printable.Escape(path)}", path);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        AttributedGraphOptions o = options ?? AttributedGraphOptions.Default;
        if (!file.CanSeek || !GzipTrailer.StartsWithMagic(file))
        {
            return read(file, o);
        }

        using var gzip = new VerifiedGzipStream(file, GzipTrailer.Read(file, path, file.Length, "Graph file"));
        AttributedGraph graph;
        try
        {
            graph = read(gzip, o);
        }
        catch (FormatException)
        {
            // A truncated file's text usually ends mid-element: the truthful message is then the truncation.
            if (gzip.CheckRest() is { } corrupt)
            {
                throw corrupt;
            }

            throw;
        }

        if (gzip.CheckRest() is { } mismatch)
        {
            throw mismatch;
        }

        return graph;
    }
}
