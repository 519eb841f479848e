using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Orleans.Tests;

/// <summary>
/// Silos load the file the client named and apply the probability convention themselves (no weighted copy is written):
/// the selection equals the in-process one, a different convention on the silos is refused by the graph identity check,
/// and the per-silo graph cache is bounded.
/// </summary>
public sealed class ClusterGraphHandlingTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly SimulationOptions Options = new() { Seed = 7, MaxDegreeOfParallelism = 2 };
    private readonly string _folder = Directory.CreateTempSubdirectory("im-cluster-graph-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Conventions => ["wc", "uniform", "trivalency"];

    [Theory]
    [MemberData(nameof(Conventions))]
    public void Select_BinaryFileWithoutWeights_SilosApplyTheConvention_EqualsInProcess(string name)
    {
        // The stored graph has no weights of its own: the probabilities exist only after the convention is applied.
        SocialGraph stored = GraphGenerators.BarabasiAlbert(600, 3, seed: 21).WithoutWeights();
        Assert.False(stored.HasWeights);
        string path = Path.Combine(_folder, "ba600.imgraph");
        GraphFile.Save(stored, path);
        EdgeProbabilities convention = Convention(name);
        SocialGraph graph = SocialGraph.LoadBinary(path).WithEdgeProbabilities(convention);
        var request = new SeedingRequest(graph, new IndependentCascade(), 6) { Epsilon = 0.3 };
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, new ClusterGraph(path, probabilities: convention), new InfluenceClusterOptions { Partitions = 3, SiloParallelism = 1 });

        DistributedSeedingTests.AssertSame(InfluenceMaximizer.Select(request, Options), maximizer.Select(request, Options));
    }

    [Fact]
    public void Select_TextEdgeListUndirected_SilosReadAndWeightItLikeTheClient()
    {
        SocialGraph structure = GraphGenerators.ErdosRenyi(300, 900, seed: 4);
        string path = Path.Combine(_folder, "er.txt");
        File.WriteAllLines(path, Enumerable.Range(0, structure.NodeCount).SelectMany(u => structure.OutNeighbors(u).ToArray().Select(v => $"n{u} n{v}")));
        var text = new EdgeListOptions { Undirected = true };
        SocialGraph graph = SocialGraph.LoadEdgeList(path, text, EdgeProbabilities.WeightedCascade);
        var request = new SeedingRequest(graph, new LinearThreshold(), 5) { Epsilon = 0.3 };
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, new ClusterGraph(path, text, EdgeProbabilities.WeightedCascade), new InfluenceClusterOptions { Partitions = 2, SiloParallelism = 1 });

        DistributedSeedingTests.AssertSame(InfluenceMaximizer.Select(request, Options), maximizer.Select(request, Options));
    }

    [Fact]
    public void Select_SilosApplyAnotherConvention_ThrowsNamingRequestGraph()
    {
        string path = Path.Combine(_folder, "ba-other.imgraph");
        GraphFile.Save(GraphGenerators.BarabasiAlbert(300, 2, seed: 8), path);
        SocialGraph graph = SocialGraph.LoadBinary(path).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var request = new SeedingRequest(graph, new IndependentCascade(), 3) { Epsilon = 0.3 };
        var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, new ClusterGraph(path, probabilities: EdgeProbabilities.Uniform(0.1)), new InfluenceClusterOptions { Partitions = 2, SiloParallelism = 1 });

        var ex = Assert.Throws<ArgumentException>(() => maximizer.Select(request, Options));

        Assert.Equal("request.Graph", ex.ParamName);
    }

    [Fact]
    public void ClusterGraph_KeepsTheConvention_AndNullMeansAsStored()
    {
        var trivalency = EdgeProbabilities.Trivalency(99);
        Assert.Same(trivalency, new ClusterGraph("g.imgraph", probabilities: trivalency).Probabilities);
        Assert.Null(new ClusterGraph("g.imgraph").Probabilities);
        Assert.Null(new ClusterGraph("g.imgraph").ToSpec().Probabilities);
        var spec = new ClusterGraph("g.imgraph", probabilities: EdgeProbabilities.Uniform(0.25)).ToSpec().Probabilities!;
        Assert.Equal(EdgeProbabilities.Uniform(0.25).Name, spec.ToConvention().Name);
    }

    [Fact]
    public void SiloGraphs_KeepsAtMostTwoGraphs_LeastRecentlyUsedDroppedFirst()
    {
        var files = new string[3];
        for (int i = 0; i < files.Length; i++)
        {
            files[i] = Path.Combine(_folder, $"cache{i}.imgraph");
            GraphFile.Save(GraphGenerators.ErdosRenyi(50 + i, 100, seed: (ulong)i), files[i]);
        }

        var graphs = new SiloGraphs();
        GraphSpec Spec(int i, EdgeProbabilities? p = null) => new ClusterGraph(files[i], probabilities: p).ToSpec();

        Assert.Equal(50, graphs.Get(Spec(0)).Graph.NodeCount);
        Assert.Equal(51, graphs.Get(Spec(1)).Graph.NodeCount);
        graphs.Get(Spec(0)); // 0 is now the most recently used
        Assert.Equal(52, graphs.Get(Spec(2)).Graph.NodeCount);

        Assert.Equal([Spec(0), Spec(2)], graphs.Held);
        Assert.Equal(SiloGraphs.Capacity, graphs.Held.Count);

        // The same file under another convention is another graph (its weights differ).
        graphs.Get(Spec(2, EdgeProbabilities.WeightedCascade));
        Assert.Equal([Spec(2), Spec(2, EdgeProbabilities.WeightedCascade)], graphs.Held);
    }

    [Fact]
    public void SiloGraphs_MissingFile_IsNotCached()
    {
        var graphs = new SiloGraphs();
        GraphSpec missing = new ClusterGraph(Path.Combine(_folder, "missing.txt")).ToSpec();

        Assert.Throws<FileNotFoundException>(() => graphs.Get(missing));

        Assert.Empty(graphs.Held);
    }

    private static EdgeProbabilities Convention(string name) => name switch
    {
        "wc" => EdgeProbabilities.WeightedCascade,
        "uniform" => EdgeProbabilities.Uniform(0.07),
        _ => EdgeProbabilities.Trivalency(5),
    };
}
