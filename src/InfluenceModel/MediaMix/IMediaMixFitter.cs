namespace InfluenceModel.MediaMix;

/// <summary>Fits media-mix models (the host-app face of <see cref="MediaMixModel.Fit"/>).</summary>
public interface IMediaMixFitter
{
    /// <summary>Fits <paramref name="model"/> to <paramref name="data"/>; same contract as <see cref="MediaMixModel.Fit"/>.</summary>
    /// <param name="model">The model specification.</param>
    /// <param name="data">The table.</param>
    /// <param name="options">How to fit; null for the host's default (the library's default when the host sets none).</param>
    /// <param name="progress">Progress of the fit.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The data do not match the model (see <see cref="MediaMixModel.Fit"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    MediaMixFit Fit(MediaMixModel model, MediaMixData data, MediaMixFitOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The DI service behind <see cref="IMediaMixFitter"/>: forwards to the façade with the host's default options.</summary>
internal sealed class MediaMixFitter(MediaMixFitOptions defaults) : IMediaMixFitter
{
    public MediaMixFitter()
        : this(MediaMixFitOptions.Default)
    {
    }

    public MediaMixFit Fit(MediaMixModel model, MediaMixData data, MediaMixFitOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Fit(data, options ?? defaults, progress, cancellationToken);
    }
}
