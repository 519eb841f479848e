namespace InfluenceModel.Seeding;

/// <summary>
/// Influence maximization for host apps (registered by <c>AddInfluenceModel</c>); the same signature as the static
/// <see cref="InfluenceMaximizer.Select"/>, with the host's default <see cref="SimulationOptions"/> when a call passes
/// none.
/// </summary>
public interface IInfluenceMaximizer
{
    /// <inheritdoc cref="InfluenceMaximizer.Select"/>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
        Justification = "The interface mirrors the façade InfluenceMaximizer.Select (one name per operation); VB callers can still call it.")]
    SeedSelection Select(SeedingRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="IInfluenceMaximizer"/> registered for hosts: forwards to the façade with the host's defaults. Stateless and thread-safe.</summary>
/// <param name="defaults">The options used when a call passes none.</param>
internal sealed class InfluenceMaximizerService(SimulationOptions defaults) : IInfluenceMaximizer
{
    private readonly SimulationOptions _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));

    public SeedSelection Select(SeedingRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        InfluenceMaximizer.Select(request, options ?? _defaults, progress, cancellationToken);
}
