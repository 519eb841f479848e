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
        int simulations = options.Simulations;
        var reporter = new ProgressReporter(progress, Stage, simulations);
        SpreadSums sums = Simulate(request, options.Seed, 0, simulations, options.EffectiveParallelism, reporter, cancellationToken);
        reporter.Complete();
        return Combine(request, sums, simulations);
    }

    /// <summary>
    /// Runs simulations [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of the request,
    /// simulation i on the stream (<paramref name="seed"/>, i), and returns their exact integer sums. Sums of disjoint
    /// index ranges add up to the sums of their union, so ranges may run on different machines (InfluenceModel.Orleans)
    /// and <see cref="Combine"/> gives the single-machine estimate bit for bit.
    /// </summary>
    internal static SpreadSums Simulate(
        SpreadRequest request,
        ulong seed,
        int first,
        int count,
        int parallelism,
        ProgressReporter? reporter,
        CancellationToken cancellationToken)
    {
        SocialGraph graph = request.Graph;
        int[] seedArray = request.SeedArray;
        bool includeActivationProbabilities = request.IncludeActivationProbabilities;
        Func<CascadeRun> createRun = request.Model.Prepare(graph);
        int n = graph.NodeCount;
        var workers = new List<Worker>();
        DeterministicParallel.For(
            count,
            parallelism,
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
                    var rng = new Xoshiro256(seed, (ulong)(first + (long)i));
                    long spread = worker.Run.Run(seedArray, ref rng, null);
                    worker.Sum += spread;
                    worker.SumOfSquares += spread * spread;
                    if (worker.Counts is { } counts)
                    {
                        worker.Run.AddAdopters(counts);
                    }

                    reporter?.Advance();
                }
            },
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        // Integer sums are exact, so they do not depend on which worker ran which simulation: the result is the same at
        // any degree of parallelism, with O(1) memory per worker.
        long total = 0;
        Int128 squares = 0;
        long[]? adopters = includeActivationProbabilities ? new long[n] : null;
        foreach (var worker in workers)
        {
            total += worker.Sum;
            squares += worker.SumOfSquares;
            if (adopters is not null)
            {
                for (int v = 0; v < n; v++)
                {
                    adopters[v] += worker.Counts![v];
                }
            }
        }

        return new SpreadSums(total, squares, adopters);
    }

    /// <summary>The estimate from the sums over all <paramref name="simulations"/> simulations (see <see cref="Simulate"/>).</summary>
    internal static SpreadEstimate Combine(SpreadRequest request, SpreadSums sums, int simulations)
    {
        SocialGraph graph = request.Graph;
        long total = sums.Total;
        double mean = (double)total / simulations;
        // N·Σx² − (Σx)² is exact in 128 bits; variance = that / (N(N − 1)).
        Int128 scaled = (simulations * sums.SumOfSquares) - ((Int128)total * total);
        double standardError = simulations > 1 ? Math.Sqrt((double)scaled / ((double)simulations * (simulations - 1)) / simulations) : 0;
        IReadOnlyList<NodeValue>? probabilities = null;
        if (sums.Adopters is { } sum)
        {
            var list = new NodeValue[graph.NodeCount];
            for (int v = 0; v < list.Length; v++)
            {
                list[v] = new NodeValue(graph.NodeId(v), (double)sum[v] / simulations);
            }

            probabilities = list;
        }

        return new SpreadEstimate
        {
            Model = request.Model.Name,
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

/// <summary>Exact integer sums over a range of spread simulations (see <see cref="SpreadEstimator.Simulate"/>).</summary>
/// <param name="Total">Σ spread.</param>
/// <param name="SumOfSquares">Σ spread².</param>
/// <param name="Adopters">Per node, the simulations in which it adopted; null unless activation probabilities were asked for.</param>
internal readonly record struct SpreadSums(long Total, Int128 SumOfSquares, long[]? Adopters)
{
    /// <summary>The sums over the union of two disjoint simulation ranges.</summary>
    public SpreadSums Add(SpreadSums other)
    {
        long[]? adopters = Adopters;
        if (adopters is not null && other.Adopters is not null)
        {
            adopters = (long[])adopters.Clone();
            for (int v = 0; v < adopters.Length; v++)
            {
                adopters[v] += other.Adopters[v];
            }
        }

        return new SpreadSums(Total + other.Total, SumOfSquares + other.SumOfSquares, adopters ?? other.Adopters);
    }
}
