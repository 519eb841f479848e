namespace InfluenceModel.Cli.Commands;

/// <summary>The `--nodes FILE` option shared by the commands that read `--graph`.</summary>
internal static class NodesOption
{
    /// <summary>The help text of `--nodes`, the same on every command.</summary>
    public const string Description = "Node table beside an edge list or graph file: CSV with a header naming 'id' (the graph's node ids), optionally 'segment' (the groups Kelman identification weights) and numeric columns.";
}
