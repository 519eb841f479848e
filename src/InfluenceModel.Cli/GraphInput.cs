using InfluenceModel.Networks;

namespace InfluenceModel.Cli;

/// <summary>The `--graph` argument of `seeds` and `spread`: a binary graph file (detected by its magic bytes) or an edge list.</summary>
internal static class GraphInput
{
    /// <summary>
    /// The graph with <paramref name="convention"/>'s probabilities: a graph file as saved, then the convention; an edge
    /// list through <see cref="SocialGraph.LoadEdgeList(string, EdgeListOptions?, EdgeProbabilities)"/>, so asking for the
    /// file's weights when a line has none is an error.
    /// </summary>
    public static SocialGraph Load(string path, bool undirected, EdgeProbabilities convention) =>
        SocialGraph.IsBinaryFile(Existing(path))
            ? LoadWeights(path, undirected).WithEdgeProbabilities(convention)
            : SocialGraph.LoadEdgeList(path, new EdgeListOptions { Undirected = undirected }, convention);

    /// <summary>
    /// The graph with the file's own arc weights: what `graph convert` stores. An edge list in which some line has no
    /// weight gives a graph without weights (<see cref="SocialGraph.HasWeights"/> false, every weight 1), so the graph
    /// file cannot later pass 1.0 off as a given probability.
    /// </summary>
    public static SocialGraph LoadWeights(string path, bool undirected)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"Graph file not found: {EscapedPath(path)}");
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

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new CliInputException($"Graph file not found: {EscapedPath(path)}");

    /// <summary>A path as shown in a message: control characters escaped (the CLI's one escaping, <see cref="ErrorText.Escape"/>).</summary>
    public static string EscapedPath(string path) => ErrorText.Escape(path);
}
