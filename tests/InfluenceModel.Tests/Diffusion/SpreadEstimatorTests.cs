using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.DependencyInjection;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.Diffusion;

public class SpreadEstimatorTests
{
    private static readonly SocialGraph Graph = GraphGenerators.BarabasiAlbert(400, 2, seed: 3).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);

    public static TheoryData<string> Models => ["ic", "lt", "kelman"];

    private static DiffusionModel Model(string name) => name switch
    {
        "ic" => new IndependentCascade(),
        "lt" => new LinearThreshold(),
        _ => new KelmanInfluence { SeedPeriods = 3, MaxPeriods = 30 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void SameSeed_GivesBitIdenticalResults_AtParallelism1_2_And8(string name)
    {
        SpreadEstimate Run(int dop) => SpreadEstimator.Estimate(new SpreadRequest(Graph, Model(name), [0, 5, 77]) { IncludeActivationProbabilities = true }, new SimulationOptions { Simulations = 400, Seed = 17, MaxDegreeOfParallelism = dop });
        var one = Run(1);
        foreach (int dop in new[] { 2, 8 })
        {
            var other = Run(dop);
            Assert.Equal(one.Spread.Mean, other.Spread.Mean);
            Assert.Equal(one.Spread.StandardError, other.Spread.StandardError);
            Assert.Equal(one.ActivationProbabilities, other.ActivationProbabilities);
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 20)]
    public Property Spread_IsMonotoneInTheSeedSet_AndFinite() =>
        Prop.ForAll(Gen.Choose(0, 399).ArrayOf(4).ToArbitrary(), Gen.Choose(0, 399).ArrayOf(4).ToArbitrary(), (a, extra) =>
        {
            var options = new SimulationOptions { Simulations = 300, Seed = 1 };
            int[] superset = [.. a, .. extra];
            return new[] { "ic", "lt" }.All(name =>
            {
                var small = SpreadEstimator.Estimate(new SpreadRequest(Graph, Model(name), a), options);
                var large = SpreadEstimator.Estimate(new SpreadRequest(Graph, Model(name), superset), options);
                double slack = 3 * Math.Sqrt((small.Spread.StandardError * small.Spread.StandardError) + (large.Spread.StandardError * large.Spread.StandardError));
                return double.IsFinite(small.Spread.Mean) && double.IsFinite(small.Spread.StandardError)
                    && large.Spread.Mean >= small.Spread.Mean - slack && small.Spread.Mean >= a.Distinct().Count();
            });
        });

    [Fact]
    public void EmptySeedSet_HasZeroSpread()
    {
        var estimate = SpreadEstimator.Estimate(new SpreadRequest(Graph, new IndependentCascade(), []), new SimulationOptions { Simulations = 10 });
        Assert.Equal(0, estimate.Spread.Mean);
        Assert.Equal(new ConfidenceInterval(0, 0), estimate.Spread.Interval95);
    }

    [Fact]
    public void BadInputs_ThrowNamingTheParameter()
    {
        Assert.Equal("seeds", Assert.Throws<ArgumentOutOfRangeException>(() => SpreadEstimator.Estimate(new SpreadRequest(Graph, new IndependentCascade(), [400]))).ParamName);
        Assert.Equal("seeds", Assert.Throws<ArgumentOutOfRangeException>(() => SpreadEstimator.Estimate(new SpreadRequest(Graph, new IndependentCascade(), [-1]))).ParamName);
        Assert.Equal("seeds", Assert.Throws<ArgumentNullException>(() => SpreadEstimator.Estimate(new SpreadRequest(Graph, new IndependentCascade(), null!))).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => SpreadEstimator.Estimate(new SpreadRequest(Graph, null!, [0]))).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => SpreadEstimator.Estimate(new SpreadRequest(null!, new IndependentCascade(), [0]))).ParamName);
    }

    [Fact]
    public void Cancellation_BeforeTheStart_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SpreadEstimator.Estimate(new SpreadRequest(Graph, new IndependentCascade(), [0]), cancellationToken: cts.Token));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Cancellation_DuringALongRun_StopsWithin100MillisecondsOrSo(string name)
    {
        var request = new SpreadRequest(Graph, Model(name), [0, 5, 77]);
        // Calibrate: the time of 1,000 simulations gives the time the full 100,000,000 would take.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SpreadEstimator.Estimate(request, new SimulationOptions { Simulations = 1000, MaxDegreeOfParallelism = 2 });
        double fullRunMs = clock.Elapsed.TotalMilliseconds * 100_000;

        var options = new SimulationOptions { Simulations = 100_000_000, MaxDegreeOfParallelism = 2 };
        using var cancel = new DelayedCancel(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() => SpreadEstimator.Estimate(request, options, null, cancel.Token));
        double latencyMs = cancel.SinceCancel.TotalMilliseconds;

        Assert.True(latencyMs < 1000, $"{name}: stopped {latencyMs:F0} ms after cancellation");
        Assert.True(latencyMs < fullRunMs / 100, $"{name}: stopped {latencyMs:F0} ms after cancellation; the full run takes ≈ {fullRunMs:F0} ms");
    }

    [Fact]
    public void Progress_ReportsSimulations_AndEndsComplete()
    {
        var reports = new List<ProgressReport>();
        var estimate = SpreadEstimator.Estimate(
            new SpreadRequest(Graph, new KelmanInfluence { SeedPeriods = 3, MaxPeriods = 30 }, [0, 5]),
            new SimulationOptions { Simulations = 3000, MaxDegreeOfParallelism = 2 },
            new SyncProgress(reports));

        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal("simulating", r.Stage));
        Assert.All(reports, r => Assert.InRange(r.Completed, 0, 3000));
        Assert.Equal(new ProgressReport("simulating", 3000, 3000), reports[^1]);
        Assert.Equal(3000, estimate.Spread.Count);
    }

    [Fact]
    public void StaticPath_AndDependencyInjectionPath_GiveTheSameEstimate_WithNullOptions()
    {
        using var provider = new ServiceCollection().AddInfluenceModel().BuildServiceProvider();
        var request = new SpreadRequest(Graph, new LinearThreshold(), [0, 5]) { IncludeActivationProbabilities = true };
        var viaHost = provider.GetRequiredService<ISpreadEstimator>().Estimate(request);
        var viaFacade = SpreadEstimator.Estimate(request);

        Assert.Equal(viaFacade.Spread, viaHost.Spread);
        Assert.Equal(SimulationOptions.Default.Simulations, viaHost.Spread.Count);
        Assert.Equal(viaFacade.ActivationProbabilities, viaHost.ActivationProbabilities);
    }

    [Fact]
    public void DependencyInjection_UsesTheHostDefaults_WhenACallPassesNone()
    {
        using var provider = new ServiceCollection()
            .AddInfluenceModel(o => o.Simulation = new SimulationOptions { Simulations = 123, Seed = 4 })
            .BuildServiceProvider();
        var estimator = provider.GetRequiredService<ISpreadEstimator>();
        var request = new SpreadRequest(Graph, new IndependentCascade(), [0]);
        var estimate = estimator.Estimate(request);
        Assert.Equal(123, estimate.Spread.Count);
        Assert.Equal(SpreadEstimator.Estimate(request, new SimulationOptions { Simulations = 123, Seed = 4 }).Spread, estimate.Spread);
        // A call's own options win over the host's.
        Assert.Equal(50, estimator.Estimate(request, new SimulationOptions { Simulations = 50 }).Spread.Count);
    }

    [Fact]
    public void Request_DropsDuplicateSeeds_KeepingFirstSeenOrder()
    {
        var request = new SpreadRequest(Graph, new IndependentCascade(), [5, 0, 5, 77, 0]);
        Assert.Equal([5, 0, 77], request.Seeds);
        Assert.False(request.IncludeActivationProbabilities);
    }

    private sealed class SyncProgress(List<ProgressReport> reports) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
