using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.DependencyInjection;
using InfluenceModel.Networks;
using InfluenceModel.Opinions;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.Opinions;

/// <summary>Invariants of every model (range, conservation, monotonicity), determinism, the two paths, progress and cancellation.</summary>
public class OpinionPropertyTests
{
    private static readonly SocialGraph Graph = GraphGenerators.BarabasiAlbert(120, 2, seed: 3).WithEdgeProbabilities(EdgeProbabilities.Trivalency(4));

    public static TheoryData<string> StochasticModels => ["deffuant", "voter", "majority", "sir", "sis"];

    public static TheoryData<string> AllModels => ["degroot", "fj", "hk", "deffuant", "voter", "majority", "sir", "sis"];

    internal static OpinionModel Model(string name) => name switch
    {
        "degroot" => new DeGrootModel { SelfWeight = 0.2 },
        "fj" => new FriedkinJohnsenModel { Stubbornness = 0.3 },
        "hk" => new HegselmannKrauseModel { Confidence = 0.2 },
        "deffuant" => new DeffuantWeisbuchModel { Confidence = 0.3, Convergence = 0.3 },
        "voter" => new VoterModel(),
        "majority" => new MajorityRuleModel(),
        "sir" => new SirWordOfMouth { Transmission = 0.3, Recovery = 0.4 },
        _ => new SisWordOfMouth { Transmission = 0.3, Recovery = 0.4 },
    };

    /// <summary>Initial values for the model's kind drawn from <paramref name="random"/>.</summary>
    internal static double[] Initial(OpinionModel model, int n, Random random) => model.Kind switch
    {
        OpinionKind.Continuous => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())],
        OpinionKind.Binary => [.. Enumerable.Range(0, n).Select(_ => random.Next(2) * 1.0)],
        _ => [.. Enumerable.Range(0, n).Select(_ => random.Next(20) == 0 ? 1.0 : 0.0)],
    };

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public Property EveryModel_KeepsValuesInRange_AndSharesSumToOne() =>
        Prop.ForAll(Gen.Elements(AllModelNames).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (name, seed) =>
        {
            var model = Model(name);
            var outcome = OpinionSimulator.Simulate(new OpinionRequest(Graph, model, Initial(model, Graph.NodeCount, new Random(seed))) { MaxPeriods = 60 }, new SimulationOptions { Simulations = 6, Seed = (ulong)seed });
            return outcome.FinalOpinions.All(x => x is >= 0 and <= 1)
                && outcome.Trajectory.All(p => p.Minimum >= 0 && p.Maximum <= 1 && p.Minimum <= p.Mean + 1e-12 && p.Mean <= p.Maximum + 1e-12
                    && Math.Abs(p.Shares.Sum() - 1) < 1e-9 && p.Shares.Count == outcome.ShareLabels.Count)
                && outcome.FinalMean.Mean is >= 0 and <= 1 && double.IsFinite(outcome.FinalMean.StandardError);
        });

    [FsCheck.Xunit.Property(MaxTest = 20)]
    public Property Deffuant_ConservesTheMeanOpinion_InEveryRun() =>
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(5, 50).ToArbitrary(), (seed, epsilonPercent) =>
        {
            double[] x0 = Initial(new DeffuantWeisbuchModel(), Graph.NodeCount, new Random(seed));
            var outcome = OpinionSimulator.Simulate(
                new OpinionRequest(Graph, new DeffuantWeisbuchModel { Confidence = epsilonPercent / 100.0 }, x0) { MaxPeriods = 40 },
                new SimulationOptions { Simulations = 5, Seed = (ulong)seed });
            // Every run conserves Σx exactly up to rounding, so the standard error over runs is rounding noise too.
            return Math.Abs(outcome.FinalMean.Mean - x0.Average()) < 1e-9 && outcome.FinalMean.StandardError < 1e-9
                && outcome.Trajectory.All(p => Math.Abs(p.Mean - x0.Average()) < 1e-9);
        });

    [FsCheck.Xunit.Property(MaxTest = 20)]
    public Property Sir_ToldShareNeverFalls_AndNobodyIsToldTwice() =>
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), seed =>
        {
            var model = Model("sir");
            var outcome = OpinionSimulator.Simulate(new OpinionRequest(Graph, model, Initial(model, Graph.NodeCount, new Random(seed))), new SimulationOptions { Simulations = 10, Seed = (ulong)seed });
            var told = outcome.Trajectory.Select(p => p.Shares[1] + p.Shares[2]).ToArray();
            return told.Zip(told.Skip(1)).All(pair => pair.Second >= pair.First - 1e-12)
                && outcome.Trajectory.Zip(outcome.Trajectory.Skip(1)).All(pair => pair.Second.Shares[2] >= pair.First.Shares[2] - 1e-12)
                && Math.Abs(outcome.FinalOpinions.Average() - outcome.FinalMean.Mean) < 1e-9;
        });

    [FsCheck.Xunit.Property(MaxTest = 15)]
    public Property FriedkinJohnsen_WithFullStubbornness_KeepsTheInitialOpinions() =>
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), seed =>
        {
            double[] x0 = Initial(new DeGrootModel(), Graph.NodeCount, new Random(seed));
            var outcome = OpinionSimulator.Simulate(new OpinionRequest(Graph, new FriedkinJohnsenModel { Stubbornness = 1 }, x0));
            return outcome.FinalOpinions.SequenceEqual(x0) && outcome.Periods.Mean == 1;
        });

    [Theory]
    [MemberData(nameof(StochasticModels))]
    public void SameSeed_GivesBitIdenticalResults_AtParallelism1_2_And8(string name)
    {
        var model = Model(name);
        var request = new OpinionRequest(Graph, model, Initial(model, Graph.NodeCount, new Random(9))) { MaxPeriods = 80 };
        OpinionOutcome Run(int dop) => OpinionSimulator.Simulate(request, new SimulationOptions { Simulations = 64, Seed = 17, MaxDegreeOfParallelism = dop });
        var one = Run(1);
        foreach (int dop in new[] { 2, 8 })
        {
            var other = Run(dop);
            Assert.Equal(one.FinalOpinions, other.FinalOpinions);
            Assert.Equal(one.FinalMean, other.FinalMean);
            Assert.Equal(one.Periods, other.Periods);
            Assert.Equal(one.Converged, other.Converged);
            Assert.Equal(one.Clusters, other.Clusters);
            Assert.Equal(one.FixationProbability, other.FixationProbability);
            Assert.Equal(one.Trajectory.Count, other.Trajectory.Count);
            for (int p = 0; p < one.Trajectory.Count; p++)
            {
                Assert.Equal(one.Trajectory[p].Mean, other.Trajectory[p].Mean);
                Assert.Equal(one.Trajectory[p].Minimum, other.Trajectory[p].Minimum);
                Assert.Equal(one.Trajectory[p].Maximum, other.Trajectory[p].Maximum);
                Assert.Equal(one.Trajectory[p].Shares, other.Trajectory[p].Shares);
            }
        }

        var reseeded = OpinionSimulator.Simulate(request, new SimulationOptions { Simulations = 64, Seed = 18 });
        Assert.NotEqual(one.FinalOpinions, reseeded.FinalOpinions);
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void StaticAndHostedPaths_GiveTheSameResult_WhenTheHostSetsNothing(string name)
    {
        var model = Model(name);
        var request = new OpinionRequest(Graph, model, Initial(model, Graph.NodeCount, new Random(1))) { MaxPeriods = 30 };
        using var provider = new ServiceCollection().AddInfluenceModel().BuildServiceProvider();
        var hosted = provider.GetRequiredService<IOpinionSimulator>().Simulate(request);
        var direct = OpinionSimulator.Simulate(request);

        Assert.Equal(direct.FinalOpinions, hosted.FinalOpinions);
        Assert.Equal(direct.FinalMean, hosted.FinalMean);
        Assert.Equal(model.IsStochastic ? 10_000 : 1, direct.Simulations);
    }

    [Fact]
    public void DeterministicModels_IgnoreTheSimulationCount_AndReportExactFigures()
    {
        var request = new OpinionRequest(Graph, Model("hk"), Initial(Model("hk"), Graph.NodeCount, new Random(2)));
        var a = OpinionSimulator.Simulate(request, new SimulationOptions { Simulations = 1 });
        var b = OpinionSimulator.Simulate(request, new SimulationOptions { Simulations = 500, Seed = 99 });
        Assert.Equal(a.FinalOpinions, b.FinalOpinions);
        Assert.Equal(1, b.Simulations);
        Assert.Equal(0, b.FinalMean.StandardError);
    }

    [Fact]
    public void Progress_ReportsRuns_AndEndsComplete()
    {
        var reports = new List<ProgressReport>();
        var model = Model("voter");
        OpinionSimulator.Simulate(new OpinionRequest(Graph, model, Initial(model, Graph.NodeCount, new Random(3))) { MaxPeriods = 20 }, new SimulationOptions { Simulations = 200 }, new SynchronousProgress(reports.Add));
        Assert.Equal(new ProgressReport("simulating", 200, 200), reports[^1]);

        reports.Clear();
        OpinionSimulator.Simulate(new OpinionRequest(Graph, Model("degroot"), Initial(Model("degroot"), Graph.NodeCount, new Random(3))) { MaxPeriods = 50 }, null, new SynchronousProgress(reports.Add));
        Assert.Equal(new ProgressReport("iterating", 50, 50), reports[^1]);
    }

    [Fact]
    public void Cancellation_StopsAStochasticSimulationPromptly()
    {
        var model = Model("deffuant");
        var request = new OpinionRequest(Graph, model, Initial(model, Graph.NodeCount, new Random(4))) { MaxPeriods = 100_000, Tolerance = 1e-12 };
        using var cancel = new DelayedCancel(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() => OpinionSimulator.Simulate(request, new SimulationOptions { Simulations = 1_000_000 }, null, cancel.Token));
        Assert.True(cancel.SinceCancel.TotalMilliseconds < 1000, $"stopped {cancel.SinceCancel.TotalMilliseconds:F0} ms after cancellation");
    }

    private static readonly string[] AllModelNames = ["degroot", "fj", "hk", "deffuant", "voter", "majority", "sir", "sis"];

    private sealed class SynchronousProgress(Action<ProgressReport> report) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
