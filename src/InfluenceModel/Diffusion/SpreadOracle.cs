using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Diffusion;

/// <summary>
/// Monte-Carlo spread of many seed sets on common random numbers: simulation i of every evaluation draws from the
/// stream (seed, i), so the difference of two evaluations is a paired difference (the noise that both share cancels).
/// The model's data are prepared once and the per-worker runners are reused across evaluations (a
/// <see cref="SpreadEstimator.Estimate"/> per set would prepare the model and allocate runners each time).
/// </summary>
/// <remarks>
/// <see cref="Mean"/> equals <c>SpreadEstimator.Estimate(new SpreadRequest(graph, model, seeds), options).Spread.Mean</c>
/// with the same seed and simulation count, bit for bit (integer sums divided once). Thread-safe: runners are taken
/// from and returned to a pool.
/// </remarks>
internal sealed class SpreadOracle
{
    private readonly WorkerPool<CascadeRun> _pool;
    private readonly ulong _seed;
    private readonly int _simulations;
    private readonly int _parallelism;
    private readonly CancellationToken _cancellationToken;
    private long _evaluations;

    public SpreadOracle(SocialGraph graph, DiffusionModel model, SimulationOptions options, CancellationToken cancellationToken)
    {
        Func<CascadeRun> factory = model.Prepare(graph);
        _pool = new WorkerPool<CascadeRun>(() =>
        {
            CascadeRun created = factory();
            created.CancellationToken = cancellationToken;
            return created;
        });
        _seed = options.Seed;
        _simulations = options.Simulations;
        _parallelism = options.EffectiveParallelism;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Simulations per evaluation.</summary>
    public int Simulations => _simulations;

    /// <summary>Number of seed sets evaluated so far.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>The mean spread of <paramref name="seeds"/> (distinct dense indices), simulations spread over the workers.</summary>
    public double Mean(int[] seeds)
    {
        var (sum, _) = Sums(seeds, _parallelism);
        return (double)sum / _simulations;
    }

    /// <summary>The spread of <paramref name="seeds"/> as an <see cref="Estimate"/> (mean, standard error, count).</summary>
    public Estimate Estimate(int[] seeds)
    {
        var (sum, squares) = Sums(seeds, _parallelism);
        long n = _simulations;
        Int128 scaled = (n * squares) - ((Int128)sum * sum);
        double standardError = n > 1 ? Math.Sqrt((double)scaled / ((double)n * (n - 1)) / n) : 0;
        return new Estimate((double)sum / n, standardError, _simulations);
    }

    /// <summary>
    /// The mean spread of <paramref name="baseSet"/> ∪ {v} for every v in <paramref name="candidates"/>, the candidates
    /// spread over the workers (each runs all simulations of its candidates: no synchronisation per evaluation).
    /// <paramref name="advance"/> is called once per finished candidate.
    /// </summary>
    public double[] MeansWithEach(int[] baseSet, int[] candidates, Action advance)
    {
        var result = new double[candidates.Length];
        DeterministicParallel.For(
            candidates.Length,
            _parallelism,
            () => new int[baseSet.Length + 1],
            (trial, start, end) =>
            {
                baseSet.CopyTo(trial, 0);
                CascadeRun run = _pool.Rent();
                try
                {
                    for (int c = start; c < end; c++)
                    {
                        trial[^1] = candidates[c];
                        long sum = 0;
                        for (int i = 0; i < _simulations; i++)
                        {
                            _cancellationToken.ThrowIfCancellationRequested();
                            var rng = new Xoshiro256(_seed, (ulong)i);
                            sum += run.Run(trial, ref rng, null);
                        }

                        result[c] = (double)sum / _simulations;
                        Interlocked.Increment(ref _evaluations);
                        advance();
                    }
                }
                finally
                {
                    _pool.Return(run);
                }
            },
            _cancellationToken);
        _cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    private (long Sum, Int128 Squares) Sums(int[] seeds, int parallelism)
    {
        long total = 0;
        Int128 squares = 0;
        var gate = new Lock();
        DeterministicParallel.For(
            _simulations,
            parallelism,
            () => 0,
            (_, start, end) =>
            {
                CascadeRun run = _pool.Rent();
                long sum = 0;
                Int128 sq = 0;
                try
                {
                    for (int i = start; i < end; i++)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        var rng = new Xoshiro256(_seed, (ulong)i);
                        long spread = run.Run(seeds, ref rng, null);
                        sum += spread;
                        sq += spread * spread;
                    }
                }
                finally
                {
                    _pool.Return(run);
                }

                // Integer sums: the total does not depend on which worker ran which simulation.
                lock (gate)
                {
                    total += sum;
                    squares += sq;
                }
            },
            _cancellationToken);
        _cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _evaluations);
        return (total, squares);
    }
}
