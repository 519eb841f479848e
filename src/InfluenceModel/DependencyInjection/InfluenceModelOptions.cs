namespace InfluenceModel.DependencyInjection;

/// <summary>
/// Library-wide defaults that a host app sets once in <see cref="InfluenceModelServiceCollectionExtensions.AddInfluenceModel"/>.
/// The registered services use them wherever a call does not pass its own <see cref="SimulationOptions"/>.
/// </summary>
public sealed class InfluenceModelOptions
{
    /// <summary>The default simulation options (simulations, seed, parallelism). Default: <see cref="SimulationOptions.Default"/>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public SimulationOptions Simulation
    {
        get;
        set => field = value ?? throw new ArgumentNullException(nameof(Simulation), "Simulation options cannot be null.");
    } = SimulationOptions.Default;

    /// <summary>The default NUTS options of <see cref="Inference.INutsSampler"/> (chains, warm-up, draws, seed, …).
    /// Default: <see cref="Inference.NutsOptions.Default"/>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Inference.NutsOptions Sampling
    {
        get;
        set => field = value ?? throw new ArgumentNullException(nameof(Sampling), "Sampling options cannot be null.");
    } = Inference.NutsOptions.Default;
}
