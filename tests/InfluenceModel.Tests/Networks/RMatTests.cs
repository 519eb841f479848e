using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Networks;
using MathNet.Numerics.Distributions;

namespace InfluenceModel.Tests.Networks;

/// <summary>
/// R-MAT (Chakrabarti, Zhan and Faloutsos 2004): cell frequencies against the exact product-of-quadrants distribution,
/// determinism at any parallelism, the simple-graph and multigraph policies, bad input.
/// </summary>
public class RMatTests
{
    /// <summary>The exact probability that one draw lands in cell (u, v): ∏ over the scale levels of the chosen quadrant's probability.</summary>
    private static double CellProbability(int u, int v, int scale, double a, double b, double c, double d)
    {
        double p = 1;
        for (int level = 0; level < scale; level++)
        {
            int row = (u >> level) & 1, col = (v >> level) & 1;
            p *= (row, col) switch { (0, 0) => a, (0, 1) => b, (1, 0) => c, _ => d };
        }

        return p;
    }

    /// <summary>Pearson's χ² of the multigraph's arc multiplicities against the exact cell distribution.</summary>
    private static (double ChiSquare, int Cells) ChiSquare(SocialGraph g, int scale, double a, double b, double c, double d)
    {
        int n = 1 << scale;
        var counts = new long[n, n];
        foreach ((int u, int v) in GraphGeneratorsTests.Arcs(g))
        {
            counts[u, v]++;
        }

        double chi = 0;
        for (int u = 0; u < n; u++)
        {
            for (int v = 0; v < n; v++)
            {
                double expected = g.EdgeCount * CellProbability(u, v, scale, a, b, c, d);
                chi += (counts[u, v] - expected) * (counts[u, v] - expected) / expected;
            }
        }

        return (chi, n * n);
    }

    [Theory]
    [InlineData(2, 0.45, 0.25, 0.2, 0.1)]
    [InlineData(3, 0.57, 0.19, 0.19, 0.05)]
    [InlineData(2, 0.25, 0.25, 0.25, 0.25)]
    [InlineData(3, 0.1, 0.2, 0.3, 0.4)]
    public void CellFrequencies_MatchTheProductOfQuadrantProbabilities(int scale, double a, double b, double c, double d)
    {
        // 200,000 draws over 16 or 64 cells (smallest expected count 200,000 · 0.05³ = 25): Pearson's χ² with
        // cells − 1 degrees of freedom must stay below its 1 − 1e-4 quantile (a fixed seed: this either passes always or never).
        var g = GraphGenerators.RMat(scale, 200_000, seed: 11, a, b, c, d, keepSelfLoopsAndRepeats: true);
        Assert.Equal(200_000, g.EdgeCount);
        (double chi, int cells) = ChiSquare(g, scale, a, b, c, d);
        double critical = ChiSquared.InvCDF(cells - 1, 1 - 1e-4);
        Assert.True(chi < critical, $"χ² = {chi:F1} over {cells} cells, critical {critical:F1}");
    }

    [Fact]
    public void CellFrequencies_DetectAWrongDistribution()
    {
        // The χ² check has power: the same draws scored against swapped b and c fail it by far.
        var g = GraphGenerators.RMat(2, 200_000, seed: 11, 0.45, 0.25, 0.2, 0.1, keepSelfLoopsAndRepeats: true);
        (double chi, int cells) = ChiSquare(g, 2, 0.45, 0.2, 0.25, 0.1);
        Assert.True(chi > 10 * ChiSquared.InvCDF(cells - 1, 1 - 1e-4), $"χ² = {chi:F1}");
    }

    [Fact]
    public void Uniform_EveryCellEquallyLikely_AndMarginalsUniform()
    {
        // a = b = c = d = 1/4: every one of the 2^(2·scale) cells has probability 4^−scale; out-degrees are
        // Binomial(m, 1/n): 1,000 ± 4·sqrt(1000·(255/256)) ≈ ± 127 for m = 256,000 over 256 nodes.
        var g = GraphGenerators.RMat(8, 256_000, seed: 3, 0.25, 0.25, 0.25, 0.25, keepSelfLoopsAndRepeats: true);
        for (int u = 0; u < g.NodeCount; u++)
        {
            Assert.InRange(g.OutDegree(u), 1000 - 127, 1000 + 127);
            Assert.InRange(g.InDegree(u), 1000 - 127, 1000 + 127);
        }
    }

    [Fact]
    public void SameSeed_SameGraph_AtAnyParallelism_AcrossBlocks()
    {
        // 150,000 draws span three random-stream blocks of 65,536.
        var one = GraphGenerators.RMat(12, 150_000, seed: 9, maxDegreeOfParallelism: 1);
        var two = GraphGenerators.RMat(12, 150_000, seed: 9, maxDegreeOfParallelism: 2);
        var all = GraphGenerators.RMat(12, 150_000, seed: 9, maxDegreeOfParallelism: -1);
        Assert.Equal(one.OutOffsetArray, two.OutOffsetArray);
        Assert.Equal(one.OutTargetArray, two.OutTargetArray);
        Assert.Equal(one.OutTargetArray, all.OutTargetArray);
        Assert.NotEqual(one.OutTargetArray, GraphGenerators.RMat(12, 150_000, seed: 10).OutTargetArray);
    }

    [Fact]
    public void SimpleGraph_IsTheMultigraphWithoutLoopsAndRepeats()
    {
        var multi = GraphGenerators.RMat(6, 5000, seed: 2, keepSelfLoopsAndRepeats: true);
        var simple = GraphGenerators.RMat(6, 5000, seed: 2);
        var expected = GraphGeneratorsTests.Arcs(multi).Where(arc => arc.U != arc.V).Distinct().OrderBy(arc => arc).ToList();
        Assert.Equal(expected, GraphGeneratorsTests.Arcs(simple));
        Assert.True(simple.EdgeCount < multi.EdgeCount, "the skewed default draws repeats at this density");
        Assert.False(simple.HasWeights);
        Assert.All(simple.OutWeightArray, w => Assert.Equal(1f, w));
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Invariants_IdsInRange_ArcCount_Determinism() =>
        Prop.ForAll(Gen.Choose(1, 9).SelectMany(s => Gen.Choose(0, 3000).Select(m => (s, m))).SelectMany(t => Gen.Choose(0, 10_000).Select(seed => (t.s, t.m, seed))).ToArbitrary(), t =>
        {
            (int scale, int m, int seed) = t;
            var multi = GraphGenerators.RMat(scale, m, (ulong)seed, 0.4, 0.3, 0.2, 0.1, keepSelfLoopsAndRepeats: true);
            var simple = GraphGenerators.RMat(scale, m, (ulong)seed, 0.4, 0.3, 0.2, 0.1);
            var arcs = GraphGeneratorsTests.Arcs(simple);
            return multi.NodeCount == 1 << scale && simple.NodeCount == 1 << scale
                && multi.EdgeCount == m && simple.EdgeCount <= m
                && arcs.All(arc => arc.U != arc.V && arc.V < (1 << scale)) && arcs.Distinct().Count() == arcs.Count
                && GraphGeneratorsTests.Arcs(multi).SequenceEqual(GraphGeneratorsTests.Arcs(GraphGenerators.RMat(scale, m, (ulong)seed, 0.4, 0.3, 0.2, 0.1, true, maxDegreeOfParallelism: 3)));
        });

    [Fact]
    public void Cancellation_AndProgress()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => GraphGenerators.RMat(10, 200_000, seed: 1, cancellationToken: cts.Token));

        var reports = new List<ProgressReport>();
        GraphGenerators.RMat(10, 200_000, seed: 1, progress: new SynchronousProgress(report =>
        {
            lock (reports)
            {
                reports.Add(report);
            }
        }));
        Assert.Equal(new ProgressReport("R-MAT draws", 200_000, 200_000), reports[^1]);
    }

    [Theory]
    [InlineData(0, 10, 0.57, 0.19, 0.19, 0.05, "scale")]
    [InlineData(31, 10, 0.57, 0.19, 0.19, 0.05, "scale")]
    [InlineData(4, -1, 0.57, 0.19, 0.19, 0.05, "edgeCount")]
    [InlineData(4, 10, 0.0, 0.4, 0.3, 0.3, "a")]
    [InlineData(4, 10, 1.0, 0.0, 0.0, 0.0, "a")]
    [InlineData(4, 10, double.NaN, 0.19, 0.19, 0.05, "a")]
    [InlineData(4, 10, 0.57, -0.1, 0.19, 0.05, "b")]
    [InlineData(4, 10, 0.57, 0.19, 1.5, 0.05, "c")]
    [InlineData(4, 10, 0.57, 0.19, 0.19, double.PositiveInfinity, "d")]
    [InlineData(4, 10, 0.5, 0.2, 0.2, 0.2, "d")]
    [InlineData(4, 10, 0.25, 0.25, 0.25, 0.2, "d")]
    public void BadInput_ThrowsNamingTheParameter(int scale, int m, double a, double b, double c, double d, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.RMat(scale, m, 0, a, b, c, d));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void BadParallelism_ThrowsNamingTheParameter() =>
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerators.RMat(4, 10, 0, maxDegreeOfParallelism: 0)).ParamName);

    private sealed class SynchronousProgress(Action<ProgressReport> report) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => report(value);
    }
}
