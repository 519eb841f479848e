using InfluenceModel.Diffusion;
using InfluenceModel.Seeding;
using Orleans.Serialization;

namespace InfluenceModel.Orleans.Tests;

/// <summary>
/// The run figures (reduction payload bytes, RR sets per silo) follow from k, the node count and the partitions, and do
/// not depend on how the sets are split: the same sets and entries for 1, 2 or 3 partitions, and the same greedies (one
/// silo call each with one partition, one coverage start and a round per pick each with several).
/// </summary>
public sealed class ClusterStatisticsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly SimulationOptions Options = new() { Seed = 17, MaxDegreeOfParallelism = 2 };

    [Fact]
    public void Statistics_ByteCounts_FollowFromRoundsNodesAndPartitions()
    {
        const int k = 8;
        var request = new SeedingRequest(fixture.Graph, new IndependentCascade(), k) { Epsilon = 0.3 };
        int n = fixture.Graph.NodeCount;
        var runs = new Dictionary<int, ClusterRunStatistics>();
        foreach (int partitions in new[] { 1, 2, 3 })
        {
            var maximizer = new ClusterInfluenceMaximizer(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = partitions, SiloParallelism = 1 });
            Assert.Null(maximizer.LastStatistics);
            maximizer.Select(request, Options);
            ClusterRunStatistics s = maximizer.LastStatistics!;
            runs[partitions] = s;

            Assert.Equal(partitions, s.Partitions);
            Assert.Equal((long)s.CoverageStarts * partitions * (4 + (4L * n)), s.CoverageStartBytes);
            if (partitions == 1)
            {
                // One partition: no coverage counts cross the network; each greedy is one call (the task: no candidates,
                // no forced seeds, 14 bytes; the answer: k seeds and gains, 4 bytes each, plus 16).
                Assert.Equal(0, s.CoverageStarts);
                Assert.True(s.SiloGreedyRuns >= 1, "OPIM-C runs at least one greedy");
                Assert.Equal(s.SiloGreedyRuns, s.GreedyRounds);
                Assert.Equal(s.GreedyRounds * (14L + (8L * k) + 16), s.GreedyBytes);
                Assert.Equal(14L + (8L * k) + 16, s.MaxGreedyRoundBytes);
            }
            else
            {
                Assert.Equal(0, s.SiloGreedyRuns);
                Assert.True(s.CoverageStarts >= 1, "OPIM-C starts at least one coverage");

                // Every coverage start is followed by at most k picks; each pick costs 8 bytes per partition (pick and gain)
                // plus 8 bytes per (node, decrement) pair, and a partition reports a node at most once per pick.
                Assert.InRange(s.GreedyRounds, s.CoverageStarts, s.CoverageStarts * k);
                long fixedPart = 8L * s.GreedyRounds * partitions;
                Assert.InRange(s.GreedyBytes, fixedPart + 8, fixedPart + (8L * n * partitions * s.GreedyRounds));
                Assert.Equal(0, (s.GreedyBytes - fixedPart) % 8);
                Assert.InRange(s.MaxGreedyRoundBytes, (long)Math.Ceiling(s.BytesPerGreedyRound), s.GreedyBytes);
            }

            Assert.True(s.CountCoveredBytes > 0);

            // Every partition of every collection is on some silo and reports what it holds.
            Assert.Equal(s.Collections * partitions, s.Silos.Sum(x => x.Partitions));
            Assert.All(s.Silos, x => Assert.True(x.Bytes >= 4 * (x.Entries + x.Sets), $"{x}: an entry and an offset take 4 bytes each"));
        }

        // Same sets wherever they live: the totals and the greedy's rounds do not depend on the partitioning, and the
        // coverage-start traffic grows with the partitions exactly.
        foreach (int partitions in new[] { 2, 3 })
        {
            Assert.Equal(runs[1].Silos.Sum(x => x.Sets), runs[partitions].Silos.Sum(x => x.Sets));
            Assert.Equal(runs[1].Silos.Sum(x => x.Entries), runs[partitions].Silos.Sum(x => x.Entries));
            Assert.Equal(runs[2].GreedyRounds, runs[partitions].GreedyRounds);
            Assert.Equal(runs[2].CoverageStarts, runs[partitions].CoverageStarts);
            Assert.Equal(runs[2].CoverageStartBytes / 2 * partitions, runs[partitions].CoverageStartBytes);

            // The same greedies: one silo call each with one partition, one coverage start each (then a round per pick) with several.
            Assert.Equal(runs[1].SiloGreedyRuns, runs[partitions].CoverageStarts);
        }

        // Three partitions on three silos: one per silo per collection, each holding a third of the sets (each growth step
        // splits its index range evenly, up to one set).
        Assert.Equal(3, runs[3].Silos.Count);
        Assert.All(runs[3].Silos, x => Assert.Equal(runs[3].Collections, x.Partitions));
        long total = runs[3].Silos.Sum(x => x.Sets);
        Assert.All(runs[3].Silos, x => Assert.InRange(x.Sets, (total / 3) - (total / 20), (total / 3) + (total / 20)));
        Assert.Single(runs[1].Silos);
    }

    [Fact]
    public void PayloadBytes_AreCloseToOrleansWireBytes()
    {
        // The counted payload (4 bytes per int) against Orleans' own serialization of a greedy answer: Orleans adds field
        // headers and varint-encodes, so the wire form is within a small factor of the payload, never wildly off.
        var serializer = (Serializer)fixture.Cluster.Client.ServiceProvider.GetService(typeof(Serializer))!;
        int[] nodes = [.. Enumerable.Range(0, 5000).Select(i => i * 3)];
        int[] decrements = [.. Enumerable.Range(0, 5000).Select(i => 1 + (i % 4))];
        var delta = new CoverDelta(123, nodes, decrements);
        long payload = 4 + (4L * nodes.Length) + (4L * decrements.Length);

        long wire = serializer.SerializeToArray(delta).Length;

        Assert.InRange(wire, payload / 4, payload * 2);
    }
}
