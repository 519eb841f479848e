using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using InfluenceModel.Internal;

namespace InfluenceModel.Inference;

/// <summary>
/// The No-U-Turn Sampler (Hoffman and Gelman 2014) as in Stan: multinomial trajectory sampling and the generalised
/// no-U-turn criterion (Betancourt 2017), divergence detection, and Stan's warm-up — step-size initialisation, dual
/// averaging towards <see cref="NutsOptions.TargetAcceptance"/>, and a diagonal (or dense) metric estimated in doubling
/// windows. Chains run in parallel, each with its own random stream, so the draws are bit-identical at any degree of
/// parallelism. Algorithm and references: <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/inference.md">docs/models/inference.md</see>.
/// </summary>
public static class NutsSampler
{
    /// <summary>Draws from <paramref name="density"/>.</summary>
    /// <param name="density">The log density on the unconstrained scale (thread-safe: chains call it concurrently).</param>
    /// <param name="options">Chains, warm-up, draws, seed, …; default <see cref="NutsOptions.Default"/>.</param>
    /// <param name="progress">Optional progress: stage "warm-up" then "sampling", completed iterations over all chains.</param>
    /// <param name="cancellationToken">Cancels sampling (checked every iteration and every 64 leapfrog steps).</param>
    /// <returns>The post-warm-up draws (chains × draws × dimension), their summary and the sampler diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="density"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The density's dimension is below 1.</exception>
    /// <exception cref="ArgumentException"><see cref="NutsOptions.InitialPoint"/> or <see cref="NutsOptions.ParameterNames"/>
    /// has a length other than the dimension, the initial point is outside the support, or the draws would not fit in
    /// one array.</exception>
    /// <exception cref="InvalidOperationException">No finite log density was found at 100 random initial points, or the
    /// step size ran away during initialisation (an improper posterior).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PosteriorSample Sample(
        ILogDensity density,
        NutsOptions? options = null,
        IProgress<ProgressReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(density);
        options ??= NutsOptions.Default;
        int dimension = density.Dimension;
        Guard.Positive(dimension, "density.Dimension");
        if (options.InitialPoint is { } init && init.Count != dimension)
        {
            throw Guard.Invalid(nameof(NutsOptions.InitialPoint), $"InitialPoint has {init.Count} values but the density has dimension {dimension}.");
        }

        if (options.ParameterNames is { } names && names.Count != dimension)
        {
            throw Guard.Invalid(nameof(NutsOptions.ParameterNames), $"ParameterNames has {names.Count} names but the density has dimension {dimension}.");
        }

        int chains = options.Chains, draws = options.Draws, warmup = options.Warmup;
        long size = (long)chains * draws * dimension;
        if (size > Array.MaxLength)
        {
            throw new ArgumentException(
                $"Chains × Draws × dimension = {size} values exceed one array ({Array.MaxLength}); use fewer draws.", nameof(options));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var values = new double[size];
        var results = new ChainResult[chains];
        var warmupReporter = new ProgressReporter(progress, "warm-up", (long)chains * warmup);
        var samplingReporter = new ProgressReporter(progress, "sampling", (long)chains * draws);
        var warmedUp = new StrongBox<int>();

        void RunChain(int chain)
        {
            var runner = new NutsChain(density, options.MaxTreeDepth, options.DenseMetric, options.Seed, chain, cancellationToken);
            void WarmupDone()
            {
                if (Interlocked.Increment(ref warmedUp.Value) == chains)
                {
                    warmupReporter.Complete();
                }
            }

            results[chain] = RunOne(runner, options, values.AsSpan(chain * draws * dimension, draws * dimension), warmupReporter, WarmupDone,
                samplingReporter, cancellationToken);
        }

        Run(chains, options.EffectiveParallelism, RunChain, cancellationToken);
        samplingReporter.Complete();

        int divergences = 0, treeDepthHits = 0;
        long evaluations = 0;
        double acceptance = 0;
        var ebfmi = new double[chains];
        var stepSizes = new double[chains];
        for (int c = 0; c < chains; c++)
        {
            divergences += results[c].Divergences;
            treeDepthHits += results[c].TreeDepthHits;
            evaluations += results[c].GradientEvaluations;
            acceptance += results[c].AcceptanceSum;
            ebfmi[c] = results[c].Ebfmi;
            stepSizes[c] = results[c].StepSize;
        }

        var diagnostics = new SamplerDiagnostics
        {
            Divergences = divergences,
            MaxTreeDepthHits = treeDepthHits,
            Ebfmi = Array.AsReadOnly(ebfmi),
            StepSize = Array.AsReadOnly(stepSizes),
            MeanAcceptance = acceptance / ((double)chains * draws),
            GradientEvaluations = (int)Math.Min(evaluations, int.MaxValue),
        };
        return PosteriorSample.Owning(chains, draws, options.ParameterNames ?? DefaultNames(dimension), values, diagnostics);
    }

    private static ChainResult RunOne(NutsChain runner, NutsOptions options, Span<double> output, ProgressReporter warmupReporter,
        Action warmupDone, ProgressReporter samplingReporter, CancellationToken cancellationToken)
    {
        int dimension = runner.Position.Length, warmup = options.Warmup, draws = options.Draws;
        runner.Initialize(options.InitialPoint, options.InitialRadius);
        runner.InitializeStepSize();
        var stepSize = new DualAveraging(options.TargetAcceptance) { Mu = Math.Log(10 * runner.StepSize) };
        var windows = new WindowedAdaptation(warmup, dimension, options.DenseMetric);
        var metric = new double[options.DenseMetric ? dimension * dimension : dimension];
        for (int i = 0; i < warmup; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            runner.Transition();
            runner.StepSize = stepSize.Learn(runner.AcceptStat);
            if (windows.Learn(runner.Position, metric))
            {
                runner.SetInverseMetric(metric);
                runner.InitializeStepSize();
                stepSize.Mu = Math.Log(10 * runner.StepSize);
                stepSize.Restart();
            }

            warmupReporter.Advance();
        }

        if (warmup > 0)
        {
            runner.StepSize = stepSize.Final;
        }

        warmupDone();

        var energies = new double[draws];
        int divergences = 0, treeDepthHits = 0;
        double acceptance = 0;
        for (int d = 0; d < draws; d++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            runner.Transition();
            runner.Position.CopyTo(output.Slice(d * dimension, dimension));
            energies[d] = runner.Energy;
            acceptance += runner.AcceptStat;
            divergences += runner.Divergent ? 1 : 0;
            treeDepthHits += runner.Depth >= options.MaxTreeDepth ? 1 : 0;
            samplingReporter.Advance();
        }

        return new ChainResult(divergences, treeDepthHits, Ebfmi(energies), runner.StepSize, acceptance, runner.GradientEvaluations);
    }

    /// <summary>E-BFMI = Σ(E_t − E_{t−1})² / Σ(E_t − Ē)²; 0 for a single draw or constant energies.</summary>
    private static double Ebfmi(double[] energies)
    {
        if (energies.Length < 2)
        {
            return 0;
        }

        double mean = 0;
        foreach (double e in energies)
        {
            mean += e;
        }

        mean /= energies.Length;
        double numerator = 0, denominator = 0;
        for (int t = 0; t < energies.Length; t++)
        {
            double d = energies[t] - mean;
            denominator += d * d;
            if (t > 0)
            {
                double step = energies[t] - energies[t - 1];
                numerator += step * step;
            }
        }

        return denominator > 0 ? numerator / denominator : 0;
    }

    /// <summary>Runs chains 0..count−1 with at most <paramref name="parallelism"/> at once and rethrows the first
    /// failure itself (not wrapped), a cancellation as <see cref="OperationCanceledException"/>.</summary>
    private static void Run(int count, int parallelism, Action<int> body, CancellationToken cancellationToken)
    {
        if (parallelism <= 1 || count == 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, body);
        }
        catch (AggregateException aggregate)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Exception first = aggregate.InnerExceptions[0];
            foreach (Exception inner in aggregate.InnerExceptions)
            {
                if (inner is not OperationCanceledException)
                {
                    first = inner;
                    break;
                }
            }

            ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
    }

    private static string[] DefaultNames(int dimension)
    {
        var names = new string[dimension];
        for (int i = 0; i < dimension; i++)
        {
            names[i] = $"x[{i}]";
        }

        return names;
    }

    private readonly record struct ChainResult(int Divergences, int TreeDepthHits, double Ebfmi, double StepSize, double AcceptanceSum, long GradientEvaluations);
}
