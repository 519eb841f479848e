using InfluenceModel.Networks;

namespace InfluenceModel.Cli;

/// <summary>
/// The `--graph` argument of `seeds`, `spread` and `opinion`: a binary graph file (detected by its magic bytes), a
/// GraphML (<c>.graphml</c>, <c>.graphml.gz</c>) or GML (<c>.gml</c>, <c>.gml.gz</c>) file with node attributes (gzip
/// detected by its magic bytes and verified), or an edge list; and `--nodes`, a node table (CSV: id, segment, other
/// columns) beside an edge list or a binary graph file.
/// </summary>
internal static class GraphInput
{
    /// <summary>
    /// The graph with <paramref name="convention"/>'s probabilities: a graph file as saved, then the convention; an edge
    /// list through <see cref="SocialGraph.LoadEdgeList(string, EdgeListOptions?, EdgeProbabilities)"/>, so asking for the
    /// file's weights when a line has none is an error. Segments from a GraphML/GML file or from <paramref name="nodes"/>
    /// become the graph's groups (what the Kelman model's identification reads).
    /// </summary>
    public static SocialGraph Load(string path, bool undirected, EdgeProbabilities convention, string? nodes = null) =>
        LoadAttributed(path, undirected, convention, nodes).Graph;

    /// <summary>
    /// As <see cref="Load"/>, keeping the segment names and node properties; <paramref name="segmentAttribute"/> names the
    /// node attribute (GraphML/GML) or column (<paramref name="nodes"/>) whose values are the segments (default "segment").
    /// </summary>
    public static AttributedGraph LoadAttributed(string path, bool undirected, EdgeProbabilities convention, string? nodes = null, string? segmentAttribute = null)
    {
        string existing = Existing(path);
        AttributedGraphOptions? options = segmentAttribute is null ? null : new AttributedGraphOptions { SegmentAttribute = segmentAttribute };
        if (Format(existing) is { } format)
        {
            if (undirected)
            {
                throw new CliInputException($"--undirected applies to edge lists; the {format} file {EscapedPath(path)} says itself whether its edges are directed.");
            }

            if (nodes is not null)
            {
                throw new CliInputException($"--nodes applies to edge lists and graph files; the {format} file {EscapedPath(path)} carries its own node attributes.");
            }

            AttributedGraph read = format == "GraphML" ? AttributedGraph.LoadGraphML(existing, options) : AttributedGraph.LoadGml(existing, options);
            if (ReferenceEquals(convention, EdgeProbabilities.FromWeights) && !read.Graph.HasWeights && read.Graph.EdgeCount > 0)
            {
                throw new CliInputException($"--probability weights needs edge weights, but the {format} file {EscapedPath(path)} has no 'weight' edge attribute; choose wc, uniform:P or trivalency.");
            }

            return new AttributedGraph(read.Graph.WithEdgeProbabilities(convention), read.Graph.HasGroups ? read.Segments : null, read.Properties);
        }

        SocialGraph graph = SocialGraph.IsBinaryFile(existing)
            ? LoadWeights(path, undirected).WithEdgeProbabilities(convention)
            : SocialGraph.LoadEdgeList(path, new EdgeListOptions { Undirected = undirected }, convention);
        if (nodes is null && segmentAttribute is not null)
        {
            throw new CliInputException($"--segment-attribute names a node attribute of a GraphML/GML file or a column of --nodes; the edge list or graph file {EscapedPath(path)} has none.");
        }

        return nodes is null
            ? new AttributedGraph(graph)
            : AttributedGraph.LoadNodeTable(graph, File.Exists(nodes) ? nodes : throw new CliInputException($"--nodes file not found: {EscapedPath(nodes)}"), options);
    }

    /// <summary>
    /// The graph with the file's own arc weights and a GraphML/GML file's segments as group labels: what `graph convert`
    /// stores. An edge list in which some line has no weight, or a GraphML/GML file without a 'weight' edge attribute,
    /// gives a graph without weights (<see cref="SocialGraph.HasWeights"/> false, every weight 1), so the graph file
    /// cannot later pass 1.0 off as a given probability.
    /// </summary>
    public static SocialGraph LoadWeights(string path, bool undirected)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"Graph file not found: {EscapedPath(path)}");
        }

        if (Format(path) is { } format)
        {
            return undirected
                ? throw new CliInputException($"--undirected applies to edge lists; the {format} file {EscapedPath(path)} says itself whether its edges are directed.")
                : (format == "GraphML" ? AttributedGraph.LoadGraphML(path) : AttributedGraph.LoadGml(path)).Graph;
        }

        if (SocialGraph.IsBinaryFile(path))
        {
            return undirected
                ? throw new CliInputException($"--undirected applies to edge lists; the graph file {EscapedPath(path)} already holds its arcs (convert the edge list with --undirected instead).")
                : SocialGraph.LoadBinary(path);
        }

        SocialGraph graph = EdgeListReader.ReadFile(path, new EdgeListOptions { Undirected = undirected }.MarkingMissingWeights());
        foreach (float weight in graph.OutWeightArray)
        {
            if (float.IsNaN(weight))
            {
                return graph.WithoutWeights();
            }
        }

        return graph;
    }

    /// <summary>
    /// "GraphML" or "GML" by the file's extension (case-insensitive; a trailing <c>.gz</c> is looked through, the reader
    /// then decompresses by the gzip magic bytes), else null (an edge list or a binary graph file).
    /// </summary>
    public static string? Format(string path)
    {
        string name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.GetExtension(name).ToUpperInvariant() switch
        {
            ".GRAPHML" => "GraphML",
            ".GML" => "GML",
            _ => null,
        };
    }

    /// <summary>
    /// "N nodes, M arcs" (the current culture's digit grouping), and with <paramref name="weights"/> ", weighted" or
    /// ", no weights": how every command that reads or writes a graph states its size.
    /// </summary>
    public static string Describe(SocialGraph graph, bool weights = false) =>
        $"{graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} arcs{(!weights ? "" : graph.HasWeights ? ", weighted" : ", no weights")}";

    /// <summary>Throws <see cref="CliInputException"/> when the folder of <paramref name="path"/>, a graph file about to be written, does not exist.</summary>
    public static void CheckFolderOf(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliInputException($"The folder of {EscapedPath(path)} does not exist.");
        }
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new CliInputException($"Graph file not found: {EscapedPath(path)}");

    /// <summary>A path as shown in a message: control characters escaped (the CLI's one escaping, <see cref="ErrorText.Escape"/>).</summary>
    public static string EscapedPath(string path) => ErrorText.Escape(path);
}
