namespace InfluenceModel.Diffusion;

/// <summary>
/// Estimates expected influence spread for host apps (registered by <c>AddInfluenceModel</c>); the same signature as
/// the static <see cref="SpreadEstimator.Estimate"/>, with the host's default <see cref="SimulationOptions"/> when a call
/// passes none.
/// </summary>
public interface ISpreadEstimator
{
    /// <summary>Estimates the expected spread of the request's seeds; see <see cref="SpreadEstimator.Estimate"/>.</summary>
    /// <param name="request">The graph, the model and the seeds.</param>
    /// <param name="options">Simulations, seed and parallelism; null for the host's defaults (the library's when the host sets none).</param>
    /// <param name="progress">Receives ("simulating", simulations done, simulations) at most every 50 ms and at the end; optional.</param>
    /// <param name="cancellationToken">Cancels the estimation.</param>
    /// <returns>The mean spread with its standard error and 95% confidence interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The graph's weights do not suit the model.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    SpreadEstimate Estimate(SpreadRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="ISpreadEstimator"/> registered for hosts: forwards to the façade with the host's defaults. Stateless and thread-safe.</summary>
/// <param name="defaults">The options used when a call passes none.</param>
internal sealed class SpreadEstimatorService(SimulationOptions defaults) : ISpreadEstimator
{
    private readonly SimulationOptions _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));

    public SpreadEstimate Estimate(SpreadRequest request, SimulationOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        SpreadEstimator.Estimate(request, options ?? _defaults, progress, cancellationToken);
}
