namespace InfluenceModel.Opinions;

/// <summary>
/// Simulates opinion dynamics and word of mouth for host apps (registered by <c>AddInfluenceModel</c>); the same
/// signature as the static <see cref="OpinionSimulator.Simulate"/>, with the host's default <see cref="SimulationOptions"/>
/// when a call passes none.
/// </summary>
public interface IOpinionSimulator
{
    /// <summary>Simulates the request's model; see <see cref="OpinionSimulator.Simulate"/>.</summary>
    /// <param name="request">The graph, the model and the initial opinions.</param>
    /// <param name="options">Simulations, seed and parallelism; null for the host's defaults (the library's when the host sets none).</param>
    /// <param name="progress">Receives ("simulating", runs done, runs) or, for a deterministic model, ("iterating", periods done, max periods); optional.</param>
    /// <param name="cancellationToken">Cancels the simulation.</param>
    /// <returns>The final opinions, the trajectory and the convergence figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The model's per-node values do not fit the graph.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    OpinionOutcome Simulate(OpinionRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="IOpinionSimulator"/> registered for hosts: forwards to the façade with the host's defaults. Stateless and thread-safe.</summary>
/// <param name="defaults">The options used when a call passes none.</param>
internal sealed class OpinionSimulatorService(SimulationOptions defaults) : IOpinionSimulator
{
    private readonly SimulationOptions _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));

    public OpinionOutcome Simulate(OpinionRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        OpinionSimulator.Simulate(request, options ?? _defaults, progress, cancellationToken);
}
