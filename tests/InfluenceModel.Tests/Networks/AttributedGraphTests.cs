using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Networks;

/// <summary>
/// GraphML, GML and node tables: exact round trips (FsCheck), hand-written files read to known graphs, segments reaching
/// the Kelman model's identification, and hostile or malformed input refused with the line.
/// </summary>
public sealed class AttributedGraphTests
{
    private static readonly string[] Formats = ["graphml", "gml", "csv"];

    // ---- Round trips ----

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property RoundTrip_RandomAttributedGraphs_AreEqualInEveryFormat() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            AttributedGraph original = RandomGraph(seed);
            foreach (string format in Formats)
            {
                AssertEqual(Expected(original, format), RoundTrip(original, format), format);
            }
        });

    [Fact]
    public void RoundTrip_StringIdsWithMarkupQuotesAndCommas_AreKept()
    {
        var text = "alice bob 0.5\nbob zoë 0.25\n\"q\"x a,b 1\n&amp; <x> 0\n<x> alice 0.125\n";
        var graph = SocialGraph.LoadEdgeList(new MemoryStream(Encoding.UTF8.GetBytes(text)), null, EdgeProbabilities.FromWeights);
        int n = graph.NodeCount;
        var original = new AttributedGraph(graph.WithGroups([.. Enumerable.Range(0, n).Select(v => v % 2)]), ["north, \"big\"", "süd & <west>"],
            [new NodeProperty("age", [.. Enumerable.Range(0, n).Select(v => v == 3 ? (double?)null : v * 1.5)])]);
        foreach (string format in Formats)
        {
            AttributedGraph back = RoundTrip(original, format);
            AssertEqual(original, back, format);
            Assert.Equal(2, back.Graph.IndexOf("zoë"));
        }
    }

    // ---- Oracles: small hand-written files ----

    [Fact]
    public void GraphML_HandWritten_ReadsToTheKnownGraph()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key id="s" for="node" attr.name="segment" attr.type="string"><default>casual</default></key>
              <key id="age" for="node" attr.name="age" attr.type="int"/>
              <key id="x0" for="node" attr.name="opinion" attr.type="double"><default>0.5</default></key>
              <key id="name" for="node" attr.name="name" attr.type="string"/>
              <key id="w" for="edge" attr.name="weight" attr.type="double"><default>0.25</default></key>
              <key id="g" for="node" attr.name="shape" attr.type="string"/>
              <graph id="G" edgedefault="undirected">
                <data key="name">ignored at graph level</data>
                <node id="a"><data key="s">fan</data><data key="age">31</data><data key="name">Ann</data></node>
                <node id="b"><data key="age">40</data><data key="x0">0.9</data><data key="g"><y:ShapeNode><y:Fill color="#FF0000"/></y:ShapeNode></data></node>
                <node id="c"><data key="s">fan</data></node>
                <edge source="a" target="b"><data key="w">0.75</data></edge>
                <edge source="b" target="c" directed="true"/>
                <edge source="c" target="d"/>
                <node id="d"/>
                <edge source="a" target="a"/>
              </graph>
            </graphml>
            """;
        AttributedGraph g = AttributedGraph.ReadGraphML(Utf8(xml));
        SocialGraph graph = g.Graph;
        Assert.Equal(4, graph.NodeCount);
        Assert.Equal(["a", "b", "c", "d"], Enumerable.Range(0, 4).Select(graph.NodeId));
        // a–b undirected (0.75 both ways), b→c directed (default 0.25), c–d undirected (0.25), the self-loop dropped.
        Assert.Equal(Arcs(("a", "b", 0.75f), ("b", "a", 0.75f), ("b", "c", 0.25f), ("c", "d", 0.25f), ("d", "c", 0.25f)), ArcsOf(graph));
        Assert.True(g.Graph.HasWeights);
        Assert.Equal(["fan", "casual"], g.Segments);
        Assert.Equal(["fan", "casual", "fan", "casual"], Enumerable.Range(0, 4).Select(v => g.SegmentOf(v)));
        Assert.Equal([0, 1, 0, 1], Enumerable.Range(0, 4).Select(graph.GroupOf));
        // String attributes are properties too (kind Text); markup inside a string attribute (yEd graphics) is no value.
        Assert.Equal(["age", "opinion", "name", "shape"], g.Properties.Select(p => p.Name));
        Assert.Equal([NodePropertyKind.Number, NodePropertyKind.Number, NodePropertyKind.Text, NodePropertyKind.Text], g.Properties.Select(p => p.Kind));
        Assert.Equal(["Ann", null, null, null], g.Properties[2].Texts);
        Assert.Equal([null, null, null, null], g.Properties[2].Values);
        Assert.Equal([null, null, null, null], g.Properties[3].Texts);
        Assert.Equal([31.0, 40.0, null, null], g.Properties[0].Values);
        Assert.Equal([0.5, 0.9, 0.5, 0.5], g.Properties[1].Values);
        Assert.True(g.Properties[1].IsComplete);
        Assert.False(g.Properties[0].IsComplete);
        Assert.True(g.TryGetProperty("OPINION", out NodeProperty? opinion));
        Assert.Same(g.Properties[1], opinion);
    }

    [Fact]
    public void Gml_NetworkxStyle_ReadsLabelsAsIds_AndIsUndirectedByDefault()
    {
        const string gml = """
            Creator "networkx"
            graph [
              name "toy"
              node [ id 0 label "ann" segment "fan" age 31 graphics [ x 1.0 y 2.0 fill "#FF0000" ] ]
              node [ id 1 label "bob" segment 2 age 4.5e1 ]
              node [ id 7 label "c&amp;d &#34;q&#34;" segment "fan" ]
              # a comment line
              edge [ source 0 target 1 weight 0.5 ]
              edge [ source 1 target 7 weight 2 ]
            ]
            """;
        AttributedGraph g = AttributedGraph.ReadGml(Utf8(gml));
        Assert.Equal(["ann", "bob", "c&d \"q\""], Enumerable.Range(0, 3).Select(g.Graph.NodeId));
        Assert.Equal(Arcs(("ann", "bob", 0.5f), ("bob", "ann", 0.5f), ("bob", "c&d \"q\"", 2f), ("c&d \"q\"", "bob", 2f)), ArcsOf(g.Graph));
        Assert.Equal(["fan", "2"], g.Segments);
        Assert.Equal([31.0, 45.0, null], g.Properties.Single().Values);

        // Without labels the integer ids are the ids; 'directed 1' keeps one arc per edge; no weights: 1 and HasWeights false.
        AttributedGraph d = AttributedGraph.ReadGml(Utf8("graph [ directed 1 node [ id 5 ] node [ id -2 ] edge [ source 5 target -2 ] ]"));
        Assert.Equal(["5", "-2"], Enumerable.Range(0, 2).Select(d.Graph.NodeId));
        Assert.Equal(Arcs(("5", "-2", 1f)), ArcsOf(d.Graph));
        Assert.False(d.Graph.HasWeights);
        Assert.False(d.Graph.HasGroups);
        Assert.Empty(d.Segments);
    }

    [Fact]
    public void NodeTable_BesideAnEdgeList_SetsSegmentsAndProperties_KeepingTheArcs()
    {
        var graph = SocialGraph.LoadEdgeList(Utf8("1 2\n2 3\n3 1\n4 1\n"), null);
        const string csv = "segment,id,spend,\"score, raw\"\r\nloyal,3,10.5,\nnew,1,,2e-3\n\"loyal\",4,0,-1\nnew ,2,7,8\n";
        AttributedGraph g = AttributedGraph.ReadNodeTable(graph, Utf8(csv));
        Assert.Same(graph.OutTargetArray, g.Graph.OutTargetArray);
        Assert.Equal(["new", "new", "loyal", "loyal"], Enumerable.Range(0, 4).Select(v => g.SegmentOf(v)));
        Assert.Equal(["new", "loyal"], g.Segments);
        Assert.Equal(["spend", "score, raw"], g.Properties.Select(p => p.Name));
        Assert.Equal([null, 7.0, 10.5, 0.0], g.Properties[0].Values);
        Assert.Equal([0.002, 8.0, null, -1.0], g.Properties[1].Values);

        // Without a segment column the nodes keep no groups and rows may be missing.
        AttributedGraph p = AttributedGraph.ReadNodeTable(graph, Utf8("id,spend\n2,1\n"));
        Assert.False(p.Graph.HasGroups);
        Assert.Equal([null, 1.0, null, null], p.Properties.Single().Values);
    }

    [Fact]
    public void Segments_FromAFile_AreTheGroupsKelmanIdentificationReads()
    {
        // A two-block graph: the GraphML file's segments must give exactly the Kelman spread of the same graph with the
        // same group labels set in code, and (γ = 3) a different spread from the graph without groups.
        SocialGraph blocks = GraphGenerators.StochasticBlockModel([30, 30], [[0.3, 0.05], [0.05, 0.3]], seed: 5);
        var named = new AttributedGraph(blocks, ["left", "right"]);
        var stream = new MemoryStream();
        named.WriteGraphML(stream);
        stream.Position = 0;
        SocialGraph read = AttributedGraph.ReadGraphML(stream).Graph.WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        SocialGraph coded = blocks.WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var model = new KelmanInfluence { Identification = 3 };
        var options = new SimulationOptions { Simulations = 400, Seed = 9 };
        int[] seeds = [0, 1, 2, 31];
        Estimate fromFile = SpreadEstimator.Estimate(new SpreadRequest(read, model, seeds), options).Spread;
        Estimate fromCode = SpreadEstimator.Estimate(new SpreadRequest(coded, model, seeds), options).Spread;
        Estimate withoutGroups = SpreadEstimator.Estimate(new SpreadRequest(coded.WithGroups(null), model, seeds), options).Spread;
        Assert.Equal(fromCode.Mean, fromFile.Mean);
        Assert.NotEqual(withoutGroups.Mean, fromFile.Mean);
    }

    // ---- Hostile and malformed input ----

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><graphml><graph>&lol2;</graph></graphml>", "line 1")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE g SYSTEM \"file:///etc/passwd\"><graphml/>", "line 1")]
    [InlineData("<graphml><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>", "node id 'a' is given twice")]
    [InlineData("<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"zz\"/></graph></graphml>", "node 'zz', which the graph does not declare")]
    [InlineData("<graphml><key id=\"k\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/><graph><node id=\"a\"><data key=\"k\">NaN</data></node></graph></graphml>", "finite number")]
    [InlineData("<graphml><key id=\"k\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/><graph><node id=\"a\"><data key=\"k\">1e999</data></node></graph></graphml>", "finite number")]
    [InlineData("<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph><node id=\"a\"/><edge source=\"a\" target=\"a\"><data key=\"w\">-1</data></edge></graph></graphml>", "finite number ≥ 0")]
    [InlineData("<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph><node id=\"a\"/><edge source=\"a\" target=\"a\"/></graph></graphml>", "has no weight")]
    [InlineData("<graphml><graph><node id=\"a\"><data key=\"nope\">1</data></node></graph></graphml>", "names no <key>")]
    [InlineData("<graphml><graph/><graph/></graphml>", "a second <graph>")]
    [InlineData("<graphml><graph><node id=\"a\"><graph/></node></graph></graphml>", "nested graphs")]
    [InlineData("<graphml><graph><hyperedge/></graph></graphml>", "hyperedges")]
    [InlineData("<html><body/></html>", "not a GraphML file")]
    [InlineData("<graphml></graphml>", "no <graph> element")]
    [InlineData("<graphml><graph><node id=\"a\"></graph></graphml>", "line 1, column")]
    [InlineData("<graphml><key id=\"s\" for=\"node\" attr.name=\"segment\"/><graph><node id=\"a\"><data key=\"s\">x</data></node><node id=\"b\"/></graph></graphml>", "node 'b' has no segment")]
    public void GraphML_Malformed_IsAFormatErrorSayingWhere(string xml, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => AttributedGraph.ReadGraphML(Utf8(xml)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphML_DeepNesting_AndOversizedFiles_AreRefused()
    {
        string deep = "<graphml><graph>" + string.Concat(Enumerable.Repeat("<x>", 500)) + string.Concat(Enumerable.Repeat("</x>", 500)) + "</graph></graphml>";
        var ex = Assert.Throws<FormatException>(() => AttributedGraph.ReadGraphML(Utf8(deep)));
        Assert.Contains("nested deeper than 64", ex.Message, StringComparison.Ordinal);

        string big = "<graphml><graph>" + string.Concat(Enumerable.Range(0, 200).Select(i => $"<node id=\"n{i}\"/>")) + "</graph></graphml>";
        var cap = new AttributedGraphOptions { MaxFileBytes = 1024 };
        var tooBig = Assert.Throws<InvalidDataException>(() => AttributedGraph.ReadGraphML(Utf8(big), cap));
        Assert.Contains("larger than 1,024 bytes", tooBig.Message, StringComparison.Ordinal);
        Assert.Equal(200, AttributedGraph.ReadGraphML(Utf8(big)).Graph.NodeCount);
    }

    [Fact]
    public void GraphML_ControlCharactersInAnError_AreEscaped()
    {
        var ex = Assert.Throws<FormatException>(() => AttributedGraph.ReadGraphML(new MemoryStream([.. "<graphml><graph><node id=\"a\u001B]0;x\"/></graph></graphml>"u8])));
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', ex.Message);
    }

    [Theory]
    [InlineData("graph [ node [ id 1 ] node [ id 1 ] ]", "line 1, column 23: node id 1 is given twice")]
    [InlineData("graph [\n node [ id 1 ]\n edge [ source 1 target 2 ]\n]", "line 3, column 2: the edge's target 2 is not a node id")]
    [InlineData("graph [ node [ id 1 x nan ] ]", "expected a value after the key; found 'nan'")]
    [InlineData("graph [ node [ id 1 x 1.2.3 ] ]", "'1.2.3' is not a key, a number or a string")]
    [InlineData("graph [ node [ id 1 x 1e999 ] ]", "must be a finite number")]
    [InlineData("graph [ node [ id 1 ] edge [ source 1 target 1 weight -2 ] ]", "finite number ≥ 0")]
    [InlineData("graph [ node [ id 1 label \"a\" ] node [ id 2 label \"a\" ] ]", "node id 'a' is given twice")]
    [InlineData("graph [ node [ id 1 id 2 ] ]", "key 'id' is given twice")]
    [InlineData("graph [ node [ id 1 ]", "a ']' is missing")]
    [InlineData("graph [ node [ id \"x ] ]", "the string is not closed")]
    [InlineData("graph [ node [ label \"x\" ] ]", "a node without an id")]
    [InlineData("graph [ node [ id 1 ] edge [ source 1 ] ]", "without a source or a target")]
    [InlineData("graph [ directed 2 ]", "directed must be 0 or 1")]
    [InlineData("creator \"x\"", "no 'graph [ … ]'")]
    [InlineData("graph [ ] graph [ ]", "a second graph")]
    [InlineData("graph [ node [ id 1 ] edge [ source 1 target 1 weight 1 ] edge [ source 1 target 1 ] ]", "has no weight, but other edges have one")]
    [InlineData("graph [ node [ id 99999999999999999999 ] ]", "outside the 64-bit range")]
    [InlineData("graph [ node [ id 1 a-b 2 ] ]", "is not a key")]
    public void Gml_Malformed_IsAFormatErrorSayingWhere(string gml, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => AttributedGraph.ReadGml(Utf8(gml)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gml_BinaryText_DeepLists_AndOversizedFiles_AreRefused()
    {
        var nul = Assert.Throws<FormatException>(() => AttributedGraph.ReadGml(new MemoryStream([.. "graph [\n node [ id 1 \0 ] ]"u8])));
        Assert.Contains("line 2, column 14: control character U+0000", nul.Message, StringComparison.Ordinal);
        var utf16 = Assert.Throws<FormatException>(() => AttributedGraph.ReadGml(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("graph [ ]")).ToArray())));
        Assert.Contains("not valid UTF-8", utf16.Message, StringComparison.Ordinal);
        string deep = "graph [ x " + string.Concat(Enumerable.Repeat("[ x ", 100)) + "1" + new string(']', 101) + " ]";
        var depth = Assert.Throws<FormatException>(() => AttributedGraph.ReadGml(Utf8(deep)));
        Assert.Contains("nested deeper than 64", depth.Message, StringComparison.Ordinal);
        string big = "graph [ " + string.Concat(Enumerable.Range(0, 200).Select(i => $"node [ id {i} ] ")) + "]";
        Assert.Throws<InvalidDataException>(() => AttributedGraph.ReadGml(Utf8(big), new AttributedGraphOptions { MaxFileBytes = 1024 }));
        Assert.Equal(200, AttributedGraph.ReadGml(Utf8(big)).Graph.NodeCount);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("node,segment\n1,a\n", "no 'id' column")]
    [InlineData("id,x,X\n1,2,3\n", "column 'X' is named twice")]
    [InlineData("id,x\n1,2\n9,3\n", "line 3: node id '9' is not a node of the graph")]
    [InlineData("id,x\n1,2\n1,3\n", "line 3: node id '1' is given twice (first on line 2)")]
    [InlineData("id,x\n1,NaN\n", "line 2, column 2 (x): 'NaN' is not a finite number")]
    [InlineData("id,x\n1,1e999\n", "is not a finite number")]
    [InlineData("id,x\n1,2,3\n", "line 2: 3 cells, but the header has 2")]
    [InlineData("id,segment\n1,a\n2,\n", "line 3: node '2' has an empty segment")]
    [InlineData("id,segment\n1,a\n2,b\n", "node '3' of the graph has no row")]
    [InlineData("id,x\n1,\"2\n", "a quoted cell is not closed")]
    [InlineData("id,x\n1,2\"3\n", "line 2, column 4: a '\"' inside an unquoted cell")]
    [InlineData("id,x\n1,\"2\"3\n", "text after a quoted cell")]
    [InlineData("id,x\n1,\u00012\n", "line 2, column 3: control character U+0001")]
    public void NodeTable_Malformed_IsAFormatErrorSayingWhere(string csv, string expected)
    {
        var graph = SocialGraph.LoadEdgeList(Utf8("1 2\n2 3\n"), null);
        var ex = Assert.Throws<FormatException>(() => AttributedGraph.ReadNodeTable(graph, Utf8(csv)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    // ---- Bad arguments ----

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        var graph = SocialGraph.FromEdges(3, [new Edge(0, 1, 1)]);
        Assert.Equal("MaxFileBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new AttributedGraphOptions { MaxFileBytes = 1023 }).ParamName);
        Assert.Equal("MaxFileBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new AttributedGraphOptions { MaxFileBytes = (64L << 30) + 1 }).ParamName);
        Assert.Equal("SegmentAttribute", Assert.Throws<ArgumentException>(() => new AttributedGraphOptions { SegmentAttribute = " " }).ParamName);
        Assert.Equal("WeightAttribute", Assert.Throws<ArgumentException>(() => new AttributedGraphOptions { WeightAttribute = "" }).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => new NodeProperty("x", [1, double.NaN, 2])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => new NodeProperty("x", [double.PositiveInfinity])).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new NodeProperty(" ", [1])).ParamName);
        Assert.Equal("segments", Assert.Throws<ArgumentException>(() => new AttributedGraph(graph, ["a"])).ParamName);
        Assert.Equal("segments", Assert.Throws<ArgumentException>(() => new AttributedGraph(graph.WithGroups([0, 1, 1]), ["a", "a"])).ParamName);
        Assert.Equal("properties", Assert.Throws<ArgumentException>(() => new AttributedGraph(graph, null, [new NodeProperty("x", [1, 2])])).ParamName);
        Assert.Equal("properties", Assert.Throws<ArgumentException>(() => new AttributedGraph(graph, null, [new NodeProperty("x", [1, 2, 3]), new NodeProperty("X", [1, 2, 3])])).ParamName);
        Assert.Throws<ArgumentNullException>(() => AttributedGraph.ReadGml(null!));
        Assert.Throws<FileNotFoundException>(() => AttributedGraph.LoadGraphML("/nonexistent/graph.graphml"));
        var weird = new AttributedGraph(graph, null, [new NodeProperty("not a key", [1, 2, 3])]);
        Assert.Equal("graph", Assert.Throws<ArgumentException>(() => weird.WriteGml(new MemoryStream())).ParamName);
    }

    // ---- Helpers ----

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    internal static AttributedGraph RoundTrip(AttributedGraph graph, string format)
    {
        var stream = new MemoryStream();
        switch (format)
        {
            case "graphml":
                graph.WriteGraphML(stream);
                stream.Position = 0;
                return AttributedGraph.ReadGraphML(stream);
            case "gml":
                graph.WriteGml(stream);
                stream.Position = 0;
                return AttributedGraph.ReadGml(stream);
            default:
                graph.WriteNodeTable(stream);
                stream.Position = 0;
                return AttributedGraph.ReadNodeTable(graph.Graph.WithGroups(null), stream);
        }
    }

    /// <summary>The random graph of the round-trip property, for other test classes.</summary>
    internal static AttributedGraph RandomGraphForTests(int seed) => RandomGraph(seed);

    /// <summary>
    /// A random graph: identity or string ids, weights in [0, 1] (or none), maybe segments, 0–4 properties (numbers with
    /// gaps and extremes, text with markup, quotes and commas, booleans).
    /// </summary>
    private static AttributedGraph RandomGraph(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 30);
        int m = rng.Next(0, 80);
        SocialGraph graph;
        if (rng.Next(2) == 0)
        {
            graph = SocialGraph.FromEdges(n, [.. Enumerable.Range(0, m).Select(_ => new Edge(rng.Next(n), rng.Next(n), (float)rng.NextDouble()))]);
        }
        else
        {
            string Name(int i) => (i % 4) switch { 0 => $"n{i}", 1 => $"é&<\"{i}>", 2 => $"{i},x", _ => $"-{i}" };
            var text = new StringBuilder();
            for (int e = 0; e < Math.Max(m, 1); e++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Name(rng.Next(n))} {Name(rng.Next(n))} {((float)rng.NextDouble()).ToString("R", CultureInfo.InvariantCulture)}\n");
            }

            graph = SocialGraph.LoadEdgeList(Utf8(text.ToString()), new EdgeListOptions { KeepSelfLoops = false }, EdgeProbabilities.FromWeights);
            n = graph.NodeCount;
        }

        string[]? segments = null;
        if (rng.Next(3) > 0)
        {
            int groups = rng.Next(1, 5);
            graph = graph.WithGroups([.. Enumerable.Range(0, n).Select(v => v < groups ? v : rng.Next(groups))]);
            segments = [.. Enumerable.Range(0, graph.GroupCount).Select(g => g % 2 == 0 ? $"seg {g}" : $"Ω,\"{g}\"")];
        }

        if (rng.Next(4) == 0)
        {
            graph = graph.WithoutWeights();
        }

        double[] extremes = [0, -0.0, 1e-300, -1e308, double.MaxValue, double.Epsilon, 0.1, 1.0 / 3];
        string[] texts = ["t0", "Ω,\"q\" & <b>", "t 2", "zoë's", "t-1e3", "a,b"];
        var properties = Enumerable.Range(0, rng.Next(5)).Select(p => (rng.Next(3)) switch
        {
            0 => NodeProperty.FromTexts($"p{p}", [.. Enumerable.Range(0, n).Select(_ => rng.Next(4) == 0 ? null : texts[rng.Next(texts.Length)] + rng.Next(100))]),
            1 => NodeProperty.FromBooleans($"p{p}", [.. Enumerable.Range(0, n).Select(_ => rng.Next(3) switch { 0 => (bool?)null, 1 => true, _ => false })]),
            _ => new NodeProperty($"p{p}",
                [.. Enumerable.Range(0, n).Select(_ => rng.Next(5) switch
                {
                    0 => (double?)null,
                    1 => extremes[rng.Next(extremes.Length)],
                    _ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-20, 20)),
                })]),
        }).ToList();
        return new AttributedGraph(graph, segments, properties);
    }

    /// <summary>
    /// What a format gives back for <paramref name="original"/>: GML has no declarations, so a property without values
    /// is not written, no booleans (written 1/0, read as numbers) and no weights without an edge; a CSV column without
    /// values reads as numbers.
    /// </summary>
    internal static AttributedGraph Expected(AttributedGraph original, string format)
    {
        bool Any(NodeProperty p) => Enumerable.Range(0, p.Values.Count).Any(v => p.Texts[v] is not null || p.Values[v] is not null);
        IEnumerable<NodeProperty> properties = format switch
        {
            "gml" => original.Properties.Where(Any).Select(p => p.Kind == NodePropertyKind.Boolean ? new NodeProperty(p.Name, p.Values) : p),
            "csv" => original.Properties.Select(p => Any(p) ? p : new NodeProperty(p.Name, p.Values)),
            _ => original.Properties,
        };
        // GML declares weights only on edges: a graph without arcs reads back without weights.
        SocialGraph graph = format == "gml" && original.Graph.EdgeCount == 0 ? original.Graph.WithoutWeights() : original.Graph;
        return new AttributedGraph(graph, original.Graph.HasGroups ? original.Segments : null, [.. properties]);
    }

    internal static void AssertEqual(AttributedGraph expected, AttributedGraph actual, string format)
    {
        SocialGraph e = expected.Graph, a = actual.Graph;
        Assert.True(e.NodeCount == a.NodeCount, $"{format}: node count");
        Assert.Equal(Enumerable.Range(0, e.NodeCount).Select(e.NodeId), Enumerable.Range(0, a.NodeCount).Select(a.NodeId));
        Assert.Equal(ArcsOf(e), ArcsOf(a));
        Assert.True(e.HasWeights == a.HasWeights, $"{format}: HasWeights");
        Assert.Equal(Enumerable.Range(0, e.NodeCount).Select(expected.SegmentOf), Enumerable.Range(0, a.NodeCount).Select(actual.SegmentOf));
        // GML lists a node's keys, so its properties come in order of first appearance: compare by name.
        Assert.Equal(expected.Properties.Select(p => p.Name).Order(), actual.Properties.Select(p => p.Name).Order());
        foreach (NodeProperty p in expected.Properties)
        {
            Assert.True(actual.TryGetProperty(p.Name, out NodeProperty? back));
            // Bit-exact, so -0.0 and 0.0 differ.
            Assert.Equal(p.Kind, back.Kind);
            Assert.Equal(p.Values.Select(v => v is { } x ? BitConverter.DoubleToInt64Bits(x) : (long?)null),
                back.Values.Select(v => v is { } x ? BitConverter.DoubleToInt64Bits(x) : (long?)null));
            Assert.Equal(p.Texts, back.Texts);
            Assert.Equal(p.Booleans, back.Booleans);
        }
    }

    private static List<(string, string, float)> Arcs(params (string, string, float)[] arcs) => [.. arcs.Order()];

    private static List<(string, string, float)> ArcsOf(SocialGraph graph)
    {
        var arcs = new List<(string, string, float)>();
        for (int u = 0; u < graph.NodeCount; u++)
        {
            ReadOnlySpan<int> targets = graph.OutNeighbors(u);
            ReadOnlySpan<float> weights = graph.OutWeights(u);
            for (int k = 0; k < targets.Length; k++)
            {
                arcs.Add((graph.NodeId(u), graph.NodeId(targets[k]), weights[k]));
            }
        }

        return [.. arcs.Order()];
    }
}
