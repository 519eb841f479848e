using InfluenceModel.Networks;
using InfluenceModel.Opinions;

namespace InfluenceModel.Tests.Opinions;

/// <summary>
/// The event-driven SIR/SIS sampler against the exact distribution of the synchronous model (every telling node tells
/// each susceptible out-neighbour with probability β in a period, then stops with probability γ), computed by
/// enumerating the Markov chain over all {susceptible, telling, stopped}ⁿ states of a 4-node graph.
/// </summary>
public class WordOfMouthExactTests
{
    private const int Runs = 40_000;

    // 0 → 1, 0 → 2, 1 → 2, 2 → 3, 3 → 1: a star from the seed and a cycle, so SIS can be told again.
    private static readonly SocialGraph Graph = SocialGraph.FromEdges(4, [new Edge(0, 1), new Edge(0, 2), new Edge(1, 2), new Edge(2, 3), new Edge(3, 1)]);

    [Theory]
    [InlineData(0.02, 0.5)] // q = 1 − (1 − β)^T < 0.05 for T ≤ 2: geometric skipping over the arcs
    [InlineData(0.04, 0.15)] // skipping for one-period stints, a coin per arc for longer ones
    [InlineData(0.4, 0.3)]
    [InlineData(0.15, 0.6)]
    [InlineData(0.7, 1.0)]
    [InlineData(0.05, 0.04)] // γ < 1/16: stints by inversion, windows beyond the 32-entry tables
    [InlineData(1.0, 0.3)] // β = 1: every arc succeeds in the first period of the stint
    public void Sir_PerNodeToldProbabilitiesAndTrajectory_MatchTheExactMarkovChain(double beta, double gamma)
    {
        const int periods = 80; // (1 − γ)^80 < 1e-12: the chain has been absorbed
        var exact = Chain(beta, gamma, lapses: false, periods);
        var outcome = OpinionSimulator.Simulate(
            new OpinionRequest(Graph, new SirWordOfMouth { Transmission = beta, Recovery = gamma }, [1, 0, 0, 0]) { MaxPeriods = periods },
            new SimulationOptions { Simulations = Runs, Seed = 11 });

        AssertSirMatches(exact, outcome);
    }

    [Theory]
    [InlineData(0.03, 0.2, 8)] // β < 0.05: geometric skipping over the (period, arc) cells
    [InlineData(0.4, 0.3, 5)]
    [InlineData(0.8, 0.5, 7)]
    [InlineData(1.0, 0.5, 4)]
    [InlineData(0.2, 0.05, 40)] // γ < 1/16: stints by inversion
    public void Sis_PerNodeTellingProbabilitiesAndTrajectory_MatchTheExactMarkovChain(double beta, double gamma, int periods)
    {
        var exact = Chain(beta, gamma, lapses: true, periods);
        var outcome = OpinionSimulator.Simulate(
            new OpinionRequest(Graph, new SisWordOfMouth { Transmission = beta, Recovery = gamma }, [1, 0, 0, 0]) { MaxPeriods = periods },
            new SimulationOptions { Simulations = Runs, Seed = 12 });

        AssertSisMatches(exact, outcome, periods);
    }

    /// <summary>Per-arc probabilities of <see cref="Graph"/>'s arcs, in the order given: 0 → 1, 0 → 2, 1 → 2, 2 → 3, 3 → 1.</summary>
    private static readonly float[] ArcProbabilities = [0.9f, 0.05f, 0.3f, 0.6f, 0.01f];

    private static readonly SocialGraph WeightedGraph = SocialGraph.FromEdges(4, [new Edge(0, 1, 0.9f), new Edge(0, 2, 0.05f), new Edge(1, 2, 0.3f), new Edge(2, 3, 0.6f), new Edge(3, 1, 0.01f)]);

    private static double ArcProbability(int u, int v) => (u, v) switch
    {
        (0, 1) => ArcProbabilities[0],
        (0, 2) => ArcProbabilities[1],
        (1, 2) => ArcProbabilities[2],
        (2, 3) => ArcProbabilities[3],
        (3, 1) => ArcProbabilities[4],
        _ => throw new ArgumentOutOfRangeException(nameof(u)),
    };

    [Theory]
    [InlineData(1.0, 80)] // the independent cascade with p(u,v)
    [InlineData(0.4, 80)]
    [InlineData(0.04, 60)] // long stints: many passes over each row
    public void Sir_WithPerArcTransmission_MatchesTheExactMarkovChain(double gamma, int periods)
    {
        var exact = Chain(ArcProbability, gamma, lapses: false, periods);
        var outcome = OpinionSimulator.Simulate(
            new OpinionRequest(WeightedGraph, new SirWordOfMouth { PerArcTransmission = true, Transmission = 0.5, Recovery = gamma }, [1, 0, 0, 0]) { MaxPeriods = periods },
            new SimulationOptions { Simulations = Runs, Seed = 14 });

        AssertSirMatches(exact, outcome);
    }

    [Theory]
    [InlineData(0.5, 6)]
    [InlineData(0.2, 9)]
    public void Sis_WithPerArcTransmission_MatchesTheExactMarkovChain(double gamma, int periods)
    {
        var exact = Chain(ArcProbability, gamma, lapses: true, periods);
        var outcome = OpinionSimulator.Simulate(
            new OpinionRequest(WeightedGraph, new SisWordOfMouth { PerArcTransmission = true, Recovery = gamma }, [1, 0, 0, 0]) { MaxPeriods = periods },
            new SimulationOptions { Simulations = Runs, Seed = 15 });

        AssertSisMatches(exact, outcome, periods);
    }

    [Fact]
    public void Sir_WithCertainTellingForOnePeriod_TellsEachNodeAtItsDistance()
    {
        // β = γ = 1 on the path 0 → 1 → 2 → 3: node k is told in period k, tells once and stops.
        var path = SocialGraph.FromEdges(4, [new Edge(0, 1), new Edge(1, 2), new Edge(2, 3)]);
        var outcome = OpinionSimulator.Simulate(
            new OpinionRequest(path, new SirWordOfMouth { Transmission = 1, Recovery = 1 }, [1, 0, 0, 0]),
            new SimulationOptions { Simulations = 3, Seed = 1 });

        Assert.Equal([0.25, 0.5, 0.75, 1, 1], outcome.Trajectory.Select(p => p.Mean));
        Assert.Equal([0.25, 0.25, 0.25, 0.25, 0], outcome.Trajectory.Select(p => p.Shares[1]));
        Assert.Equal(4, outcome.Periods.Mean);
    }

    [Fact]
    public void Sis_WithNoTransmission_EveryStintIsGeometric()
    {
        // β = 0: the seed tells for T ~ Geometric(γ) periods, so P(still telling after p periods) = (1 − γ)^p.
        var outcome = OpinionSimulator.Simulate(
            new OpinionRequest(Graph, new SisWordOfMouth { Transmission = 0, Recovery = 0.3 }, [1, 0, 0, 0]) { MaxPeriods = 6 },
            new SimulationOptions { Simulations = Runs, Seed = 13 });

        for (int p = 1; p <= 6; p++)
        {
            AssertWithin(Math.Pow(0.7, p) / 4, outcome.Trajectory[p].Shares[1], $"telling share at period {p}");
        }
    }

    /// <summary>SIR: each node's chance of being told, and the telling and told shares of periods 1–6, match the chain.</summary>
    private static void AssertSirMatches(Exact exact, OpinionOutcome outcome)
    {
        for (int v = 0; v < 4; v++)
        {
            AssertWithin(exact.Final[v], outcome.FinalOpinions[v], $"P(node {v} told)");
        }

        for (int p = 1; p <= 6; p++)
        {
            // Past the longest run the trajectory ends; the chain has been absorbed there too.
            OpinionPeriod at = outcome.Trajectory[Math.Min(p, outcome.Trajectory.Count - 1)];
            AssertWithin(exact.TellingShare[p], at.Shares[1], $"telling share at period {p}");
            AssertWithin(exact.ValuedShare[p], at.Mean, $"told share at period {p}");
        }
    }

    /// <summary>SIS: each node's chance of telling at the last period, and the telling share of every period, match the chain.</summary>
    private static void AssertSisMatches(Exact exact, OpinionOutcome outcome, int periods)
    {
        for (int v = 0; v < 4; v++)
        {
            AssertWithin(exact.Final[v], outcome.FinalOpinions[v], $"P(node {v} telling at period {periods})");
        }

        for (int p = 1; p <= periods; p++)
        {
            OpinionPeriod at = outcome.Trajectory[Math.Min(p, outcome.Trajectory.Count - 1)];
            AssertWithin(exact.TellingShare[p], at.Shares[1], $"telling share at period {p}");
        }
    }

    /// <summary>Asserts a Monte-Carlo share of <see cref="Runs"/> runs is within 4.5 standard errors of the exact value (a share of nodes: at most the per-node binomial error).</summary>
    private static void AssertWithin(double expected, double actual, string what)
    {
        double se = Math.Sqrt(Math.Max(expected * (1 - expected), 1e-6) / Runs);
        Assert.True(Math.Abs(actual - expected) <= (4.5 * se) + 1e-12, $"{what}: expected {expected:F5} ± {4.5 * se:F5}, got {actual:F5}");
    }

    private sealed record Exact(double[] Final, double[] TellingShare, double[] ValuedShare);

    /// <summary>
    /// The synchronous chain by enumeration: in each period every susceptible node with k telling in-neighbours is told
    /// with probability 1 − (1 − β)^k, independently, then every node telling at the start stops with probability γ
    /// (to stopped for SIR, to susceptible for SIS).
    /// </summary>
    private static Exact Chain(double beta, double gamma, bool lapses, int periods) => Chain((_, _) => beta, gamma, lapses, periods);

    /// <summary>The chain with arc u → v telling with probability <paramref name="beta"/>(u, v) per period.</summary>
    private static Exact Chain(Func<int, int, double> beta, double gamma, bool lapses, int periods)
    {
        const int n = 4;
        var dist = new Dictionary<int, double> { [Encode([1, 0, 0, 0])] = 1 };
        var telling = new double[periods + 1];
        var valued = new double[periods + 1];
        telling[0] = valued[0] = 0.25;
        for (int p = 1; p <= periods; p++)
        {
            var next = new Dictionary<int, double>();
            foreach ((int code, double probability) in dist)
            {
                int[] s = Decode(code, n);
                var events = new List<(int Node, double Chance, int To)>();
                for (int v = 0; v < n; v++)
                {
                    if (s[v] == 1)
                    {
                        events.Add((v, gamma, lapses ? 0 : 2));
                    }
                    else if (s[v] == 0)
                    {
                        int k = 0;
                        double miss = 1;
                        for (int u = 0; u < n; u++)
                        {
                            if (s[u] == 1 && Graph.OutNeighbors(u).Contains(v))
                            {
                                k++;
                                miss *= 1 - beta(u, v);
                            }
                        }

                        if (k > 0)
                        {
                            events.Add((v, 1 - miss, 1));
                        }
                    }
                }

                for (int mask = 0; mask < 1 << events.Count; mask++)
                {
                    int[] t = (int[])s.Clone();
                    double q = probability;
                    for (int e = 0; e < events.Count; e++)
                    {
                        bool happens = (mask & (1 << e)) != 0;
                        q *= happens ? events[e].Chance : 1 - events[e].Chance;
                        if (happens)
                        {
                            t[events[e].Node] = events[e].To;
                        }
                    }

                    if (q > 0)
                    {
                        int key = Encode(t);
                        next[key] = next.GetValueOrDefault(key) + q;
                    }
                }
            }

            dist = next;
            foreach ((int code, double probability) in dist)
            {
                int[] s = Decode(code, n);
                telling[p] += probability * s.Count(x => x == 1) / n;
                valued[p] += probability * s.Count(x => lapses ? x == 1 : x != 0) / n;
            }
        }

        var final = new double[n];
        foreach ((int code, double probability) in dist)
        {
            int[] s = Decode(code, n);
            for (int v = 0; v < n; v++)
            {
                final[v] += lapses ? (s[v] == 1 ? probability : 0) : (s[v] != 0 ? probability : 0);
            }
        }

        return new Exact(final, telling, valued);
    }

    private static int Encode(int[] s) => s.Aggregate(0, (code, x) => (code * 3) + x);

    private static int[] Decode(int code, int n)
    {
        var s = new int[n];
        for (int v = n - 1; v >= 0; v--)
        {
            s[v] = code % 3;
            code /= 3;
        }

        return s;
    }
}
