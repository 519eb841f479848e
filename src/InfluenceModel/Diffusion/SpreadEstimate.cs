namespace InfluenceModel.Diffusion;

/// <summary>The result of <see cref="SpreadEstimator.Estimate"/>: the expected spread of a seed set and, on request, each node's activation probability.</summary>
/// <remarks>Plain data; serializes with System.Text.Json.</remarks>
public sealed record SpreadEstimate
{
    /// <summary>The diffusion model's name (<see cref="DiffusionModel.Name"/>).</summary>
    public required string Model { get; init; }

    /// <summary>
    /// The expected number of final adopters, seeds included (nodes): the mean over the simulated cascades, its standard
    /// error (sample standard deviation / √simulations, 0 for one simulation), the simulation count and the 95% interval.
    /// </summary>
    public required Estimate Spread { get; init; }

    /// <summary>
    /// When <see cref="SpreadRequest.IncludeActivationProbabilities"/> was set, each node's estimated probability of being
    /// a final adopter (share of simulations), by input-file id in dense-index order; otherwise null.
    /// </summary>
    public IReadOnlyList<NodeValue>? ActivationProbabilities { get; init; }
}
