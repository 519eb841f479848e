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
        SpreadEstimate Run(int dop) => SpreadEstimator.Estimate(Graph, Model(name), [0, 5, 77],
            new SimulationOptions { Simulations = 400, Seed = 17, MaxDegreeOfParallelism = dop }, includeActivationProbabilities: true);
        var one = Run(1);
        foreach (int dop in new[] { 2, 8 })
        {
            var other = Run(dop);
            Assert.Equal(one.Mean, other.Mean);
            Assert.Equal(one.StandardError, other.StandardError);
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
                var small = SpreadEstimator.Estimate(Graph, Model(name), a, options);
                var large = SpreadEstimator.Estimate(Graph, Model(name), superset, options);
                double slack = 3 * Math.Sqrt((small.StandardError * small.StandardError) + (large.StandardError * large.StandardError));
                return double.IsFinite(small.Mean) && double.IsFinite(small.StandardError)
                    && large.Mean >= small.Mean - slack && small.Mean >= a.Distinct().Count();
            });
        });

    [Fact]
    public void EmptySeedSet_HasZeroSpread()
    {
        var estimate = SpreadEstimator.Estimate(Graph, new IndependentCascade(), [], new SimulationOptions { Simulations = 10 });
        Assert.Equal(0, estimate.Mean);
        Assert.Equal(new ConfidenceInterval(0, 0), estimate.ConfidenceInterval95);
    }

    [Fact]
    public void BadInputs_ThrowNamingTheParameter()
    {
        Assert.Equal("seeds", Assert.Throws<ArgumentOutOfRangeException>(() => SpreadEstimator.Estimate(Graph, new IndependentCascade(), [400])).ParamName);
        Assert.Equal("seeds", Assert.Throws<ArgumentOutOfRangeException>(() => SpreadEstimator.Estimate(Graph, new IndependentCascade(), [-1])).ParamName);
        Assert.Equal("seeds", Assert.Throws<ArgumentNullException>(() => SpreadEstimator.Estimate(Graph, new IndependentCascade(), null!)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => SpreadEstimator.Estimate(Graph, null!, [0])).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => SpreadEstimator.Estimate(null!, new IndependentCascade(), [0])).ParamName);
    }

    [Fact]
    public void Cancellation_StopsTheEstimate()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SpreadEstimator.Estimate(Graph, new IndependentCascade(), [0], cancellationToken: cts.Token));
    }

    [Fact]
    public void DependencyInjection_ResolvesTheEstimatorWithTheHostDefaults()
    {
        using var provider = new ServiceCollection()
            .AddInfluenceModel(o => o.Simulation = new SimulationOptions { Simulations = 123, Seed = 4 })
            .BuildServiceProvider();
        var estimator = provider.GetRequiredService<ISpreadEstimator>();
        var estimate = estimator.Estimate(Graph, new IndependentCascade(), [0]);
        Assert.Equal(123, estimate.Simulations);
        Assert.Equal(SpreadEstimator.Estimate(Graph, new IndependentCascade(), [0], new SimulationOptions { Simulations = 123, Seed = 4 }), estimate);
    }
}
