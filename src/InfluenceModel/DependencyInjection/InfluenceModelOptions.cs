using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.DependencyInjection;

/// <summary>
/// Library-wide defaults that a host app sets once in <see cref="InfluenceModelServiceCollectionExtensions.AddInfluenceModel(IServiceCollection, Action{InfluenceModelOptions}?)"/>.
/// The registered services use them wherever a call does not pass its own <see cref="SimulationOptions"/>.
/// </summary>
/// <remarks>
/// A plain settable class with a public parameterless constructor, so a host binds it from configuration with its own
/// Options package (the library depends on neither Microsoft.Extensions.Options nor Configuration):
/// <code>
/// services.AddOptions&lt;InfluenceModelOptions&gt;().Bind(configuration.GetSection("InfluenceModel"));
/// services.AddInfluenceModel(sp =&gt; sp.GetRequiredService&lt;IOptions&lt;InfluenceModelOptions&gt;&gt;().Value);
/// </code>
/// with a section such as <c>{ "Simulation": { "Simulations": 20000, "Seed": 7, "MaxDegreeOfParallelism": 2 },
/// "Sampling": { "Chains": 4, "Draws": 1000 } }</c>. Each instance owns its <see cref="Simulation"/> and
/// <see cref="Sampling"/> objects (a binder writes into them, never into <see cref="SimulationOptions.Default"/>), and
/// a configured value outside its range throws the same <see cref="ArgumentOutOfRangeException"/> naming the property
/// as in code.
/// </remarks>
public sealed class InfluenceModelOptions
{
    /// <summary>The default simulation options (simulations, seed, parallelism). Default: a new <see cref="SimulationOptions"/> (the same values as <see cref="SimulationOptions.Default"/>).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public SimulationOptions Simulation
    {
        get;
        set => field = value ?? throw new ArgumentNullException(nameof(Simulation), "Simulation options cannot be null.");
    } = new();

    /// <summary>The default NUTS options of <see cref="Inference.INutsSampler"/> (chains, warm-up, draws, seed, …).
    /// Default: a new <see cref="Inference.NutsOptions"/> (the same values as <see cref="Inference.NutsOptions.Default"/>).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Inference.NutsOptions Sampling
    {
        get;
        set => field = value ?? throw new ArgumentNullException(nameof(Sampling), "Sampling options cannot be null.");
    } = new();
}
