using InfluenceModel.Networks;

namespace InfluenceModel.Cli.Commands;

/// <summary>Node ids given on the command line or in a file (`--seed-nodes`, `--candidates`, `--forced`), resolved against a graph.</summary>
internal static class NodeIdsOption
{
    /// <summary>The dense indices of <paramref name="ids"/>; an unknown id is bad input naming <paramref name="option"/>.</summary>
    public static int[] Resolve(SocialGraph graph, IEnumerable<string> ids, string option)
    {
        var nodes = new List<int>();
        foreach (string id in ids)
        {
            nodes.Add(graph.TryGetIndex(id, out int node)
                ? node
                : throw new CliInputException($"{option}: node id '{id}' is not in the graph ({graph.NodeCount} nodes)."));
        }

        return [.. nodes];
    }
}
