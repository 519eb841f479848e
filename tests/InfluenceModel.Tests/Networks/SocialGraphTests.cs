using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Networks;

public class SocialGraphTests
{
    private static SocialGraph Load(string text, EdgeListOptions? options = null, EdgeProbabilities? probabilities = null) =>
        SocialGraph.LoadEdgeList(new MemoryStream(Encoding.UTF8.GetBytes(text)), options, probabilities ?? EdgeProbabilities.WeightedCascade);

    [Fact]
    public void FromEdges_BuildsSortedOutAndInRows_WithWeightsInBothOrders()
    {
        var g = SocialGraph.FromEdges(4, [new(2, 1, 0.5f), new(0, 3, 0.25f), new(0, 1, 0.75f), new(3, 1, 1f)]);
        Assert.Equal(4, g.NodeCount);
        Assert.Equal(4, g.EdgeCount);
        Assert.Equal([1, 3], g.OutNeighbors(0).ToArray());
        Assert.Equal([0.75f, 0.25f], g.OutWeights(0).ToArray());
        Assert.Equal([0, 2, 3], g.InNeighbors(1).ToArray());
        Assert.Equal([0.75f, 0.5f, 1f], g.InWeights(1).ToArray());
        Assert.Equal(3, g.InDegree(1));
        Assert.Equal(0, g.OutDegree(1));
        Assert.Equal("3", g.NodeId(3));
        Assert.Equal(2, g.IndexOf("2"));
        Assert.False(g.HasGroups);
        Assert.Equal(-1, g.GroupOf(0));
    }

    [Fact]
    public void FromEdges_DropsSelfLoopsAndRepeatedArcs_KeepingTheFirstWeight()
    {
        Edge[] edges = [new(0, 1, 0.1f), new(1, 1, 1f), new(0, 1, 0.9f), new(1, 0, 0.3f)];
        var g = SocialGraph.FromEdges(2, edges);
        Assert.Equal(2, g.EdgeCount);
        Assert.Equal([0.1f], g.OutWeights(0).ToArray());

        var kept = SocialGraph.FromEdges(2, edges, new EdgeListOptions { KeepSelfLoops = true, KeepDuplicateArcs = true });
        Assert.Equal(4, kept.EdgeCount);
        Assert.Equal([0.1f, 0.9f], kept.OutWeights(0).ToArray());
        Assert.Equal([0, 0, 1], kept.InNeighbors(1).ToArray());
    }

    [Fact]
    public void FromEdges_Undirected_AddsBothArcs_AndMergesListedReverseArcs()
    {
        var g = SocialGraph.FromEdges(3, [new(0, 1), new(1, 0), new(1, 2)], new EdgeListOptions { Undirected = true });
        Assert.Equal(4, g.EdgeCount);
        Assert.Equal([0, 2], g.OutNeighbors(1).ToArray());
        Assert.Equal([1], g.InNeighbors(2).ToArray());
    }

    [FsCheck.Xunit.Property(MaxTest = 50)]
    public Property InAdjacency_IsTheTransposeOfOutAdjacency() =>
        Prop.ForAll(Gen.Choose(0, 7).Two().Select(t => new Edge(t.Item1, t.Item2, (t.Item1 * 8 + t.Item2) / 64f)).ArrayOf().ToArbitrary(), edges =>
        {
            var g = SocialGraph.FromEdges(8, edges);
            var outArcs = new List<(int, int, float)>();
            var inArcs = new List<(int, int, float)>();
            for (int u = 0; u < 8; u++)
            {
                for (int k = 0; k < g.OutDegree(u); k++)
                {
                    outArcs.Add((u, g.OutNeighbors(u)[k], g.OutWeights(u)[k]));
                }

                for (int k = 0; k < g.InDegree(u); k++)
                {
                    inArcs.Add((g.InNeighbors(u)[k], u, g.InWeights(u)[k]));
                }
            }

            var expected = edges.Where(e => e.Source != e.Target).Select(e => (e.Source, e.Target, e.Weight)).Distinct().OrderBy(a => a).ToList();
            return outArcs.SequenceEqual(expected) && inArcs.OrderBy(a => a).SequenceEqual(expected) && g.EdgeCount == expected.Count;
        });

    [Fact]
    public void LoadEdgeList_RelabelsIntegerIdsDensely_AndKeepsTheMap()
    {
        var g = Load("# comment\n% other comment\n\n100 7\n7\t42 0.5\n  100   42  \n", new EdgeListOptions { DefaultWeight = 1 }, EdgeProbabilities.FromWeights);
        Assert.Equal(3, g.NodeCount);
        Assert.Equal(3, g.EdgeCount);
        Assert.Equal(["100", "7", "42"], Enumerable.Range(0, 3).Select(g.NodeId));
        int n7 = g.IndexOf("7");
        Assert.Equal([0.5f], g.OutWeights(n7).ToArray());
        Assert.Equal(1f, g.OutWeights(g.IndexOf("100"))[0]);
        Assert.False(g.TryGetIndex("8", out _));
        Assert.False(g.TryGetIndex("007", out _));
    }

    [Fact]
    public void LoadEdgeList_StringIds_AndIntegerIdsBeforeThem_AreOneMap()
    {
        var g = Load("1 alice\nalice bob\nbob 1\n", new EdgeListOptions { Undirected = true });
        Assert.Equal(3, g.NodeCount);
        Assert.Equal(6, g.EdgeCount);
        Assert.Equal("alice", g.NodeId(g.IndexOf("alice")));
        Assert.Equal(0, g.IndexOf("1"));
        var ex = Assert.Throws<ArgumentException>(() => g.IndicesOf(["bob", "carol"]));
        Assert.Equal("ids", ex.ParamName);
        Assert.Contains("carol", ex.Message);
    }

    [Theory]
    [InlineData("1 2\n3\n", 2, "3")]
    [InlineData("1 2\n# c\n3 4 5 6\n", 3, "3 4 5 6")]
    [InlineData("1 2 x\n", 1, "1 2 x")]
    [InlineData("1 2 -0.5\n", 1, "1 2 -0.5")]
    [InlineData("1 2 NaN\n", 1, "1 2 NaN")]
    public void LoadEdgeList_MalformedLine_ThrowsFormatExceptionWithLineNumberAndText(string text, int line, string offending)
    {
        var ex = Assert.Throws<FormatException>(() => Load(text));
        Assert.Contains($"line {line}:", ex.Message);
        Assert.Contains($"'{offending}'", ex.Message);
    }

    [Fact]
    public void LoadEdgeList_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => SocialGraph.LoadEdgeList(Path.Combine(Path.GetTempPath(), "no-such-graph-file.txt")));
    }

    [Fact]
    public void LoadEdgeList_GzipByExtension_MatchesPlainText()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string plain = Path.Combine(dir, "g.txt"), gz = Path.Combine(dir, "g.txt.gz");
        File.WriteAllText(plain, "5 6\n6 7 0.25\n");
        using (var file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        {
            zip.Write(File.ReadAllBytes(plain));
        }

        var a = SocialGraph.LoadEdgeList(plain);
        var b = SocialGraph.LoadEdgeList(gz);
        Assert.Equal(a.EdgeCount, b.EdgeCount);
        Assert.Equal(a.OutWeights(a.IndexOf("6")).ToArray(), b.OutWeights(b.IndexOf("6")).ToArray());
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("nethept.txt", 15_229, 62_752)]
    [InlineData("email-enron.txt.gz", 36_692, 367_662)]
    public void LoadEdgeList_SharedGraphs_HaveTheDocumentedSizes(string file, int nodes, int arcs)
    {
        var g = SocialGraph.LoadEdgeList(SharedData.GraphPath(file));
        Assert.Equal(nodes, g.NodeCount);
        Assert.Equal(arcs, g.EdgeCount);
        // Read as undirected, a file that already holds both directions is unchanged.
        var u = SocialGraph.LoadEdgeList(SharedData.GraphPath(file), new EdgeListOptions { Undirected = true });
        Assert.Equal(arcs, u.EdgeCount);
    }

    [Fact]
    public void SizeInBytes_IsSixteenBytesPerArcPlusEightPerNode()
    {
        // 10 million arcs therefore need 160 MB + 8 bytes per node: under the 200 MB budget (measured in MemoryBenchmarks).
        var g = SocialGraph.FromEdges(1000, Enumerable.Range(0, 100_000).Select(i => new Edge(i % 1000, (i / 1000 + (i % 1000) + 1) % 1000)));
        Assert.Equal(100_000, g.EdgeCount);
        Assert.Equal((16L * 100_000) + (8L * 1001), g.SizeInBytes);
    }

    [Fact]
    public void BadInputs_ThrowNamingTheParameter()
    {
        Assert.Equal("nodeCount", Assert.Throws<ArgumentOutOfRangeException>(() => SocialGraph.FromEdges(-1, [])).ParamName);
        Assert.Equal("edges", Assert.Throws<ArgumentOutOfRangeException>(() => SocialGraph.FromEdges(2, [new(0, 2)])).ParamName);
        Assert.Equal("edges", Assert.Throws<ArgumentOutOfRangeException>(() => SocialGraph.FromEdges(2, [new(0, 1, float.NaN)])).ParamName);
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => SocialGraph.FromEdges(2, [], groups: [0])).ParamName);
        Assert.Equal("groups", Assert.Throws<ArgumentOutOfRangeException>(() => SocialGraph.FromEdges(2, [], groups: [0, -1])).ParamName);
        var g = SocialGraph.FromEdges(2, [new(0, 1)]);
        Assert.Equal("node", Assert.Throws<ArgumentOutOfRangeException>(() => g.OutDegree(2)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => g.IndexOf("x")).ParamName);
        Assert.Equal("DefaultWeight", Assert.Throws<ArgumentOutOfRangeException>(() => new EdgeListOptions { DefaultWeight = -1 }).ParamName);
    }

    [Fact]
    public void WithGroups_LabelsNodes()
    {
        var g = SocialGraph.FromEdges(3, [new(0, 1)]).WithGroups([0, 2, 2]);
        Assert.True(g.HasGroups);
        Assert.Equal(3, g.GroupCount);
        Assert.Equal(2, g.GroupOf(1));
        Assert.Equal(1, g.EdgeCount);
    }
}
