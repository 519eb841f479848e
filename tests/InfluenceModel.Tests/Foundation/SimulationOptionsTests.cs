using InfluenceModel.Internal;

namespace InfluenceModel.Tests.Foundation;

public class SimulationOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Simulations_OutOfRange_ThrowsNamingParameter(int simulations)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationOptions { Simulations = simulations });
        Assert.Equal(nameof(SimulationOptions.Simulations), ex.ParamName);
        Assert.Contains("[1, 100000000]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(2000)]
    public void MaxDegreeOfParallelism_OutOfRange_Throws(int dop)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationOptions { MaxDegreeOfParallelism = dop });
        Assert.Equal(nameof(SimulationOptions.MaxDegreeOfParallelism), ex.ParamName);
        Assert.Contains("-1 (all cores) or in [1, 1024]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xoshiro_SameSeedAndStream_SameSequence_DifferentStreamsDiffer()
    {
        var a = new Xoshiro256(42, 7);
        var b = new Xoshiro256(42, 7);
        var c = new Xoshiro256(42, 8);
        int differ = 0;
        for (int i = 0; i < 100; i++)
        {
            ulong x = a.NextUInt64();
            Assert.Equal(x, b.NextUInt64());
            if (x != c.NextUInt64())
            {
                differ++;
            }
        }

        Assert.Equal(100, differ);
    }

    [Fact]
    public void Xoshiro_NextDouble_IsUniformOnUnitInterval()
    {
        // Mean of 200,000 U[0,1) draws: 0.5 ± 3·sqrt(1/12/200000) ≈ 0.5 ± 0.0019.
        var rng = new Xoshiro256(1, 0);
        double sum = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            Assert.InRange(u, 0.0, 0.9999999999999999);
            sum += u;
        }

        Assert.InRange(sum / n, 0.5 - 0.0019, 0.5 + 0.0019);
    }

    [Fact]
    public void DeterministicParallel_CoversEveryIndexOnce_AtAnyParallelism()
    {
        foreach (int dop in new[] { 1, 2, 8 })
        {
            var hits = new int[1000];
            DeterministicParallel.For(hits.Length, dop, () => 0, (_, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    Interlocked.Increment(ref hits[i]);
                }
            });
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }
}
