using InfluenceModel.Networks;

namespace InfluenceModel.Cli;

/// <summary>The `--graph` argument of `seeds` and `spread`: a binary graph file (detected by its magic bytes) or an edge list.</summary>
internal static class GraphInput
{
    public static SocialGraph Load(string path, bool undirected)
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

        return SocialGraph.LoadEdgeList(path, new EdgeListOptions { Undirected = undirected });
    }

    /// <summary>A path as shown in a message: control characters escaped.</summary>
    public static string EscapedPath(string path)
    {
        var sb = new System.Text.StringBuilder(path.Length);
        foreach (char c in path)
        {
            if (char.IsControl(c))
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
