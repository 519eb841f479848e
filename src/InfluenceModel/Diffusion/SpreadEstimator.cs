using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Diffusion;

/// <summary>
/// Monte-Carlo estimation of the expected spread σ(S) = E[number of final adopters] of a seed set S under a
/// <see cref="DiffusionModel"/>: runs independent cascades in parallel, each simulation index i drawing from its own
/// random stream (seed, i), and sums the spreads as exact integers, so the result is bit-identical at any degree of
/// parallelism.
/// </summary>
public static class SpreadEstimator
{
    /// <summary>Estimates the expected spread of <paramref name="seeds"/>.</summary>
    /// <param name="graph">The graph; its arc weights are the model's probabilities or weights (<see cref="EdgeProbabilities"/>).</param>
    /// <param name="model">The diffusion model.</param>
    /// <param name="seeds">Dense node indices of the seeds (<see cref="SocialGraph.IndicesOf(IEnumerable{string})"/> converts input ids); duplicates ignored; may be empty.</param>
    /// <param name="options">Simulations, seed and parallelism; default <see cref="SimulationOptions.Default"/> (10,000 simulations).</param>
    /// <param name="includeActivationProbabilities">Whether to report each node's activation probability (costs n ints per thread). Default false.</param>
    /// <param name="cancellationToken">Cancels the estimation.</param>
    /// <returns>The mean spread with its standard error and 95% confidence interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/>, <paramref name="model"/> or <paramref name="seeds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A seed is outside [0, node count).</exception>
    /// <exception cref="ArgumentException">The graph's weights do not suit the model (probabilities outside [0, 1]; LT in-weights summing above 1).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SpreadEstimate Estimate(
        SocialGraph graph,
        DiffusionModel model,
        IReadOnlyList<int> seeds,
        SimulationOptions? options = null,
        bool includeActivationProbabilities = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        int[] seedArray = DiffusionModel.CheckInputs(graph, seeds);
        options ??= SimulationOptions.Default;
        Func<CascadeRun> createRun = model.Prepare(graph);
        int simulations = options.Simulations;
        int n = graph.NodeCount;
        var workers = new List<Worker>();
        ulong seed = options.Seed;
        DeterministicParallel.For(
            simulations,
            options.EffectiveParallelism,
            () =>
            {
                var worker = new Worker(createRun(), includeActivationProbabilities ? new int[n] : null);
                lock (workers)
                {
                    workers.Add(worker);
                }

                return worker;
            },
            (worker, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rng = new Xoshiro256(seed, (ulong)i);
                    long spread = worker.Run.Run(seedArray, ref rng, null);
                    worker.Sum += spread;
                    worker.SumOfSquares += spread * spread;
                    if (worker.Counts is { } counts)
                    {
                        worker.Run.AddAdopters(counts);
                    }
                }
            },
            cancellationToken);

        // Integer sums are exact, so they do not depend on which worker ran which simulation: the result is the same at
        // any degree of parallelism, with O(1) memory per worker.
        long total = 0;
        Int128 squares = 0;
        foreach (var worker in workers)
        {
            total += worker.Sum;
            squares += worker.SumOfSquares;
        }

        double mean = (double)total / simulations;
        // N·Σx² − (Σx)² is exact in 128 bits; variance = that / (N(N − 1)).
        Int128 scaled = (simulations * squares) - ((Int128)total * total);
        double standardError = simulations > 1 ? Math.Sqrt((double)scaled / ((double)simulations * (simulations - 1)) / simulations) : 0;
        IReadOnlyList<NodeValue>? probabilities = null;
        if (includeActivationProbabilities)
        {
            // Integer counts: their sum does not depend on which worker ran which simulation.
            var sum = new long[n];
            foreach (var worker in workers)
            {
                for (int v = 0; v < n; v++)
                {
                    sum[v] += worker.Counts![v];
                }
            }

            var list = new NodeValue[n];
            for (int v = 0; v < n; v++)
            {
                list[v] = new NodeValue(graph.NodeId(v), (double)sum[v] / simulations);
            }

            probabilities = list;
        }

        return new SpreadEstimate(model.Name, mean, standardError, ConfidenceInterval.Normal95(mean, standardError), simulations, probabilities);
    }

    private sealed class Worker(CascadeRun run, int[]? counts)
    {
        public CascadeRun Run { get; } = run;

        public int[]? Counts { get; } = counts;

        public long Sum { get; set; }

        public Int128 SumOfSquares { get; set; }
    }
}

/// <summary>Estimates expected influence spread; the DI-friendly face of <see cref="SpreadEstimator"/>.</summary>
public interface ISpreadEstimator
{
    /// <summary>Estimates the expected spread of <paramref name="seeds"/>; see <see cref="SpreadEstimator.Estimate"/>.</summary>
    /// <param name="graph">The graph with the model's arc probabilities or weights.</param>
    /// <param name="model">The diffusion model.</param>
    /// <param name="seeds">Dense node indices of the seeds.</param>
    /// <param name="options">Simulation options; null for the service's defaults.</param>
    /// <param name="includeActivationProbabilities">Whether to report per-node activation probabilities.</param>
    /// <param name="cancellationToken">Cancels the estimation.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A seed is outside the graph.</exception>
    /// <exception cref="ArgumentException">The graph's weights do not suit the model.</exception>
    SpreadEstimate Estimate(SocialGraph graph, DiffusionModel model, IReadOnlyList<int> seeds, SimulationOptions? options = null,
        bool includeActivationProbabilities = false, CancellationToken cancellationToken = default);
}

/// <summary>The Monte-Carlo <see cref="ISpreadEstimator"/> with default simulation options (e.g. from <c>AddInfluenceModel</c>). Stateless and thread-safe.</summary>
/// <param name="defaults">The options used when a call passes none.</param>
public sealed class MonteCarloSpreadEstimator(SimulationOptions defaults) : ISpreadEstimator
{
    /// <summary>The options used when a call passes none.</summary>
    public SimulationOptions Defaults { get; } = defaults ?? throw new ArgumentNullException(nameof(defaults));

    /// <inheritdoc/>
    public SpreadEstimate Estimate(SocialGraph graph, DiffusionModel model, IReadOnlyList<int> seeds, SimulationOptions? options = null,
        bool includeActivationProbabilities = false, CancellationToken cancellationToken = default) =>
        SpreadEstimator.Estimate(graph, model, seeds, options ?? Defaults, includeActivationProbabilities, cancellationToken);
}
