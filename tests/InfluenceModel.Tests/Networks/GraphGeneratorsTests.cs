using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Networks;

public class GraphGeneratorsTests
{
    [Fact]
    public void DecodeUnordered_EnumeratesTheUpperTriangleInRowMajorOrder()
    {
        foreach (int n in new[] { 2, 3, 7, 50 })
        {
            long k = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    Assert.Equal((i, j), GraphGenerators.DecodeUnordered(k++, n));
                }
            }
        }
    }

    [Fact]
    public void ErdosRenyi_HasExactlyMDistinctArcs_AndIsDeterministicBySeed()
    {
        var g = GraphGenerators.ErdosRenyi(200, 3000, seed: 5);
        Assert.Equal(200, g.NodeCount);
        Assert.Equal(3000, g.EdgeCount);
        Assert.Equal(Arcs(g), Arcs(GraphGenerators.ErdosRenyi(200, 3000, seed: 5)));
        Assert.NotEqual(Arcs(g), Arcs(GraphGenerators.ErdosRenyi(200, 3000, seed: 6)));
        var u = GraphGenerators.ErdosRenyi(50, 1225, seed: 1, directed: false); // the complete graph
        Assert.Equal(2450, u.EdgeCount);
    }

    [Fact]
    public void ErdosRenyi_EveryArcEquallyLikely()
    {
        // n = 4 directed: 12 possible arcs, m = 3. Over 6,000 graphs each arc appears with probability 1/4:
        // 1,500 ± 3·sqrt(6000·(1/4)(3/4)) ≈ 1,500 ± 101.
        var counts = new int[4, 4];
        for (ulong s = 0; s < 6000; s++)
        {
            var g = GraphGenerators.ErdosRenyi(4, 3, s);
            foreach ((int u, int v) in Arcs(g))
            {
                counts[u, v]++;
            }
        }

        for (int u = 0; u < 4; u++)
        {
            for (int v = 0; v < 4; v++)
            {
                Assert.InRange(counts[u, v], u == v ? 0 : 1399, u == v ? 0 : 1601);
            }
        }
    }

    [Fact]
    public void BarabasiAlbert_HasTwoMTimesNMinusMArcs_AndAHeavyTail()
    {
        var g = GraphGenerators.BarabasiAlbert(2000, 3, seed: 1);
        Assert.Equal(2 * 3 * (2000 - 3), g.EdgeCount);
        int max = Enumerable.Range(0, g.NodeCount).Max(g.OutDegree);
        Assert.True(max > 40, $"largest degree {max}: preferential attachment should create hubs");
        Assert.True(Enumerable.Range(3, g.NodeCount - 3).All(v => g.OutDegree(v) >= 3));
    }

    [Fact]
    public void WattsStrogatz_BetaZero_IsTheRingLattice_AndRewiringKeepsTheTieCount()
    {
        var ring = GraphGenerators.WattsStrogatz(20, 4, 0, seed: 1);
        Assert.Equal(80, ring.EdgeCount);
        Assert.Equal([1, 2, 18, 19], ring.OutNeighbors(0).ToArray());
        var rewired = GraphGenerators.WattsStrogatz(500, 6, 0.3, seed: 2);
        Assert.Equal(3000, rewired.EdgeCount);
        Assert.NotEqual(Arcs(GraphGenerators.WattsStrogatz(500, 6, 0, seed: 2)), Arcs(rewired));
    }

    [Fact]
    public void StochasticBlockModel_KeepsGroups_AndMatchesBlockDensities()
    {
        double[][] p = [[0.2, 0.01], [0.01, 0.1]];
        var g = GraphGenerators.StochasticBlockModel([300, 200], p, seed: 3);
        Assert.True(g.HasGroups);
        Assert.Equal(2, g.GroupCount);
        Assert.Equal(0, g.GroupOf(299));
        Assert.Equal(1, g.GroupOf(300));
        var ties = new long[2, 2];
        foreach ((int u, int v) in Arcs(g))
        {
            if (u < v)
            {
                ties[g.GroupOf(u), g.GroupOf(v)]++;
            }
        }

        // Expected ties and 4-SE bands: within block 0: C(300,2)·0.2 = 8970 ± 4·sqrt(44850·0.2·0.8) ≈ ± 339;
        // between: 60000·0.01 = 600 ± 4·sqrt(600·0.99) ≈ ± 98; within block 1: 19900·0.1 = 1990 ± 4·sqrt(1791) ≈ ± 170.
        Assert.InRange(ties[0, 0], 8970 - 339, 8970 + 339);
        Assert.InRange(ties[0, 1], 600 - 98, 600 + 98);
        Assert.InRange(ties[1, 1], 1990 - 170, 1990 + 170);
    }

    [Fact]
    public void RMat_IsDeterministic_AndSkewed()
    {
        var g = GraphGenerators.RMat(10, 20_000, seed: 4);
        Assert.Equal(1024, g.NodeCount);
        Assert.InRange(g.EdgeCount, 10_000, 20_000);
        Assert.Equal(Arcs(g), Arcs(GraphGenerators.RMat(10, 20_000, seed: 4)));
        Assert.True(g.OutDegree(0) > 10 * g.EdgeCount / g.NodeCount, "node 0 gets the a-quadrant mass");
    }

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public Property Generators_ProduceNoSelfLoopsOrRepeatedArcs() =>
        Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), s =>
        {
            ulong seed = (ulong)s;
            SocialGraph[] graphs =
            [
                GraphGenerators.ErdosRenyi(30, 100, seed), GraphGenerators.BarabasiAlbert(30, 2, seed),
                GraphGenerators.WattsStrogatz(30, 4, 0.5, seed), GraphGenerators.RMat(5, 200, seed),
                GraphGenerators.StochasticBlockModel([10, 20], [[0.5, 0.1], [0.1, 0.3]], seed),
            ];
            return graphs.All(g => Arcs(g).All(a => a.U != a.V) && Arcs(g).Distinct().Count() == g.EdgeCount);
        });

    [Fact]
    public void BadInputs_ThrowNamingTheParameter()
    {
        Assert.Equal("edgeCount", Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.ErdosRenyi(3, 7, 0)).ParamName);
        Assert.Equal("nodeCount", Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.ErdosRenyi(-1, 0, 0)).ParamName);
        Assert.Equal("nodeCount", Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.BarabasiAlbert(3, 3, 0)).ParamName);
        Assert.Equal("nearestNeighbors", Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.WattsStrogatz(10, 3, 0.1, 0)).ParamName);
        Assert.Equal("rewiring", Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.WattsStrogatz(10, 2, double.NaN, 0)).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.StochasticBlockModel([2, 2], [[0.5, 2], [2, 0.5]], 0)).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => GraphGenerators.StochasticBlockModel([2, 2], [[0.5, 0.2], [0.1, 0.5]], 0)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.RMat(0, 10, 0)).ParamName);
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.RMat(4, 10, 0, 0.5, 0.3, 0.3)).ParamName);
    }

    internal static List<(int U, int V)> Arcs(SocialGraph g)
    {
        var list = new List<(int, int)>();
        for (int u = 0; u < g.NodeCount; u++)
        {
            foreach (int v in g.OutNeighbors(u))
            {
                list.Add((u, v));
            }
        }

        return list;
    }
}
