using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Orleans.Tests;

/// <summary>
/// The two facts distributed runs rest on, checked in process on random instances: RR sets split by index range and
/// greedy over their summed coverage picks what one collection picks; spread sums of index ranges add up to the whole.
/// </summary>
public sealed class ReductionPropertyTests
{
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property GreedyOnSummedPartitionCounts_EqualsOneCollection(PositiveInt graphSeed, PositiveInt splits, PositiveInt sets, PositiveInt k, bool linearThreshold)
    {
        var graph = GraphGenerators.BarabasiAlbert(200, 2, seed: (ulong)graphSeed.Get).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var reverse = ReverseInfluenceGraph.Create(graph.NodeCount, graph.InOffsetArray, graph.InSourceArray, graph.InWeightArray, linearThreshold);
        int count = 50 + (sets.Get % 3000), parts = 1 + (splits.Get % 6), seeds = 1 + (k.Get % 8);
        const ulong family = 0x5EED;
        var whole = new LocalRrSetStore(reverse, family);
        whole.Grow(0, count, 1, null, default);
        var partitions = new LocalRrSetStore[parts];
        for (int p = 0; p < parts; p++)
        {
            // Partition p holds indices [count·p/P, count·(p+1)/P), as PartitionedRrSetStore splits a growth.
            long first = (long)count * p / parts;
            partitions[p] = new LocalRrSetStore(reverse, family);
            partitions[p].Grow(first, (int)(((long)count * (p + 1) / parts) - first), 1, null, default);
        }

        var expected = MaxCoverage.Greedy(whole.StartCover(1), graph.NodeCount, null, [3], seeds, computeUpperBound: true);
        var actual = MaxCoverage.Greedy(new Summed([.. partitions.Select(s => s.StartCover(1))]), graph.NodeCount, null, [3], seeds, computeUpperBound: true);
        bool[] mask = new bool[graph.NodeCount];
        foreach (int v in expected.Seeds)
        {
            mask[v] = true;
        }

        return (expected.Seeds.SequenceEqual(actual.Seeds)
                && expected.Gains.SequenceEqual(actual.Gains)
                && expected.Covered == actual.Covered
                && expected.UpperBound == actual.UpperBound
                && whole.TotalSize == partitions.Sum(s => s.TotalSize)
                && whole.CountCovered(mask) == partitions.Sum(s => s.CountCovered(mask)))
            .Label($"P={parts}, sets={count}, k={seeds}: {string.Join(',', expected.Seeds)} vs {string.Join(',', actual.Seeds)}");
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property TrackedCover_ListsExactlyTheNodesWhoseCoverageFell(PositiveInt graphSeed, PositiveInt sets, PositiveInt picks, bool linearThreshold)
    {
        // What a partition grain reports per pick: the nodes of the newly covered sets, not a scan of every node.
        var graph = GraphGenerators.BarabasiAlbert(200, 2, seed: (ulong)graphSeed.Get).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var reverse = ReverseInfluenceGraph.Create(graph.NodeCount, graph.InOffsetArray, graph.InSourceArray, graph.InWeightArray, linearThreshold);
        var store = new LocalRrSetStore(reverse, 0xC0FE);
        store.Grow(0, 20 + (sets.Get % 2000), 1, null, default);
        var plain = store.StartCover(1);
        var tracked = (MaxCoverage.CoverState)store.StartCover(1);
        var decremented = new List<int>();
        bool ok = true;
        for (int i = 0, count = 1 + (picks.Get % 12); i < count; i++)
        {
            int seed = (int)(((long)graphSeed.Get * (i + 1) * 7919) % graph.NodeCount);
            int[] before = (int[])tracked.Coverage.Clone();
            decremented.Clear();
            int gain = tracked.Cover(seed, decremented);
            var changed = Enumerable.Range(0, graph.NodeCount).Where(v => tracked.Coverage[v] != before[v]).ToHashSet();
            ok &= gain == plain.Cover(seed)
                && changed.SetEquals(decremented)
                && decremented.Count == changed.Sum(v => before[v] - tracked.Coverage[v])
                && tracked.Coverage.SequenceEqual(plain.Coverage);
        }

        return ok.Label($"sets={store.Count}");
    }

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public Property SpreadSumsOfRanges_AddUpToTheWhole(PositiveInt split, PositiveInt simulations, bool linearThreshold)
    {
        var graph = GraphGenerators.BarabasiAlbert(150, 2, seed: 4).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        DiffusionModel model = linearThreshold ? new LinearThreshold() : new IndependentCascade();
        var request = new SpreadRequest(graph, model, [0, 7]) { IncludeActivationProbabilities = true };
        int n = 2 + (simulations.Get % 400), cut = split.Get % n;
        var whole = SpreadEstimator.Simulate(request, 77, 0, n, 2, null, default);
        var parts = SpreadEstimator.Simulate(request, 77, 0, cut, 1, null, default).Add(SpreadEstimator.Simulate(request, 77, cut, n - cut, 1, null, default));
        var estimate = SpreadEstimator.Estimate(request, new SimulationOptions { Simulations = n, Seed = 77 });
        var combined = SpreadEstimator.Combine(request, parts, n);

        return (whole.Total == parts.Total
                && whole.SumOfSquares == parts.SumOfSquares
                && whole.Adopters!.SequenceEqual(parts.Adopters!)
                && estimate.Spread == combined.Spread)
            .Label($"n={n}, cut={cut}");
    }

    /// <summary>Coverage summed over in-process partitions (what the cluster coordinator keeps, recomputed in full).</summary>
    private sealed class Summed(ICoverageState[] parts) : ICoverageState
    {
        public int[] Coverage { get; } = Sum(parts);

        public bool[] IsSeed { get; } = new bool[parts[0].Coverage.Length];

        public long Covered { get; private set; }

        public int Cover(int seed)
        {
            if (IsSeed[seed])
            {
                return 0;
            }

            IsSeed[seed] = true;
            int gain = parts.Sum(p => p.Cover(seed));
            Sum(parts).CopyTo(Coverage, 0);
            Covered += gain;
            return gain;
        }

        private static int[] Sum(ICoverageState[] parts)
        {
            var sum = new int[parts[0].Coverage.Length];
            foreach (var p in parts)
            {
                for (int v = 0; v < sum.Length; v++)
                {
                    sum[v] += p.Coverage[v];
                }
            }

            return sum;
        }
    }
}
