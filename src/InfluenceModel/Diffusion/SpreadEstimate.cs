namespace InfluenceModel.Diffusion;

/// <summary>A Monte-Carlo estimate of the expected spread (number of final adopters, seeds included) of a seed set.</summary>
/// <param name="Model">The diffusion model's name.</param>
/// <param name="Mean">The mean number of final adopters over the simulations, in nodes.</param>
/// <param name="StandardError">The standard error of <paramref name="Mean"/>: sample standard deviation / √simulations (0 for one simulation).</param>
/// <param name="ConfidenceInterval95">The normal-approximation 95% interval Mean ± 1.96·StandardError.</param>
/// <param name="Simulations">The number of simulated cascades.</param>
/// <param name="ActivationProbabilities">
/// When requested, each node's estimated probability of being a final adopter (share of simulations), by input-file id
/// in dense-index order; otherwise null.
/// </param>
public sealed record SpreadEstimate(
    string Model,
    double Mean,
    double StandardError,
    ConfidenceInterval ConfidenceInterval95,
    int Simulations,
    IReadOnlyList<NodeValue>? ActivationProbabilities);
