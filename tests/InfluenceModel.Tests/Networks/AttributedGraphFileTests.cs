using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Networks;

/// <summary>
/// Issue 17's graph files with attributes, second part: string and boolean node attributes in GraphML, GML and node
/// tables, segments from any attribute the options name, and gzipped files verified like gzipped edge lists.
/// </summary>
public sealed class AttributedGraphFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("im-attributed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // ---- String and boolean attributes ----

    [Fact]
    public void GraphML_StringAndBooleanAttributes_AreProperties_WithDefaults()
    {
        const string xml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="r" for="node" attr.name="region" attr.type="string"><default>north</default></key>
              <key id="c" for="node" attr.name="customer" attr.type="boolean"><default>false</default></key>
              <key id="s" for="node" attr.name="segment" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="a"><data key="r">south</data><data key="c">true</data><data key="s">fan</data></node>
                <node id="b"><data key="c">1</data><data key="s">new</data></node>
                <node id="c"><data key="c"> FALSE </data><data key="s">fan</data></node>
                <edge source="a" target="b"/>
              </graph>
            </graphml>
            """;
        AttributedGraph g = AttributedGraph.ReadGraphML(Utf8(xml));
        Assert.Equal(["fan", "new"], g.Segments);
        Assert.Equal(["region", "customer"], g.Properties.Select(p => p.Name));
        Assert.Equal(NodePropertyKind.Text, g.Properties[0].Kind);
        Assert.Equal(["south", "north", "north"], g.Properties[0].Texts);
        Assert.True(g.Properties[0].IsComplete);
        Assert.Equal(NodePropertyKind.Boolean, g.Properties[1].Kind);
        Assert.Equal([true, true, false], g.Properties[1].Booleans);
        Assert.Equal([1.0, 1.0, 0.0], g.Properties[1].Values);
        Assert.False(g.Graph.HasWeights);

        // The options pick any attribute as the segments: the region; "segment" is then a text property like any other.
        AttributedGraph byRegion = AttributedGraph.ReadGraphML(Utf8(xml), new AttributedGraphOptions { SegmentAttribute = "REGION" });
        Assert.Equal(["south", "north"], byRegion.Segments);
        Assert.Equal([0, 1, 1], Enumerable.Range(0, 3).Select(byRegion.Graph.GroupOf));
        Assert.Equal(["customer", "segment"], byRegion.Properties.Select(p => p.Name));
        Assert.Equal(["fan", "new", "fan"], byRegion.Properties[1].Texts);
    }

    [Fact]
    public void Gml_QuotedStrings_AreTextProperties()
    {
        const string gml = """
            graph [
              node [ id 0 label "ann" city "Paris" age 31 ]
              node [ id 1 label "bob" city "S&amp;P &#34;x&#34;" ]
              node [ id 2 label "cy" age 4 ]
            ]
            """;
        AttributedGraph g = AttributedGraph.ReadGml(Utf8(gml));
        Assert.Equal(["age", "city"], g.Properties.Select(p => p.Name).Order());
        Assert.True(g.TryGetProperty("city", out NodeProperty? city));
        Assert.Equal(NodePropertyKind.Text, city.Kind);
        Assert.Equal(["Paris", "S&P \"x\"", null], city.Texts);
        Assert.True(g.TryGetProperty("age", out NodeProperty? age));
        Assert.Equal([31.0, null, 4.0], age.Values);
        Assert.Equal([null, null, null], age.Texts);

        // A string key can be the segments.
        AttributedGraph byCity = AttributedGraph.ReadGml(Utf8(gml.Replace("age 4 ]", "age 4 city \"Paris\" ]", StringComparison.Ordinal)), new AttributedGraphOptions { SegmentAttribute = "city" });
        Assert.Equal(["Paris", "S&P \"x\""], byCity.Segments);
    }

    [Fact]
    public void NodeTable_TextAndBooleanColumns_AreInferred()
    {
        var graph = SocialGraph.LoadEdgeList(Utf8("1 2\n2 3\n"), null);
        const string csv = "id,city,vip,score,mixed\n1,Paris,true,1.5,1\n2,\"Rome, IT\",FALSE,,x\n3,,,2,\n";
        AttributedGraph g = AttributedGraph.ReadNodeTable(graph, Utf8(csv));
        Assert.Equal([NodePropertyKind.Text, NodePropertyKind.Boolean, NodePropertyKind.Number, NodePropertyKind.Text], g.Properties.Select(p => p.Kind));
        Assert.Equal(["Paris", "Rome, IT", null], g.Properties[0].Texts);
        Assert.Equal([true, false, null], g.Properties[1].Booleans);
        Assert.Equal([1.5, null, 2.0], g.Properties[2].Values);
        Assert.Equal(["1", "x", null], g.Properties[3].Texts);
        Assert.False(g.Properties[3].IsComplete);
    }

    [Theory]
    [InlineData("<graphml><key id=\"c\" for=\"node\" attr.name=\"vip\" attr.type=\"boolean\"/><graph>\n<node id=\"a\"><data key=\"c\">yes</data></node></graph></graphml>", "line 2, column", "vip must be true or false; it was 'yes'")]
    [InlineData("<graphml><key id=\"c\" for=\"node\" attr.name=\"vip\" attr.type=\"boolean\"><default>maybe</default></key><graph/></graphml>", "the <default> of a key", "must be true or false; it was 'maybe'")]
    public void GraphML_BadBoolean_IsAFormatErrorSayingWhere(string xml, string where, string what)
    {
        var ex = Assert.Throws<FormatException>(() => AttributedGraph.ReadGraphML(Utf8(xml)));
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
        Assert.Contains(what.Replace("vip ", "a node attribute ", StringComparison.Ordinal), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gml_AKeyThatChangesKind_IsAFormatErrorSayingWhere()
    {
        var ex = Assert.Throws<FormatException>(() => AttributedGraph.ReadGml(Utf8("graph [\n node [ id 1 city 2 ]\n node [ id 2 city \"x\" ]\n]")));
        Assert.Contains("line 3, column 19: node key 'city' is a string here but a number in an earlier node", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NodeProperty_Factories_CopyAndCheck()
    {
        string?[] texts = ["a", null];
        var text = NodeProperty.FromTexts("t", texts);
        texts[0] = "changed";
        Assert.Equal(["a", null], text.Texts);
        Assert.False(text.IsComplete);
        Assert.Equal([null, null], text.Values);
        Assert.Equal([null, null], text.Booleans);
        var flags = NodeProperty.FromBooleans("b", [true, false]);
        Assert.True(flags.IsComplete);
        Assert.Equal([1.0, 0.0], flags.Values);
        Assert.Equal([null, null], flags.Texts);
        Assert.Equal(NodePropertyKind.Number, new NodeProperty("n", [1.0]).Kind);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => NodeProperty.FromTexts(" ", ["a"])).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => NodeProperty.FromBooleans("", [true])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => NodeProperty.FromTexts("t", null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => NodeProperty.FromBooleans("b", null!)).ParamName);
    }

    // ---- Gzipped files ----

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public Property Gzipped_RandomAttributedGraphs_RoundTripThroughFiles() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            AttributedGraph original = RandomAttributed(seed);
            foreach (string format in new[] { "graphml", "gml" })
            {
                string path = Path.Combine(_dir, $"g{seed}.{format}.gz");
                WriteGzip(original, format, path);
                AttributedGraph back = format == "graphml" ? AttributedGraph.LoadGraphML(path) : AttributedGraph.LoadGml(path);
                AttributedGraphTests.AssertEqual(AttributedGraphTests.Expected(original, format), back, format + ".gz");
            }
        });

    [Fact]
    public void Gzip_IsDetectedByTheMagicBytes_NotTheName()
    {
        AttributedGraph original = RandomAttributed(7);
        string compressed = Path.Combine(_dir, "graph.graphml");
        WriteGzip(original, "graphml", compressed);
        AttributedGraphTests.AssertEqual(original, AttributedGraph.LoadGraphML(compressed), "gzip named .graphml");

        string plain = Path.Combine(_dir, "plain.gml.gz");
        using (var file = File.Create(plain))
        {
            original.WriteGml(file);
        }

        AttributedGraphTests.AssertEqual(AttributedGraphTests.Expected(original, "gml"), AttributedGraph.LoadGml(plain), "plain text named .gz");
    }

    [Fact]
    public void Gzip_TruncatedOrCorrupt_IsRefusedLikeAGzippedEdgeList()
    {
        AttributedGraph original = RandomAttributed(11);
        string good = Path.Combine(_dir, "good.graphml.gz");
        WriteGzip(original, "graphml", good);
        byte[] bytes = File.ReadAllBytes(good);

        // Cut in the middle: the text ends mid-element, but the message is the truncation (as for edge lists).
        string cut = Path.Combine(_dir, "cut.graphml.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var truncated = Assert.Throws<InvalidDataException>(() => AttributedGraph.LoadGraphML(cut));
        Assert.StartsWith("Graph file '", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", truncated.Message, StringComparison.Ordinal);

        // A wrong CRC in the trailer: every byte decompresses, and still the file is refused (by the decompressor's own
        // check or by the trailer check, whichever sees it first).
        byte[] badCrc = (byte[])bytes.Clone();
        badCrc[^8] ^= 0xFF;
        string crc = Path.Combine(_dir, "crc.gml.gz");
        File.WriteAllBytes(crc, badCrc);
        Assert.Contains("corrupt", Assert.Throws<InvalidDataException>(() => AttributedGraph.LoadGraphML(crc)).Message, StringComparison.Ordinal);

        // Garbage after a valid header: not decompressible.
        byte[] garbage = [.. bytes[..10], .. Enumerable.Repeat((byte)0xFF, 40), .. bytes[^8..]];
        string corrupt = Path.Combine(_dir, "corrupt.gml.gz");
        File.WriteAllBytes(corrupt, garbage);
        Assert.Contains("corrupt", Assert.Throws<InvalidDataException>(() => AttributedGraph.LoadGml(corrupt)).Message, StringComparison.Ordinal);

        // Too short to be gzip at all.
        string tiny = Path.Combine(_dir, "tiny.gml.gz");
        File.WriteAllBytes(tiny, [0x1F, 0x8B, 8, 0, 0]);
        Assert.Contains("cannot hold a gzip header", Assert.Throws<InvalidDataException>(() => AttributedGraph.LoadGml(tiny)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_SizeCap_AppliesToTheDecompressedText()
    {
        string big = "<graphml><graph>" + new string(' ', 100_000) + "<node id=\"a\"/></graph></graphml>";
        string path = Path.Combine(_dir, "big.graphml.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes(big));
        }

        Assert.True(new FileInfo(path).Length < 4096);
        var ex = Assert.Throws<InvalidDataException>(() => AttributedGraph.LoadGraphML(path, new AttributedGraphOptions { MaxFileBytes = 4096 }));
        Assert.Contains("larger than 4,096 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, AttributedGraph.LoadGraphML(path).Graph.NodeCount);
    }

    // ---- Helpers ----

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static AttributedGraph RandomAttributed(int seed)
    {
        // At least one text and one boolean property besides the random ones.
        AttributedGraph g = AttributedGraphTests.RandomGraphForTests(seed);
        int n = g.Graph.NodeCount;
        var rng = new Random(seed);
        return new AttributedGraph(g.Graph, g.Graph.HasGroups ? g.Segments : null,
        [
            .. g.Properties,
            NodeProperty.FromTexts("label_text", [.. Enumerable.Range(0, n).Select(v => v % 3 == 0 ? null : $"x{rng.Next(1000)} & \"{v}\"")]),
            NodeProperty.FromBooleans("flag", [.. Enumerable.Range(0, n).Select(v => v % 4 == 0 ? (bool?)null : rng.Next(2) == 0)]),
        ]);
    }

    private static void WriteGzip(AttributedGraph graph, string format, string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        if (format == "graphml")
        {
            graph.WriteGraphML(gzip);
        }
        else
        {
            graph.WriteGml(gzip);
        }
    }
}
