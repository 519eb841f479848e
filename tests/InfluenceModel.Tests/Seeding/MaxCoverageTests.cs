using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Internal;
using InfluenceModel.Seeding;

namespace InfluenceModel.Tests.Seeding;

public class MaxCoverageTests
{
    [Property(MaxTest = 100)]
    public void Greedy_MatchesNaiveGreedy_AndBoundsTheBruteForceOptimum(PositiveInt seed)
    {
        var rng = new Xoshiro256((ulong)seed.Get, 3);
        int n = 2 + rng.NextInt(9), setCount = 1 + rng.NextInt(40), k = 1 + rng.NextInt(Math.Min(n, 4));
        var sets = new RrSetCollection();
        var lists = new List<int[]>();
        for (int r = 0; r < setCount; r++)
        {
            int[] set = [.. Enumerable.Range(0, n).Where(_ => rng.NextInt(3) == 0)];
            if (set.Length == 0)
            {
                set = [rng.NextInt(n)];
            }

            lists.Add(set);
            sets.Add(set);
        }

        var index = CoverageIndex.Build(sets, n);
        var result = MaxCoverage.Greedy(sets, index, n, null, [], k, computeUpperBound: true);

        // Each pick is a greedy pick: its gain (recounted naively) is the largest available given the earlier picks
        // (ties may go either way, so the check follows the algorithm's own path).
        var chosen = new HashSet<int>();
        for (int step = 0; step < k; step++)
        {
            int Gain(int v) => lists.Count(s => s.Contains(v) && !s.Any(chosen.Contains));
            int bestGain = Enumerable.Range(0, n).Where(v => !chosen.Contains(v)).Max(Gain);
            Assert.Equal(bestGain, Gain(result.Seeds[step]));
            Assert.Equal(bestGain, result.Gains[step]);
            chosen.Add(result.Seeds[step]);
        }

        Assert.Equal(lists.Count(s => s.Any(result.Seeds.Contains)), result.Covered);
        long optimum = 0;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) == k)
            {
                optimum = Math.Max(optimum, lists.Count(s => s.Any(v => (mask & (1 << v)) != 0)));
            }
        }

        Assert.InRange(optimum, result.Covered, result.UpperBound);
        Assert.True(result.Covered >= (1 - (1 / Math.E)) * optimum);
    }

    [Fact]
    public void CoverageIndex_TwoThreadBuild_EqualsTheOneThreadBuild_AndListsEachSetUnderItsNodes()
    {
        // Enough entries (> 200,000) for the two-thread path: 60,000 random sets over 1,000 nodes.
        var rng = new Xoshiro256(42, 0);
        const int n = 1_000;
        var sets = new RrSetCollection();
        for (int r = 0; r < 60_000; r++)
        {
            sets.Add([.. Enumerable.Range(0, 1 + rng.NextInt(8)).Select(_ => rng.NextInt(n)).Distinct()]);
        }

        Assert.True(sets.TotalSize > 200_000);
        var one = CoverageIndex.Build(sets, n);
        var two = CoverageIndex.Build(sets, n, parallelism: 2);
        Assert.Equal(one.Offsets, two.Offsets);
        Assert.Equal(one.SetIds, two.SetIds);
        for (int r = 0; r < sets.Count; r += 997)
        {
            foreach (int v in sets[r])
            {
                Assert.Contains(r, two.SetIds.AsSpan(two.Offsets[v], two.Degree(v)).ToArray());
            }
        }

        Assert.Equal(sets.TotalSize, two.Offsets[n]);
    }

    [Property(MaxTest = 100)]
    public void OpimcBounds_BracketTheEmpiricalSpread(PositiveInt covered, PositiveInt extra)
    {
        long sets = covered.Get + extra.Get;
        double a = Math.Log(3 * 10 / 0.01);
        double lower = SampleSizes.SpreadLowerBound(covered.Get, sets, 1000, a);
        double upper = SampleSizes.SpreadUpperBound(covered.Get, sets, 1000, a);
        double empirical = 1000.0 * covered.Get / sets;
        Assert.InRange(empirical, lower, upper);
        Assert.True(lower >= 0);
    }

    [Fact]
    public void SampleSizes_MatchHandComputedValues()
    {
        // OPIM-C: θ₀ = 2((1 − 1/e)√ln(6/δ) + √((1 − 1/e)(ln C(n,k) + ln(6/δ))))², θ_max = θ₀·n/(kε²).
        var (thetaZero, thetaMax, rounds) = SampleSizes.Opimc(1000, 1000, 10, 0.1, 0.001);
        double alpha = Math.Sqrt(Math.Log(6000)), beta = Math.Sqrt(SampleSizes.GreedyRatio * (MathNet.Numerics.SpecialFunctions.BinomialLn(1000, 10) + Math.Log(6000)));
        double core = 2 * Math.Pow((SampleSizes.GreedyRatio * alpha) + beta, 2);
        Assert.Equal(core, thetaZero, 9);
        Assert.Equal(core * 1000 / (10 * 0.01), thetaMax, 6);
        Assert.Equal(1 + (int)Math.Ceiling(Math.Log2(thetaMax / thetaZero)), rounds);
        // IMM with δ = 1/n: ℓ = 1, ℓ′ = 1 + ln 2/ln n.
        Assert.Equal(1 + (Math.Log(2) / Math.Log(1000)), SampleSizes.ImmEll(1000, 0.001), 12);
    }
}
