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
    /// <summary>The progress stage of the estimation; Completed counts finished simulations.</summary>
    internal const string Stage = "simulating";

    /// <summary>Estimates the expected spread of the request's seeds.</summary>
    /// <param name="request">The graph, the model and the seeds.</param>
    /// <param name="options">Simulations, seed and parallelism; null for <see cref="SimulationOptions.Default"/> (10,000 simulations, seed 0, all cores).</param>
    /// <param name="progress">Receives ("simulating", simulations done, simulations) at most every 50 ms and once at the end; optional.</param>
    /// <param name="cancellationToken">Cancels the estimation; checked before every simulation (and, for the Kelman model, every period), so it stops within milliseconds.</param>
    /// <returns>The mean spread with its standard error and 95% confidence interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The graph's weights do not suit the model (probabilities outside [0, 1]; LT in-weights summing above 1; ParamName "graph").</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SpreadEstimate Estimate(
        SpreadRequest request,
        SimulationOptions? options = null,
        IProgress<ProgressReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= SimulationOptions.Default;
        SocialGraph graph = request.Graph;
        DiffusionModel model = request.Model;
        int[] seedArray = request.SeedArray;
        bool includeActivationProbabilities = request.IncludeActivationProbabilities;
        Func<CascadeRun> createRun = model.Prepare(graph);
        int simulations = options.Simulations;
        int n = graph.NodeCount;
        var workers = new List<Worker>();
        ulong seed = options.Seed;
        var reporter = new ProgressReporter(progress, Stage, simulations);
        DeterministicParallel.For(
            simulations,
            options.EffectiveParallelism,
            () =>
            {
                var run = createRun();
                run.CancellationToken = cancellationToken;
                var worker = new Worker(run, includeActivationProbabilities ? new int[n] : null);
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

                    reporter.Advance();
                }
            },
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

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

        reporter.Complete();
        return new SpreadEstimate
        {
            Model = model.Name,
            Spread = new Estimate(mean, standardError, simulations),
            ActivationProbabilities = probabilities,
        };
    }

    private sealed class Worker(CascadeRun run, int[]? counts)
    {
        public CascadeRun Run { get; } = run;

        public int[]? Counts { get; } = counts;

        public long Sum { get; set; }

        public Int128 SumOfSquares { get; set; }
    }
}
