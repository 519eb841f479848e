using InfluenceModel.Diffusion;

namespace InfluenceModel.Orleans.Tests;

/// <summary>Distributed Monte Carlo gives the single-machine estimate bit for bit.</summary>
public sealed class DistributedSpreadTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData("IC", 1000, false)]
    [InlineData("LT", 777, true)]
    [InlineData("IC", 1, false)]
    public void Estimate_OnThreeSilos_EqualsInProcessBitForBit(string model, int simulations, bool probabilities)
    {
        var request = new SpreadRequest(fixture.Graph, DistributedSeedingTests.Model(model), [0, 5, 17]) { IncludeActivationProbabilities = probabilities };
        var options = new SimulationOptions { Simulations = simulations, Seed = 7, MaxDegreeOfParallelism = 2 };
        var local = SpreadEstimator.Estimate(request, options);
        var estimator = new ClusterSpreadEstimator(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 3, SiloParallelism = 1 });

        var distributed = estimator.Estimate(request, options);

        Assert.Equal(BitConverter.DoubleToInt64Bits(local.Spread.Mean), BitConverter.DoubleToInt64Bits(distributed.Spread.Mean));
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.Spread.StandardError), BitConverter.DoubleToInt64Bits(distributed.Spread.StandardError));
        Assert.Equal(local.Spread.Count, distributed.Spread.Count);
        Assert.Equal(local.Model, distributed.Model);
        Assert.Equal(local.ActivationProbabilities, distributed.ActivationProbabilities);
    }

    [Fact]
    public void Estimate_ReportsProgressToTheTotal()
    {
        var request = new SpreadRequest(fixture.Graph, new IndependentCascade(), [1]);
        var reports = new List<ProgressReport>();
        var estimator = new ClusterSpreadEstimator(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 2, SiloParallelism = 1 });

        estimator.Estimate(request, new SimulationOptions { Simulations = 400 }, new SyncProgress(r => { lock (reports) { reports.Add(r); } }), TestContext.Current.CancellationToken);

        Assert.Equal(new ProgressReport("simulating", 400, 400), reports[^1]);
    }

    [Fact]
    public void Estimate_KelmanModel_ThrowsNamingRequestModel()
    {
        var estimator = new ClusterSpreadEstimator(fixture.Cluster.Client, fixture.Source);
        var request = new SpreadRequest(fixture.Graph, new KelmanInfluence(), [1]);

        Assert.Equal("request.Model", Assert.Throws<ArgumentException>(() => estimator.Estimate(request)).ParamName);
        Assert.Throws<ArgumentNullException>(() => estimator.Estimate(null!));
    }

    [Fact]
    public void Estimate_Cancelled_Throws()
    {
        var estimator = new ClusterSpreadEstimator(fixture.Cluster.Client, fixture.Source, new InfluenceClusterOptions { Partitions = 2 });
        var request = new SpreadRequest(fixture.Graph, new IndependentCascade(), [1]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => estimator.Estimate(request, new SimulationOptions { Simulations = 100_000 }, null, cts.Token));
    }
}
