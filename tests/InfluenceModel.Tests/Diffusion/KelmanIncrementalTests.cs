using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Diffusion;
using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Diffusion;

/// <summary>
/// The Kelman engine recomputes only the nodes whose inputs changed and, in Monte-Carlo estimates, follows only the
/// attitudes that can affect adoption. These tests hold it to a plain full sweep of the documented equations (every
/// node, every period, every attitude), written here independently: traces, adopters and attitudes must agree bit for bit.
/// </summary>
public class KelmanIncrementalTests
{
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Simulate_EqualsAFullSweep_BitForBit() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), instanceSeed =>
        {
            var (graph, model, seeds) = Instance(instanceSeed);
            for (ulong s = 0; s < 3; s++)
            {
                var fast = model.Simulate(graph, seeds, s);
                var reference = FullSweep(graph, model, seeds, new Xoshiro256(s, 0));
                Assert.Equal(reference.Periods, fast.Periods);
                Assert.Equal(reference.Adopters, fast.Adopters);
                Assert.Equal(reference.Attitudes, fast.Attitudes!.Select(a => a.Value));
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Estimate_FollowingOnlyRelevantAttitudes_EqualsAFullSweepRunByRun() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), instanceSeed =>
        {
            // A tight tolerance: following fewer attitudes may stop a run earlier, which changes an outcome only when an
            // attitude is still creeping towards τ by less than the tolerance per period (documented).
            var (graph, model, seeds) = Instance(instanceSeed, tightTolerance: true);
            const int simulations = 40;
            var options = new SimulationOptions { Simulations = simulations, Seed = 11, MaxDegreeOfParallelism = 1 };
            long total = 0;
            for (int i = 0; i < simulations; i++)
            {
                total += FullSweep(graph, model, seeds, new Xoshiro256(11, (ulong)i)).Adopters.Count;
            }

            Assert.Equal((double)total / simulations, SpreadEstimator.Estimate(new SpreadRequest(graph, model, seeds), options).Spread.Mean);
        });

    [Fact]
    public void DefaultParameters_NoNodeCanInternalize_SoEstimatesFollowNoAttitude_AndStillMatchTheFullSweep()
    {
        // s = 0.5, x(0) = 0: x_v ≤ 0.5 < τ = 0.75 everywhere, so the estimate follows no attitude at all.
        var graph = GraphGenerators.BarabasiAlbert(600, 3, seed: 5).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var model = new KelmanInfluence();
        int[] seeds = [0, 1, 2, 50, 300];
        var options = new SimulationOptions { Simulations = 200, Seed = 3 };
        long total = 0;
        for (int i = 0; i < options.Simulations; i++)
        {
            total += FullSweep(graph, model, seeds, new Xoshiro256(3, (ulong)i)).Adopters.Count;
        }

        Assert.Equal((double)total / options.Simulations, SpreadEstimator.Estimate(new SpreadRequest(graph, model, seeds), options).Spread.Mean);
    }

    [Fact]
    public void SeedPeriods_TheRunNeverStopsBeforeTheCampaignEnds()
    {
        // s → a with weight 1, seeds adopt in periods 0..4. From period 2 nothing moves (a complied, x_a = 0.5), which
        // used to stop the run with both adopting for ever; the release at period 5 is now simulated: s drops, then a.
        var g = SocialGraph.FromEdges(2, [new(0, 1, 1f)]);
        var model = new KelmanInfluence { SeedPeriods = 5 };
        var trace = model.Simulate(g, [0], seed: 1);
        Assert.Equal([1, 2, 2, 2, 2, 1, 0], trace.Periods.Select(p => p.Adopters));
        Assert.Empty(trace.Adopters);
        Assert.Equal(0, SpreadEstimator.Estimate(new SpreadRequest(g, model, [0]), new SimulationOptions { Simulations = 10 }).Spread.Mean);
    }

    /// <summary>
    /// Spreads on the real graphs recorded from the engine before the skip of heads a gain cannot change (commit b893133,
    /// `influence spread -m kelman --format json`): the 100 nodes of largest out-degree in nethept (ties by first
    /// appearance), defaults, weighted cascade. The engine must keep them bit for bit.
    /// </summary>
    [Theory]
    [InlineData("nethept.txt", 300, 1UL, 1586.7566666666667, 7.837565855280597)]
    [InlineData("nethept.txt", 300, 2UL, 1597.8866666666668, 8.21130779907128)]
    [InlineData("email-enron.txt.gz", 40, 3UL, 4557.375, 237.0975204736304)]
    public void Estimates_OnRealGraphs_EqualTheValuesRecordedBeforeTheOptimisation(string file, int simulations, ulong seed, double mean, double standardError)
    {
        var graph = SocialGraph.LoadEdgeList(SharedData.GraphPath(file)).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        int[] seeds = [.. PinnedSeedIds.Split(',').Select(graph.IndexOf)];
        var options = new SimulationOptions { Simulations = simulations, Seed = seed };
        var estimate = SpreadEstimator.Estimate(new SpreadRequest(graph, new KelmanInfluence(), seeds), options).Spread;
        Assert.Equal(mean, estimate.Mean);
        Assert.Equal(standardError, estimate.StandardError);
    }

    private const string PinnedSeedIds = "100,474,287,14,239,266,27,196,705,639,80,606,124,482,363,221,9994,99,131,326,634,525,66,88,624,267,15,328,599,1,1162,559,274,382,1869,553,1292,159,128,200,4824,592,251,210,563,4,635,1256,1954,26,246,562,359,457,230,192,1175,535,608,105,236,1765,1645,156,265,646,412,709,140,512,8899,2273,60,1689,247,111,10812,10813,168,661,515,37,1059,3683,11402,11403,11404,11405,11406,11407,11408,11409,11410,11411,11412,11413,11414,11415,11416,11417";

    /// <summary>A random small instance exercising every feature: groups and γ, per-node s and x(0), τ, reversibility, seed periods.</summary>
    private static (SocialGraph Graph, KelmanInfluence Model, int[] Seeds) Instance(int instanceSeed, bool tightTolerance = false)
    {
        var random = new Random(instanceSeed);
        int blocks = random.Next(1, 4);
        int[] sizes = [.. Enumerable.Range(0, blocks).Select(_ => random.Next(10, 50))];
        var p = new double[blocks][];
        for (int i = 0; i < blocks; i++)
        {
            p[i] = new double[blocks];
            p[i][i] = 0.05 + (0.15 * random.NextDouble());
            for (int j = 0; j < i; j++)
            {
                p[i][j] = p[j][i] = 0.02 * random.NextDouble();
            }
        }

        var graph = GraphGenerators.StochasticBlockModel(sizes, p, seed: (ulong)instanceSeed, directed: random.Next(2) == 0)
            .WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        int n = graph.NodeCount;
        bool perNode = random.Next(2) == 0;
        bool lowAttitudes = random.Next(3) == 0;
        var model = new KelmanInfluence
        {
            // γ = 1 in a third of the instances: no identification weights, where a gain skips compliant heads.
            Identification = random.Next(3) == 0 ? 1 : 1 + (3 * random.NextDouble()),
            Stubbornness = random.NextDouble(),
            StubbornnessByNode = perNode ? [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())] : null,
            InitialAttitude = lowAttitudes ? 0 : 0.5 * random.NextDouble(),
            InitialAttitudes = perNode && !lowAttitudes ? [.. Enumerable.Range(0, n).Select(_ => 0.6 * random.NextDouble())] : null,
            InternalizationThreshold = 0.3 + (0.9 * random.NextDouble()),
            Compliance = random.Next(5) != 0,
            ReversibleCompliance = random.Next(2) == 0,
            SeedPeriods = random.Next(3) == 0 ? null : random.Next(1, 8),
            MaxPeriods = random.Next(3, 60),
            AttitudeTolerance = tightTolerance ? 1e-12 : random.Next(2) == 0 ? 1e-9 : 1e-4,
        };
        int[] seeds = [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(n))];
        return (graph, model, seeds);
    }

    /// <summary>
    /// The documented model, computed the plain way: every node and every attitude in every period, from the public graph
    /// API. The run stops after the first period that changes no adoption and moves no attitude by more than the
    /// tolerance, but not before period SeedPeriods, or after MaxPeriods.
    /// </summary>
    private static (List<DiffusionPeriod> Periods, List<string> Adopters, double[] Attitudes) FullSweep(
        SocialGraph g, KelmanInfluence m, int[] seeds, Xoshiro256 rng)
    {
        const byte none = 0, seeded = 1, complied = 2, identified = 3, internalized = 4;
        int n = g.NodeCount;
        var theta = new double[n];
        LinearThreshold.DrawThresholds(theta, ref rng);
        var plain = new double[n][];
        var weighted = new double[n][];
        var row = new double[n][];
        var hasInfluence = new bool[n];
        var s = new double[n];
        var x0 = new double[n];
        for (int v = 0; v < n; v++)
        {
            ReadOnlySpan<float> w = g.InWeights(v);
            ReadOnlySpan<int> src = g.InNeighbors(v);
            plain[v] = new double[w.Length];
            for (int e = 0; e < w.Length; e++)
            {
                plain[v][e] = w[e];
            }

            weighted[v] = plain[v];
            if (g.HasGroups && m.Identification != 1.0)
            {
                double total0 = 0, boosted = 0;
                for (int e = 0; e < w.Length; e++)
                {
                    double c = g.GroupOf(src[e]) == g.GroupOf(v) ? m.Identification : 1.0;
                    total0 += plain[v][e];
                    boosted += plain[v][e] * c;
                }

                double scale = boosted > 0 ? total0 / boosted : 0;
                weighted[v] = new double[w.Length];
                for (int e = 0; e < w.Length; e++)
                {
                    double c = g.GroupOf(src[e]) == g.GroupOf(v) ? m.Identification : 1.0;
                    weighted[v][e] = plain[v][e] * c * scale;
                }
            }

            double total = 0;
            foreach (double x in weighted[v])
            {
                total += x;
            }

            hasInfluence[v] = total > 0;
            row[v] = [.. weighted[v].Select(x => total > 0 ? x / total : 0)];
            s[v] = m.StubbornnessByNode?[v] ?? m.Stubbornness;
            x0[v] = m.InitialAttitudes?[v] ?? m.InitialAttitude;
        }

        var state = new byte[n];
        var isSeed = new bool[n];
        var attitudes = (double[])x0.Clone();
        int adopters = 0;
        foreach (int seedNode in seeds)
        {
            if (!isSeed[seedNode])
            {
                isSeed[seedNode] = true;
                state[seedNode] = seeded;
                adopters++;
            }
        }

        var periods = new List<DiffusionPeriod> { new(0, adopters, adopters, 0, Count(state)) };
        for (int period = 1; period <= m.MaxPeriods; period++)
        {
            bool seedsForced = m.SeedPeriods is not { } k || period < k;
            var next = new byte[n];
            var xNext = new double[n];
            int joined = 0, dropped = 0;
            double maxDelta = 0;
            for (int v = 0; v < n; v++)
            {
                ReadOnlySpan<int> src = g.InNeighbors(v);
                double shareWeighted = 0, sharePlain = 0, pull = 0;
                for (int e = 0; e < src.Length; e++)
                {
                    if (state[src[e]] != none)
                    {
                        shareWeighted += weighted[v][e];
                        sharePlain += plain[v][e];
                        pull += row[v][e];
                    }
                    else
                    {
                        pull += row[v][e] * attitudes[src[e]];
                    }
                }

                double attitude = hasInfluence[v] ? (s[v] * x0[v]) + ((1 - s[v]) * pull) : x0[v];
                xNext[v] = attitude;
                maxDelta = Math.Max(maxDelta, Math.Abs(attitude - attitudes[v]));
                byte now = state[v];
                byte then = now == internalized ? internalized
                    : isSeed[v] && seedsForced ? seeded
                    : attitude >= m.InternalizationThreshold ? internalized
                    : m.Compliance && shareWeighted >= theta[v] ? (sharePlain >= theta[v] ? complied : identified)
                    : now != none && !m.ReversibleCompliance ? now : none;
                next[v] = then;
                joined += now == none && then != none ? 1 : 0;
                dropped += now != none && then == none ? 1 : 0;
            }

            bool changed = !next.AsSpan().SequenceEqual(state);
            state = next;
            attitudes = xNext;
            if (!changed && maxDelta <= m.AttitudeTolerance && period >= (m.SeedPeriods ?? 0))
            {
                break;
            }

            adopters += joined - dropped;
            periods.Add(new DiffusionPeriod(period, adopters, joined, dropped, Count(state)));
        }

        var ids = new List<string>();
        for (int v = 0; v < n; v++)
        {
            if (state[v] != none)
            {
                ids.Add(g.NodeId(v));
            }
        }

        return (periods, ids, attitudes);

        static AdoptionMechanisms Count(byte[] st) =>
            new(st.Count(b => b == seeded), st.Count(b => b == complied), st.Count(b => b == identified), st.Count(b => b == internalized));
    }
}
