using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Opinions;

namespace InfluenceModel.Tests.Opinions;

/// <summary>
/// SIR with γ = 1 is the independent cascade: with a uniform β it is IC with p = β, with
/// <see cref="WordOfMouthModel.PerArcTransmission"/> it is IC on the same arc probabilities. Two independent Monte-Carlo
/// estimates of one expected spread agree within 4 combined standard errors. Also: the eight-lane and portable coin loops
/// give identical results.
/// </summary>
public class WordOfMouthCascadeTests
{
    [Fact]
    public void Sir_WithPerArcTransmissionAndRecoveryOne_IsTheIndependentCascadeOnTheSameArcs()
    {
        var g = GraphGenerators.BarabasiAlbert(3_000, 4, seed: 6).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        int[] seeds = [0, 1, 2, 50, 500, 1500];
        var sir = SirSpread(g, new SirWordOfMouth { PerArcTransmission = true, Recovery = 1 }, seeds, 4_000, seed: 3);
        var ic = SpreadEstimator.Estimate(new SpreadRequest(g, new IndependentCascade(), seeds), new SimulationOptions { Simulations = 4_000, Seed = 4 }).Spread;

        AssertSameMean(sir, ic);
        Assert.True(sir.Mean > 2 * seeds.Length, "the cascade spreads beyond the seeds");
    }

    [Fact]
    public void SirOnce_OnEmailEnron_HasTheSpreadOfTheUniformCascadeBaseline()
    {
        // The OpinionBenchmarks pair `sir-once` (γ = 1, β = T) and `ic-uniform` (IC, p = T), T = n₊/m: one distribution.
        var g = SocialGraph.LoadEdgeList(SharedData.GraphPath("email-enron.txt.gz"));
        int reachable = Enumerable.Range(0, g.NodeCount).Count(v => g.InDegree(v) > 0);
        double tie = (double)reachable / g.EdgeCount;
        int[] seeds = [.. Enumerable.Range(0, g.NodeCount).OrderByDescending(g.OutDegree).ThenBy(v => v).Take(50)];
        var sir = SirSpread(g, new SirWordOfMouth { Transmission = tie, Recovery = 1 }, seeds, 400, seed: 5);
        var ic = SpreadEstimator.Estimate(
            new SpreadRequest(g.WithEdgeProbabilities(EdgeProbabilities.Uniform(tie)), new IndependentCascade(), seeds),
            new SimulationOptions { Simulations = 400, Seed = 6 }).Spread;

        AssertSameMean(sir, ic);
        Assert.True(sir.Mean > 5_000, "at T ≈ 0.1 the hubs carry a large outbreak");
    }

    [Theory]
    [InlineData(false, 0.06, 1.0)]
    [InlineData(false, 0.06, 0.4)]
    [InlineData(true, 0.06, 0.4)]
    public void VectorAndPortableLoops_GiveIdenticalResults(bool perArc, double beta, double gamma)
    {
        var g = GraphGenerators.BarabasiAlbert(2_000, 5, seed: 9).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        double[] x0 = [.. Enumerable.Range(0, g.NodeCount).Select(v => v % 97 == 0 ? 1.0 : 0.0)];
        var request = new OpinionRequest(g, new SirWordOfMouth { PerArcTransmission = perArc, Transmission = beta, Recovery = gamma }, x0);
        var sis = new OpinionRequest(g, new SisWordOfMouth { PerArcTransmission = perArc, Transmission = beta, Recovery = gamma }, x0) { MaxPeriods = 12 };
        var options = new SimulationOptions { Simulations = 200, Seed = 10, MaxDegreeOfParallelism = 1 };
        var vector = (OpinionSimulator.Simulate(request, options), OpinionSimulator.Simulate(sis, options));
        try
        {
            WordOfMouthRun.ScalarOnly = true;
            var portable = (OpinionSimulator.Simulate(request, options), OpinionSimulator.Simulate(sis, options));
            Assert.Equal(vector.Item1.FinalOpinions, portable.Item1.FinalOpinions);
            Assert.Equal(vector.Item2.FinalOpinions, portable.Item2.FinalOpinions);
            Assert.True(vector.Item1.FinalMean.Mean > 0.02, "the runs spread");
        }
        finally
        {
            WordOfMouthRun.ScalarOnly = false;
        }
    }

    private static Estimate SirSpread(SocialGraph g, SirWordOfMouth model, int[] seeds, int runs, ulong seed)
    {
        double[] x0 = new double[g.NodeCount];
        foreach (int s in seeds)
        {
            x0[s] = 1;
        }

        var outcome = OpinionSimulator.Simulate(new OpinionRequest(g, model, x0), new SimulationOptions { Simulations = runs, Seed = seed });
        return new Estimate(outcome.FinalMean.Mean * g.NodeCount, outcome.FinalMean.StandardError * g.NodeCount, runs);
    }

    private static void AssertSameMean(Estimate a, Estimate b)
    {
        double bound = 4 * Math.Sqrt((a.StandardError * a.StandardError) + (b.StandardError * b.StandardError));
        Assert.True(Math.Abs(a.Mean - b.Mean) <= bound, $"{a.Mean:F1} ± {a.StandardError:F1} vs {b.Mean:F1} ± {b.StandardError:F1} (bound {bound:F1})");
    }
}
