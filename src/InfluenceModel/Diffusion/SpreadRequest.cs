using InfluenceModel.Networks;

namespace InfluenceModel.Diffusion;

/// <summary>
/// What <see cref="SpreadEstimator.Estimate"/> estimates: the expected spread of a seed set on a graph under a diffusion
/// model. How to estimate it (simulations, random seed, parallelism) is a <see cref="SimulationOptions"/>.
/// </summary>
/// <remarks>
/// The graph and seeds are checked when the request is built; whether the graph's weights suit the model (probabilities
/// in [0, 1], LT in-weights summing to ≤ 1) is checked by the estimation, which prepares the model's data anyway.
/// Immutable (the seeds are copied) and thread-safe.
/// </remarks>
public sealed record SpreadRequest
{
    private readonly int[] _seeds;

    /// <summary>A request for the expected spread of <paramref name="seeds"/> under <paramref name="model"/>.</summary>
    /// <param name="graph">The graph; its arc weights are the model's probabilities or weights (<see cref="EdgeProbabilities"/>).</param>
    /// <param name="model">The diffusion model.</param>
    /// <param name="seeds">
    /// Dense node indices of the seeds (<see cref="SocialGraph.IndicesOf(IEnumerable{string})"/> converts input ids);
    /// duplicates are dropped (first occurrence kept); may be empty.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/>, <paramref name="model"/> or <paramref name="seeds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A seed is outside [0, node count) (ParamName "seeds").</exception>
    public SpreadRequest(SocialGraph graph, DiffusionModel model, IReadOnlyList<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(model);
        _seeds = DiffusionModel.CheckInputs(graph, seeds);
        Graph = graph;
        Model = model;
    }

    /// <summary>The graph whose arc weights are the model's probabilities or weights.</summary>
    public SocialGraph Graph { get; }

    /// <summary>The diffusion model.</summary>
    public DiffusionModel Model { get; }

    /// <summary>The distinct seeds as dense node indices, in first-seen order.</summary>
    public IReadOnlyList<int> Seeds => _seeds;

    /// <summary>
    /// Whether to report each node's activation probability (<see cref="SpreadEstimate.ActivationProbabilities"/>; costs
    /// n ints per worker thread). Default <see langword="false"/>.
    /// </summary>
    public bool IncludeActivationProbabilities { get; init; }

    /// <summary>The seeds as the array the runs read (no copy).</summary>
    internal int[] SeedArray => _seeds;
}
