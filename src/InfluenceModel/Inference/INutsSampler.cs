namespace InfluenceModel.Inference;

/// <summary>The injectable form of <see cref="NutsSampler.Sample"/> (registered by <c>AddInfluenceModel</c>, with the
/// host's default <see cref="NutsOptions"/>).</summary>
public interface INutsSampler
{
    /// <summary>Draws from the density with the No-U-Turn Sampler; see <see cref="NutsSampler.Sample"/>.</summary>
    /// <param name="density">The log density on the unconstrained scale.</param>
    /// <param name="options">Chains, warm-up, draws, seed, …; null for the host's default (<see cref="NutsOptions.Default"/> when the host set none).</param>
    /// <param name="progress">Optional progress ("warm-up", then "sampling"; units are iterations over all chains).</param>
    /// <param name="cancellationToken">Cancels sampling.</param>
    /// <returns>The draws, their summary and the sampler diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="density"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The density's dimension is below 1.</exception>
    /// <exception cref="ArgumentException">The options do not fit the density (initial point or names of another length, or an initial point outside the support).</exception>
    /// <exception cref="InvalidOperationException">No finite initial point was found, or the posterior is improper.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    PosteriorSample Sample(ILogDensity density, NutsOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="INutsSampler"/> with the host's default options. Stateless and thread-safe.</summary>
internal sealed class NutsSamplerService(NutsOptions defaults) : INutsSampler
{
    public PosteriorSample Sample(ILogDensity density, NutsOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default) =>
        NutsSampler.Sample(density, options ?? defaults, progress, cancellationToken);
}
