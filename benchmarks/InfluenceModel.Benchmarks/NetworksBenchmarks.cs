using BenchmarkDotNet.Attributes;
using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// Loading the SNAP email-Enron graph (36,692 nodes, 367,662 arcs): from the gzip edge list (decompress, CRC-32 check,
/// parallel parse, CSR build), from the same text uncompressed, and from the binary graph file. Targets: text ≤ 60 ms,
/// binary ≤ 10 ms (issue 14).
/// </summary>
[MemoryDiagnoser]
public class GraphLoadBenchmarks
{
    private string _path = "";
    private string _text = "";
    private string _binary = "";
    private string _binaryVersion2 = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = SharedData.GraphPath("email-enron.txt.gz");
        string folder = Directory.CreateTempSubdirectory("graphload-").FullName;
        _text = Path.Combine(folder, "email-enron.txt");
        using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(_path), System.IO.Compression.CompressionMode.Decompress))
        using (var file = File.Create(_text))
        {
            gz.CopyTo(file);
        }

        _binary = Path.Combine(folder, "email-enron.imgraph");
        SocialGraph.LoadEdgeList(_path).SaveBinary(_binary);
        _binaryVersion2 = Path.Combine(folder, "email-enron-v2.imgraph");
        GraphFile.Save(SocialGraph.LoadEdgeList(_path), _binaryVersion2, version: 2);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Path.GetDirectoryName(_text)!, recursive: true);

    [Benchmark]
    public int LoadEmailEnron() => SocialGraph.LoadEdgeList(_path).EdgeCount;

    [Benchmark]
    public int LoadEmailEnronUncompressed() => SocialGraph.LoadEdgeList(_text).EdgeCount;

    [Benchmark]
    public int LoadEmailEnronBinary() => SocialGraph.LoadBinary(_binary).EdgeCount;

    /// <summary>A format-version-2 file (out-CSR only, in-CSR rebuilt on load): what the previous library wrote.</summary>
    [Benchmark]
    public int LoadEmailEnronBinaryVersion2() => SocialGraph.LoadBinary(_binaryVersion2).EdgeCount;
}

/// <summary>
/// Retained memory of a 10-million-arc graph (1 million nodes, uniform random arcs): measured as the growth of
/// GC.GetTotalMemory(forceFullCollection: true) while the graph is alive, printed to the log. Budget: under 200 MB.
/// </summary>
[MemoryDiagnoser]
public class GraphMemoryBenchmarks
{
    private const int Nodes = 1_000_000;
    private const int Arcs = 10_000_000;

    [Benchmark]
    public long BuildTenMillionArcs()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var graph = Build();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        long retained = after - before;
        Console.WriteLine($"// 10M-arc graph: {graph.EdgeCount:N0} arcs, {graph.NodeCount:N0} nodes, retained {retained / 1e6:F1} MB (array bytes {graph.SizeInBytes / 1e6:F1} MB)");
        GC.KeepAlive(graph);
        return retained;
    }

    private static SocialGraph Build()
    {
        var buffer = new EdgeBuffer(Arcs);
        var rng = new Xoshiro256(1, 0);
        while (buffer.Count < Arcs)
        {
            buffer.Add(rng.NextInt(Nodes), rng.NextInt(Nodes), 1f);
        }

        return GraphBuilder.Build(Nodes, buffer, EdgeListOptions.Default, null, NodeIdMap.Identity(Nodes));
    }
}
