using System.Text.Json;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Cli;

/// <summary>`influence opinion` and the GraphML/GML/--nodes graph inputs of the graph commands.</summary>
public sealed class OpinionCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-opinion-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args) => CliHarness.Run(100, args);

    /// <summary>A triangle a–b–c with a tail c–d–e (undirected, so aperiodic and connected), two segments, an opinion and a 0/1 attribute.</summary>
    private string WriteGraphML()
    {
        string path = Path.Combine(_folder, "g.graphml");
        File.WriteAllText(path, """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="s" for="node" attr.name="segment" attr.type="string"/>
              <key id="x" for="node" attr.name="opinion" attr.type="double"/>
              <key id="b" for="node" attr.name="adopter" attr.type="int"><default>0</default></key>
              <graph edgedefault="undirected">
                <node id="a"><data key="s">fans</data><data key="x">0.9</data><data key="b">1</data></node>
                <node id="b"><data key="s">fans</data><data key="x">0.8</data></node>
                <node id="c"><data key="s">fans</data><data key="x">0.1</data></node>
                <node id="d"><data key="s">casual</data><data key="x">0.3</data></node>
                <node id="e"><data key="s">casual</data><data key="x">0.0</data></node>
                <edge source="a" target="b"/><edge source="b" target="c"/><edge source="c" target="a"/>
                <edge source="c" target="d"/><edge source="d" target="e"/>
              </graph>
            </graphml>
            """);
        return path;
    }

    [Theory]
    [InlineData("degroot")]
    [InlineData("fj", "--stubbornness", "0.3")]
    [InlineData("hk", "--confidence", "0.3")]
    [InlineData("deffuant", "--confidence", "0.5", "--convergence", "0.3", "-n", "20")]
    [InlineData("voter", "--initial", "property:adopter", "-n", "50")]
    [InlineData("majority", "--seed-nodes", "a,b,c", "-n", "50")]
    [InlineData("sir", "--seed-nodes", "a", "--transmission", "0.5", "-n", "50")]
    [InlineData("sis", "--seed-nodes", "a", "--transmission", "0.5", "--max-periods", "50", "-n", "50")]
    public void EveryModel_RunsOnASmallGraph_AndPrintsValidJson(string model, params string[] extra)
    {
        var (code, output, error) = Run(["opinion", "--graph", WriteGraphML(), "--model", model, "--format", "json", .. extra]);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(model, root.GetProperty("model").GetString());
        Assert.Equal(5, root.GetProperty("nodes").GetInt32());
        Assert.Equal(5, root.GetProperty("finalOpinions").GetArrayLength());
        Assert.True(root.GetProperty("trajectory").GetArrayLength() >= 1);
        double mean = root.GetProperty("finalMean").GetProperty("mean").GetDouble();
        Assert.InRange(mean, 0, 1);
        foreach (JsonElement period in root.GetProperty("trajectory").EnumerateArray())
        {
            Assert.Equal(1.0, period.GetProperty("shares").EnumerateArray().Sum(s => s.GetDouble()), 9);
        }

        Assert.Equal(["fans", "casual"], root.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("segment").GetString()));
    }

    [Fact]
    public void DeGroot_FromAFileProperty_ReachesTheDegreeWeightedMean()
    {
        // Undirected and weighted cascade: trust is 1/deg, the left eigenvector is ∝ degree, so the consensus is
        // Σ d_i x_i / Σ d_i = (2·0.9 + 2·0.8 + 3·0.1 + 2·0.3 + 1·0) / 10 = 0.43.
        var (code, output, error) = Run("opinion", "--graph", WriteGraphML(), "--model", "degroot", "--initial", "property:opinion", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        foreach (JsonElement node in json.RootElement.GetProperty("finalOpinions").EnumerateArray())
        {
            Assert.Equal(0.43, node.GetProperty("value").GetDouble(), 5);
        }
    }

    [Fact]
    public void Sir_WithCertainTellingAndOnePeriodEach_ReachesEveryone_AndTheTableSaysSo()
    {
        var (code, output, error) = Run("opinion", "--graph", WriteGraphML(), "--model", "sir", "--seed-nodes", "e", "--transmission", "1", "--recovery", "1", "-n", "10");
        Assert.True(code == 0, error);
        Assert.Contains("final size (share ever told)", output);
        Assert.Contains("By segment", output);
        Assert.Contains("Trajectory", output);
        Assert.Matches(@"final size \(share ever told\)\s+1\b", output);
    }

    [Theory]
    [InlineData("sir", "uniform:1", @"final size \(share ever told\)\s+1\b")]
    [InlineData("sir", "uniform:0", @"final size \(share ever told\)\s+0\.2\b")]
    public void PerArc_TellsWithTheArcWeights_NotWithTransmission(string model, string probability, string finalSize)
    {
        // Certain arcs (p = 1) reach all five nodes; silent arcs (p = 0) leave only the seed: 1 of 5. Without --per-arc
        // the same runs would use --transmission's default 0.1 and neither figure would be exact.
        var (code, output, error) = Run("opinion", "--graph", WriteGraphML(), "--model", model, "--seed-nodes", "e", "--per-arc", "-p", probability, "--recovery", "1", "-n", "10");
        Assert.True(code == 0, error);
        Assert.Contains($"each arc tells with its {probability} weight", output, StringComparison.Ordinal);
        Assert.Matches(finalSize, output);
    }

    [Fact]
    public void PerArc_WithAWeightAboveOne_IsOneLine_WithExitTwo()
    {
        string edges = Path.Combine(_folder, "w.txt");
        File.WriteAllText(edges, "1 2 0.5\n2 3 2\n");
        var (code, output, error) = Run("opinion", "--graph", edges, "--model", "sis", "--seed-nodes", "1", "--per-arc", "-p", "weights", "-n", "5");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("[0, 1]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartAndOut_AreWritten_AndOutHoldsTheJsonOfStdout()
    {
        string chart = Path.Combine(_folder, "charts", "hk.png");
        string svg = Path.Combine(_folder, "sir.svg");
        string outFolder = Path.Combine(_folder, "out");
        var (code, output, error) = Run("opinion", "-g", WriteGraphML(), "-m", "hk", "-c", chart, "-o", outFolder, "-f", "json");
        Assert.True(code == 0, error);
        Assert.True(new FileInfo(chart).Length > 1000);
        Assert.Equal(output.Trim(), File.ReadAllText(Path.Combine(outFolder, "opinion.json")).Trim());
        (code, _, error) = Run("opinion", "-g", WriteGraphML(), "-m", "sir", "-s", "a", "-n", "20", "-c", svg);
        Assert.True(code == 0, error);
        Assert.Contains("<svg", File.ReadAllText(svg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--model is required")]
    [InlineData("--model must be", "-m", "nope")]
    [InlineData("--confidence: Confidence must be", "-m", "hk", "--confidence", "2")]
    [InlineData("--confidence applies to hk and deffuant", "-m", "degroot", "--confidence", "0.1")]
    [InlineData("--stubbornness applies to fj", "-m", "hk", "--stubbornness", "0.1")]
    [InlineData("--group-size: GroupSize must be odd", "-m", "majority", "--group-size", "4")]
    [InlineData("give --seed-nodes", "-m", "sir")]
    [InlineData("--seed-nodes applies to voter and majority and sir and sis", "-m", "hk", "-s", "a")]
    [InlineData("--seed-nodes: node id 'zz' is not in the graph", "-m", "sir", "-s", "zz")]
    [InlineData("--initial uniform draws opinions in [0, 1]", "-m", "voter", "--initial", "uniform")]
    [InlineData("--initial share:P needs P in [0, 1]", "-m", "voter", "--initial", "share:2")]
    [InlineData("--initial must be uniform, share:P or property:NAME", "-m", "hk", "--initial", "random")]
    [InlineData("no numeric node attribute of that name (it has opinion, adopter)", "-m", "hk", "--initial", "property:age")]
    [InlineData("node 'a' has 0.9; --model voter needs 0 or 1", "-m", "voter", "--initial", "property:opinion")]
    [InlineData("--seed-nodes and --initial both", "-m", "voter", "--initial", "share:0.5", "-s", "a")]
    [InlineData("--max-periods must be 1 to 100,000", "-m", "hk", "--max-periods", "0")]
    [InlineData("--simulations must be 1 to 100,000,000", "-m", "voter", "-n", "0")]
    [InlineData("--format must be table or json", "-m", "hk", "-f", "xml")]
    [InlineData("--chart must end in .png or .svg", "-m", "hk", "-c", "x.jpg")]
    [InlineData("--undirected applies to edge lists", "-m", "hk", "--undirected")]
    [InlineData("--nodes applies to edge lists and graph files", "-m", "hk", "--nodes", "n.csv")]
    [InlineData("--probability weights needs edge weights", "-m", "hk", "-p", "weights")]
    [InlineData("--per-arc applies to sir and sis, not to --model hk", "-m", "hk", "--per-arc")]
    [InlineData("--per-arc and --transmission exclude each other", "-m", "sir", "-s", "a", "--per-arc", "--transmission", "0.5")]
    public void BadOptions_AreOneLine_WithExitTwo(string expected, params string[] args)
    {
        var (code, output, error) = Run(["opinion", "--graph", WriteGraphML(), .. args]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void GzippedGraphML_WithAStringAttributeAsSegments_AndABooleanAsInitialOpinions()
    {
        // The same graph with a string 'region' and a boolean 'customer', gzipped; the regions become the segments.
        string xml = File.ReadAllText(WriteGraphML())
            .Replace("<key id=\"b\"", "<key id=\"r\" for=\"node\" attr.name=\"region\" attr.type=\"string\"><default>south</default></key>\n  <key id=\"c\" for=\"node\" attr.name=\"customer\" attr.type=\"boolean\"><default>false</default></key>\n  <key id=\"b\"", StringComparison.Ordinal)
            .Replace("<data key=\"x\">0.8</data>", "<data key=\"x\">0.8</data><data key=\"r\">north</data><data key=\"c\">true</data>", StringComparison.Ordinal);
        string path = Path.Combine(_folder, "g.graphml.gz");
        using (var file = File.Create(path))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(xml));
        }

        var (code, output, error) = Run("opinion", "--graph", path, "--segment-attribute", "region", "--model", "voter", "--initial", "property:customer", "-n", "20", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["south", "north"], json.RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("segment").GetString()));
        Assert.Equal([4, 1], json.RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("nodes").GetInt32()));

        // A text attribute cannot be opinions; a truncated file is the truncation, one line, exit 2.
        var text = Run("opinion", "--graph", path, "--model", "hk", "--initial", "property:region");
        Assert.Equal(2, text.Code);
        Assert.Contains("the attribute holds text, not numbers", text.Error, StringComparison.Ordinal);
        byte[] bytes = File.ReadAllBytes(path);
        string cut = Path.Combine(_folder, "cut.graphml.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);
        var truncated = Run("opinion", "--graph", cut, "--model", "hk");
        Assert.Equal(2, truncated.Code);
        Assert.Contains("corrupt", Assert.Single(truncated.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        var blank = Run("opinion", "--graph", path, "--model", "hk", "--segment-attribute", " ");
        Assert.Equal(2, blank.Code);
        Assert.Contains("--segment-attribute must be a non-empty attribute name", blank.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedGraphFiles_AreOneLine_WithTheLine_AndExitTwo()
    {
        string graphml = Path.Combine(_folder, "bad.graphml");
        File.WriteAllText(graphml, "<graphml>\n<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/>\n</graph>\n</graphml>\n");
        string gml = Path.Combine(_folder, "bad.gml");
        File.WriteAllText(gml, "graph [\n  node [ id 1 weight nan ]\n]\n");
        string edges = Path.Combine(_folder, "g.txt");
        File.WriteAllText(edges, "1 2\n2 3\n");
        string nodes = Path.Combine(_folder, "nodes.csv");
        File.WriteAllText(nodes, "id,segment\n1,a\n9,b\n");
        foreach ((string[] args, string expected) in new[]
        {
            (new[] { "--graph", graphml }, "line 4, column 2: the edge names node 'b', which the graph does not declare"),
            (["--graph", gml], "line 2, column 22: expected a value after the key"),
            (["--graph", edges, "--nodes", nodes], "line 3: node id '9' is not a node of the graph"),
            (["--graph", edges, "--nodes", Path.Combine(_folder, "none.csv")], "--nodes file not found"),
        })
        {
            var (code, _, error) = Run(["opinion", .. args, "-m", "degroot"]);
            Assert.Equal(2, code);
            string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SpreadAndSeeds_ReadSegmentsFromGraphML_GmlAndNodeTables()
    {
        string graphml = WriteGraphML();
        var (code, _, error) = Run("spread", "--graph", graphml, "--seed-nodes", "a", "--model", "kelman", "-n", "20");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("no node groups", error);

        string edges = Path.Combine(_folder, "g.txt");
        File.WriteAllText(edges, "1 2\n2 3\n3 1\n");
        (code, _, error) = Run("spread", "--graph", edges, "--seed-nodes", "1", "--model", "kelman", "-n", "20");
        Assert.True(code == 0, error);
        Assert.Contains("no node groups", error);
        string nodes = Path.Combine(_folder, "nodes.csv");
        File.WriteAllText(nodes, "id,segment\n1,a\n2,a\n3,b\n");
        (code, _, error) = Run("spread", "--graph", edges, "--nodes", nodes, "--seed-nodes", "1", "--model", "kelman", "-n", "20");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("no node groups", error);

        string gml = Path.Combine(_folder, "g.gml");
        using (FileStream stream = File.Create(gml))
        {
            AttributedGraph.LoadGraphML(graphml).WriteGml(stream);
        }

        (code, string output, error) = Run("seeds", "--graph", gml, "--count", "1", "--format", "json");
        Assert.True(code == 0, error);
        Assert.Contains("\"c\"", output, StringComparison.Ordinal);

        // graph convert keeps a GraphML file's segments as the binary file's group labels.
        string binary = Path.Combine(_folder, "g.imgraph");
        (code, _, error) = Run("graph", "convert", graphml, binary);
        Assert.True(code == 0, error);
        SocialGraph converted = SocialGraph.LoadBinary(binary);
        Assert.Equal([0, 0, 0, 1, 1], Enumerable.Range(0, 5).Select(converted.GroupOf));
        Assert.Equal(10, converted.EdgeCount);
    }
}
