using InfluenceModel.DependencyInjection;
using InfluenceModel.Diffusion;
using InfluenceModel.Inference;
using InfluenceModel.Networks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfluenceModel.Tests.DependencyInjection;

/// <summary>
/// Issue 16: InfluenceModelOptions binds from configuration the way hosts expect (IOptions&lt;T&gt;), with the host's own
/// Options package; the core depends on neither Options nor Configuration.
/// </summary>
public sealed class OptionsBindingTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static readonly IConfiguration Section = Config(
        ("InfluenceModel:Simulation:Simulations", "321"),
        ("InfluenceModel:Simulation:Seed", "77"),
        ("InfluenceModel:Simulation:MaxDegreeOfParallelism", "2"),
        ("InfluenceModel:Sampling:Chains", "3"),
        ("InfluenceModel:Sampling:Draws", "250"));

    [Fact]
    public void Bind_FillsEveryConfiguredValue_AndLeavesTheSharedDefaultsAlone()
    {
        var options = new InfluenceModelOptions();
        Section.GetSection("InfluenceModel").Bind(options);

        Assert.Equal(321, options.Simulation.Simulations);
        Assert.Equal(77UL, options.Simulation.Seed);
        Assert.Equal(2, options.Simulation.MaxDegreeOfParallelism);
        Assert.Equal(3, options.Sampling.Chains);
        Assert.Equal(250, options.Sampling.Draws);
        Assert.Equal(1000, options.Sampling.Warmup); // not configured: the default
        // The binder writes into the options' own objects, never into the library-wide defaults.
        Assert.Equal(new SimulationOptions(), SimulationOptions.Default);
        Assert.Equal(new NutsOptions(), NutsOptions.Default);
        Assert.NotSame(SimulationOptions.Default, new InfluenceModelOptions().Simulation);
    }

    [Fact]
    public void IOptionsPattern_TheModelServicesUseTheBoundValues()
    {
        using var provider = new ServiceCollection()
            .AddOptions<InfluenceModelOptions>().Bind(Section.GetSection("InfluenceModel")).Services
            .AddInfluenceModel(sp => sp.GetRequiredService<IOptions<InfluenceModelOptions>>().Value)
            .BuildServiceProvider();

        var graph = GraphGenerators.BarabasiAlbert(200, 2, seed: 3).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var request = new SpreadRequest(graph, new IndependentCascade(), [0, 1]);
        SpreadEstimate viaHost = provider.GetRequiredService<ISpreadEstimator>().Estimate(request);
        SpreadEstimate expected = SpreadEstimator.Estimate(request, new SimulationOptions { Simulations = 321, Seed = 77, MaxDegreeOfParallelism = 2 });

        Assert.Equal(321, viaHost.Spread.Count);
        Assert.Equal(expected.Spread, viaHost.Spread);
        Assert.Same(provider.GetRequiredService<IOptions<InfluenceModelOptions>>().Value, provider.GetRequiredService<InfluenceModelOptions>());
    }

    [Fact]
    public void ConfiguredValueOutOfRange_ThrowsNamingTheProperty()
    {
        var bad = Config(("Simulation:Simulations", "0"));
        var ex = Assert.ThrowsAny<Exception>(() => bad.Bind(new InfluenceModelOptions()));
        var inner = ex as ArgumentOutOfRangeException ?? ex.InnerException as ArgumentOutOfRangeException;
        Assert.NotNull(inner);
        Assert.Equal("Simulations", inner.ParamName);
    }

    [Fact]
    public void FactoryOverload_RefusesASecondRegistration_AndANullFactory()
    {
        var services = new ServiceCollection().AddInfluenceModel();
        Assert.Throws<InvalidOperationException>(() => services.AddInfluenceModel(_ => new InfluenceModelOptions()));
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddInfluenceModel((Func<IServiceProvider, InfluenceModelOptions>)null!)).ParamName);

        var byFactory = new ServiceCollection().AddInfluenceModel(_ => new InfluenceModelOptions());
        Assert.Throws<InvalidOperationException>(() => byFactory.AddInfluenceModel(o => o.Simulation = new SimulationOptions { Seed = 1 }));
    }
}
