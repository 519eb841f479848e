using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Networks;

public class EdgeProbabilitiesTests
{
    private static readonly SocialGraph Diamond = SocialGraph.FromEdges(4, [new(0, 1), new(0, 2), new(1, 3), new(2, 3), new(0, 3)]);

    [Fact]
    public void WeightedCascade_IsOneOverInDegree_InBothOrders_AndAValidLtGraph()
    {
        var g = Diamond.WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        Assert.Equal([1f, 1f, 1f / 3], g.OutWeights(0).ToArray());
        Assert.Equal([1f / 3, 1f / 3, 1f / 3], g.InWeights(3).ToArray());
        EdgeProbabilities.ValidateLinearThreshold(g);
        Assert.Equal(Diamond.EdgeCount, g.EdgeCount);
    }

    [Fact]
    public void Uniform_SetsEveryArc()
    {
        var g = Diamond.WithEdgeProbabilities(EdgeProbabilities.Uniform(0.25));
        for (int v = 0; v < 4; v++)
        {
            Assert.All(g.OutWeights(v).ToArray(), w => Assert.Equal(0.25f, w));
            Assert.All(g.InWeights(v).ToArray(), w => Assert.Equal(0.25f, w));
        }
    }

    [Fact]
    public void Trivalency_DrawsFromTheThreeValues_SameInBothOrders_DeterministicBySeed()
    {
        var big = GraphOfArcs(2000);
        var a = big.WithEdgeProbabilities(EdgeProbabilities.Trivalency(7));
        var b = big.WithEdgeProbabilities(EdgeProbabilities.Trivalency(7));
        var counts = new Dictionary<float, int>();
        for (int u = 0; u < a.NodeCount; u++)
        {
            Assert.Equal(a.OutWeights(u).ToArray(), b.OutWeights(u).ToArray());
            foreach (float w in a.OutWeights(u))
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }

            var inW = a.InWeights(u);
            var inS = a.InNeighbors(u);
            for (int k = 0; k < inS.Length; k++)
            {
                int at = a.OutNeighbors(inS[k]).IndexOf(u);
                Assert.Equal(a.OutWeights(inS[k])[at], inW[k]);
            }
        }

        Assert.Equal([0.001f, 0.01f, 0.1f], counts.Keys.Order());
        // Each value has probability 1/3: 2000/3 ± 3·sqrt(2000·(1/3)(2/3)) ≈ 667 ± 63.
        Assert.All(counts.Values, c => Assert.InRange(c, 604, 730));
    }

    [Fact]
    public void FromWeights_KeepsWeightsInUnitInterval_AndRejectsOthers()
    {
        var g = SocialGraph.FromEdges(2, [new(0, 1, 0.3f)]);
        Assert.Same(g, g.WithEdgeProbabilities(EdgeProbabilities.FromWeights));
        var heavy = SocialGraph.FromEdges(2, [new(0, 1, 1.5f)]);
        Assert.Equal("graph", Assert.Throws<ArgumentException>(() => heavy.WithEdgeProbabilities(EdgeProbabilities.FromWeights)).ParamName);
    }

    [Fact]
    public void ValidateLinearThreshold_RejectsIncomingSumAboveOne_NamingTheNodeId()
    {
        var g = Diamond.WithEdgeProbabilities(EdgeProbabilities.Uniform(0.5));
        var ex = Assert.Throws<ArgumentException>(() => EdgeProbabilities.ValidateLinearThreshold(g));
        Assert.Equal("graph", ex.ParamName);
        Assert.Contains("'3'", ex.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Uniform_OutsideUnitInterval_ThrowsNamingProbability(double p)
    {
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => EdgeProbabilities.Uniform(p)).ParamName);
    }

    private static SocialGraph GraphOfArcs(int arcs) =>
        SocialGraph.FromEdges(100, Enumerable.Range(0, arcs).Select(i => new Edge(i % 100, (i / 100 + (i % 100) + 1) % 100)));
}
