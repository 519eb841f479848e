using InfluenceModel.Cli;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Cli;

/// <summary>`influence graph generate rmat`: the library's graph as a graph file or an edge list; bad options as one-line errors.</summary>
public sealed class GraphGenerateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-rmat-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void GraphFileAndEdgeList_HoldTheLibrarysGraph()
    {
        string binary = Path.Combine(_folder, "r.imgraph"), text = Path.Combine(_folder, "r.txt.gz");
        string[] options = ["--scale", "8", "--arcs", "3000", "--quadrants", "0.5,0.2,0.2,0.1", "--seed", "4"];
        var (code, output, error) = CliHarness.Run(200, ["graph", "generate", "rmat", binary, .. options]);
        Assert.True(code == CliApp.ExitOk, error);
        var expected = GraphGenerators.RMat(8, 3000, 4, 0.5, 0.2, 0.2, 0.1);
        Assert.Contains($"256 nodes, {expected.EdgeCount:N0} arcs", output, StringComparison.Ordinal);
        var fromFile = SocialGraph.LoadBinary(binary);
        Assert.Equal(expected.OutOffsetArray, fromFile.OutOffsetArray);
        Assert.Equal(expected.OutTargetArray, fromFile.OutTargetArray);
        Assert.False(fromFile.HasWeights);

        Assert.Equal(CliApp.ExitOk, CliHarness.Run(200, ["graph", "generate", "rmat", text, .. options, "--parallelism", "1"]).Code);
        var fromText = SocialGraph.LoadEdgeList(text);
        Assert.Equal(expected.EdgeCount, fromText.EdgeCount);
        Assert.All(InfluenceModel.Tests.Networks.GraphGeneratorsTests.Arcs(fromText), arc =>
            Assert.Contains(int.Parse(fromText.NodeId(arc.V), System.Globalization.CultureInfo.InvariantCulture), expected.OutNeighbors(int.Parse(fromText.NodeId(arc.U), System.Globalization.CultureInfo.InvariantCulture)).ToArray()));
    }

    [Theory]
    [InlineData("--quadrants", "0.5,0.2,0.2,0.2", "a + b + c + d must be 1")]
    [InlineData("--quadrants", "0.5,0.5", "four numbers")]
    [InlineData("--quadrants", "0.5,x,0.2,0.1", "not a number")]
    [InlineData("--scale", "31", "--scale must be 1 to 30")]
    [InlineData("--arcs", "-5", "--arcs must be")]
    [InlineData("--parallelism", "0", "--parallelism")]
    public void BadOptions_AreOneLineErrors_WithExitTwo(string option, string value, string message)
    {
        var args = new List<string> { "graph", "generate", "rmat", Path.Combine(_folder, "x.imgraph"), "--scale", "4", "--arcs", "10" };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, error) = CliHarness.Run(200, [.. args]);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(_folder, "x.imgraph")));
    }

    [Fact]
    public void ConvertedUnweightedList_RefusesWeightsAsProbabilities_WeightedListKeepsThem()
    {
        string plain = Path.Combine(_folder, "p.txt"), weighted = Path.Combine(_folder, "w.txt");
        File.WriteAllText(plain, "1 2\n2 3 0.5\n");
        File.WriteAllText(weighted, "1 2 0.25\n2 3 0.5\n");
        string plainGraph = Path.Combine(_folder, "p.imgraph"), weightedGraph = Path.Combine(_folder, "w.imgraph");
        var (code, output, _) = CliHarness.Run(200, "graph", "convert", plain, plainGraph);
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("no weights", output, StringComparison.Ordinal);
        (code, output, _) = CliHarness.Run(200, "graph", "convert", weighted, weightedGraph);
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("weighted", output, StringComparison.Ordinal);

        var (refused, _, error) = CliHarness.Run(200, "spread", "--graph", plainGraph, "--seed-nodes", "1", "--probability", "weights");
        Assert.Equal(CliApp.ExitBadInput, refused);
        Assert.Contains("no weights", error, StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitOk, CliHarness.Run(200, "spread", "--graph", weightedGraph, "--seed-nodes", "1", "--probability", "weights").Code);
        Assert.Equal(CliApp.ExitOk, CliHarness.Run(200, "spread", "--graph", plainGraph, "--seed-nodes", "1", "--probability", "wc").Code);
    }
}
