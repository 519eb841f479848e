using InfluenceModel.Internal;

namespace InfluenceModel.Inference;

/// <summary>
/// How <see cref="NutsSampler"/> samples: chains, warm-up and draws, seed, tree depth, target acceptance, metric and
/// parallelism. Defaults follow Stan (4 chains × 1,000 warm-up + 1,000 draws, depth 10, δ = 0.8, diagonal metric,
/// uniform(−2, 2) initialisation).
/// </summary>
/// <remarks>
/// Immutable and thread-safe; every property is validated in its initialiser. The same options and seed give
/// bit-identical draws at any <see cref="MaxDegreeOfParallelism"/>: chain c draws from its own random stream
/// (<see cref="Seed"/>, c).
/// </remarks>
public sealed record NutsOptions
{
    private readonly int _chains = 4;
    private readonly int _warmup = 1000;
    private readonly int _draws = 1000;
    private readonly int _maxTreeDepth = 10;
    private readonly double _targetAcceptance = 0.8;
    private readonly int _maxDegreeOfParallelism = -1;
    private readonly double _initialRadius = 2;
    private readonly IReadOnlyList<double>? _initialPoint;
    private readonly IReadOnlyList<string>? _parameterNames;

    /// <summary>The largest <see cref="Chains"/>: 1,024.</summary>
    public const int MaxChains = 1024;

    /// <summary>The largest <see cref="Warmup"/>: 1,000,000 iterations per chain.</summary>
    public const int MaxWarmup = 1_000_000;

    /// <summary>The smallest <see cref="Draws"/>: 4 per chain (split-chain diagnostics need 2 per half).</summary>
    public const int MinDraws = 4;

    /// <summary>The largest <see cref="Draws"/>: 1,000,000 per chain.</summary>
    public const int MaxDraws = 1_000_000;

    /// <summary>The default options (Stan's defaults, seed 0, all cores).</summary>
    public static NutsOptions Default { get; } = new();

    /// <summary>Number of independent chains; 1 to <see cref="MaxChains"/> (1,024), default 4. R-hat needs at least 2 (split chains give 2 per chain).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 1,024.</exception>
    public int Chains
    {
        get => _chains;
        init => _chains = Guard.InRange(value, 1, MaxChains, nameof(Chains));
    }

    /// <summary>Warm-up (adaptation) iterations per chain, discarded; 0 to <see cref="MaxWarmup"/> (1,000,000), default 1,000. Below 20 only the
    /// step size adapts (as in Stan).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to 1,000,000.</exception>
    public int Warmup
    {
        get => _warmup;
        init => _warmup = Guard.InRange(value, 0, MaxWarmup, nameof(Warmup));
    }

    /// <summary>Kept draws per chain after warm-up; <see cref="MinDraws"/> (4: split-chain diagnostics need 2 per half) to
    /// <see cref="MaxDraws"/> (1,000,000), default 1,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 4 to 1,000,000.</exception>
    public int Draws
    {
        get => _draws;
        init => _draws = Guard.InRange(value, MinDraws, MaxDraws, nameof(Draws));
    }

    /// <summary>The random seed; any value, default 0. Same seed ⇒ same draws.</summary>
    public ulong Seed { get; init; }

    /// <summary>Largest tree depth: a transition takes at most 2^depth − 1 leapfrog steps; 1 to 20, default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 20.</exception>
    public int MaxTreeDepth
    {
        get => _maxTreeDepth;
        init => _maxTreeDepth = Guard.InRange(value, 1, 20, nameof(MaxTreeDepth));
    }

    /// <summary>The mean acceptance statistic δ that step-size adaptation targets; in (0, 1), default 0.8. Raise it
    /// (0.9–0.99) to remove divergences at the cost of smaller steps.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1).</exception>
    public double TargetAcceptance
    {
        get => _targetAcceptance;
        init => _targetAcceptance = Guard.InOpenRange(value, 0, 1, nameof(TargetAcceptance));
    }

    /// <summary>Whether to adapt a dense (full covariance) metric instead of a diagonal one; default false.</summary>
    public bool DenseMetric { get; init; }

    /// <summary>The largest number of chains run at once, or −1 (default) for all cores; −1 or 1 to 1,024. It never
    /// changes the draws, only the time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0, below −1 or above 1,024.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = Guard.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Random initial points are uniform in (−r, r) on every unconstrained coordinate; r in [0, 100], default 2
    /// (Stan's uniform(−2, 2)). Ignored when <see cref="InitialPoint"/> is set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 100].</exception>
    public double InitialRadius
    {
        get => _initialRadius;
        init => _initialRadius = Guard.InRange(value, 0, 100, nameof(InitialRadius));
    }

    /// <summary>The initial point of every chain on the unconstrained scale, or null (default) for random points.
    /// Its length must equal the density's dimension; every element finite. The list is copied.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An element is NaN or infinite.</exception>
    public IReadOnlyList<double>? InitialPoint
    {
        get => _initialPoint;
        init
        {
            if (value is null)
            {
                _initialPoint = null;
                return;
            }

            var copy = new double[value.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = double.IsFinite(value[i])
                    ? value[i]
                    : throw new ArgumentOutOfRangeException(nameof(InitialPoint), value[i], $"InitialPoint[{i}] must be a finite number; it was {value[i]}.");
            }

            _initialPoint = Array.AsReadOnly(copy);
        }
    }

    /// <summary>Names of the parameters (one per dimension) for the summary, or null (default) for x[0], x[1], ….
    /// Each name non-empty. The list is copied.</summary>
    /// <exception cref="ArgumentException">A name is null, empty or white space.</exception>
    public IReadOnlyList<string>? ParameterNames
    {
        get => _parameterNames;
        init
        {
            if (value is null)
            {
                _parameterNames = null;
                return;
            }

            var copy = new string[value.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = string.IsNullOrWhiteSpace(value[i])
                    ? throw new ArgumentException($"ParameterNames[{i}] must be a non-empty name.", nameof(ParameterNames))
                    : value[i];
            }

            _parameterNames = Array.AsReadOnly(copy);
        }
    }

    /// <summary>The number of threads actually used.</summary>
    internal int EffectiveParallelism => Math.Min(_chains, _maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : _maxDegreeOfParallelism);
}
