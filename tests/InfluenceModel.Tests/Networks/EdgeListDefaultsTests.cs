using System.Text;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Networks;

/// <summary>
/// Issue 16: an edge list without probabilities must not silently become p = 1. One default (weighted cascade) in the
/// library and the CLI; asking for the file's weights when a line has none is an error.
/// </summary>
public sealed class EdgeListDefaultsTests
{
    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void LoadEdgeList_WithoutAConvention_IsWeightedCascade()
    {
        // c has in-degree 2 (from a and b), d in-degree 1: p = 1/2 and 1.
        var g = SocialGraph.LoadEdgeList(Text("a c\nb c\nc d\n"), null);
        Assert.Equal(0.5f, g.OutWeights(g.IndexOf("a"))[0]);
        Assert.Equal(0.5f, g.OutWeights(g.IndexOf("b"))[0]);
        Assert.Equal(1f, g.OutWeights(g.IndexOf("c"))[0]);
    }

    [Fact]
    public void LoadEdgeList_FilePath_DefaultEqualsExplicitWeightedCascade()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("influence-el-").FullName, "g.txt");
        File.WriteAllText(path, "1 3\n2 3\n2 4\n3 4 0.9\n");
        var byDefault = SocialGraph.LoadEdgeList(path);
        var explicitWc = SocialGraph.LoadEdgeList(path, null, EdgeProbabilities.WeightedCascade);
        for (int u = 0; u < byDefault.NodeCount; u++)
        {
            Assert.Equal(explicitWc.OutWeights(u).ToArray(), byDefault.OutWeights(u).ToArray());
        }

        Assert.Equal(0.5f, byDefault.OutWeights(byDefault.IndexOf("3"))[0]); // the file's 0.9 is not a probability here
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }

    [Fact]
    public void FromWeights_OnAFileWithoutAWeightColumn_IsAnError()
    {
        var ex = Assert.Throws<FormatException>(() => SocialGraph.LoadEdgeList(Text("a b\nb c\n"), null, EdgeProbabilities.FromWeights));
        Assert.Contains("2 of 2 arcs have no weight", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultWeight", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromWeights_WithSomeLinesUnweighted_IsAnError_CountingThem()
    {
        var ex = Assert.Throws<FormatException>(() => SocialGraph.LoadEdgeList(Text("a b 0.2\nb c\nc d 0.3\n"), null, EdgeProbabilities.FromWeights));
        Assert.Contains("1 of 3 arcs have no weight", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromWeights_KeepsTheFileWeights()
    {
        var g = SocialGraph.LoadEdgeList(Text("a b 0.2\nb c 0.7\n"), null, EdgeProbabilities.FromWeights);
        Assert.Equal(0.2f, g.OutWeights(g.IndexOf("a"))[0]);
        Assert.Equal(0.7f, g.OutWeights(g.IndexOf("b"))[0]);
    }

    [Fact]
    public void FromWeights_WithAnExplicitDefaultWeight_FillsTheMissingOnes()
    {
        var g = SocialGraph.LoadEdgeList(Text("a b 0.2\nb c\n"), new EdgeListOptions { DefaultWeight = 0.05f }, EdgeProbabilities.FromWeights);
        Assert.Equal(0.05f, g.OutWeights(g.IndexOf("b"))[0]);
        Assert.True(new EdgeListOptions { DefaultWeight = 1 }.DefaultWeightIsSet);
        Assert.False(EdgeListOptions.Default.DefaultWeightIsSet);
    }

    [Fact]
    public void NullConvention_ThrowsNamingIt()
    {
        Assert.Equal("probabilities", Assert.Throws<ArgumentNullException>(() => SocialGraph.LoadEdgeList(Text("a b\n"), null, null!)).ParamName);
    }
}
