using BenchmarkDotNet.Attributes;
using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Benchmarks;

/// <summary>Loading the SNAP email-Enron edge list (gzip, 367,662 arcs). Target ≤ 0.5 s.</summary>
[MemoryDiagnoser]
public class GraphLoadBenchmarks
{
    private string _path = "";

    [GlobalSetup]
    public void Setup() => _path = SharedData.GraphPath("email-enron.txt.gz");

    [Benchmark]
    public int LoadEmailEnron() => SocialGraph.LoadEdgeList(_path).EdgeCount;
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
