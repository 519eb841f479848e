using InfluenceModel.Internal;

namespace InfluenceModel.Inference;

/// <summary>
/// Posterior draws: <see cref="Chains"/> × <see cref="Draws"/> × <see cref="Dimension"/> values on the scale they were
/// given (the sampler's unconstrained scale, or any transformed scale built with the constructor), with a per-parameter
/// <see cref="Summary"/> (computed on first use, parameters in parallel) and the sampler's <see cref="Diagnostics"/>. Immutable and thread-safe.
/// </summary>
public sealed class PosteriorSample
{
    private readonly double[] _values;
    private readonly Lazy<IReadOnlyList<ParameterSummary>> _summary;

    /// <summary>Wraps draws stored chain-major: value (c, d, k) at index (c·draws + d)·dimension + k. The values are
    /// copied; use this to summarise transformed parameters (e.g. constrained scale, derived quantities).</summary>
    /// <param name="chains">Number of chains; ≥ 1.</param>
    /// <param name="draws">Draws per chain; ≥ 4 (split-chain diagnostics need 2 per half).</param>
    /// <param name="parameterNames">One non-empty name per dimension; the dimension is its count (≥ 1).</param>
    /// <param name="values">chains·draws·dimension finite values.</param>
    /// <param name="diagnostics">The sampler diagnostics to carry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameterNames"/> or <paramref name="diagnostics"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chains"/> is below 1, <paramref name="draws"/> below 4, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> has the wrong length, or a name is empty.</exception>
    public PosteriorSample(int chains, int draws, IReadOnlyList<string> parameterNames, ReadOnlySpan<double> values, SamplerDiagnostics diagnostics)
        : this(chains, draws, CheckNames(parameterNames), Checked(values, chains, draws, parameterNames.Count), diagnostics)
    {
    }

    private PosteriorSample(int chains, int draws, IReadOnlyList<string> parameterNames, double[] values, SamplerDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Chains = chains;
        Draws = draws;
        Dimension = parameterNames.Count;
        ParameterNames = parameterNames;
        _values = values;
        Diagnostics = diagnostics;
        _summary = new Lazy<IReadOnlyList<ParameterSummary>>(ComputeSummary);
    }

    /// <summary>Takes ownership of <paramref name="values"/> (no copy, no checks): for the sampler's own output.</summary>
    internal static PosteriorSample Owning(int chains, int draws, IReadOnlyList<string> parameterNames, double[] values, SamplerDiagnostics diagnostics) =>
        new(chains, draws, parameterNames, values, diagnostics);

    /// <summary>The same draws (shared, not copied) under other names and diagnostics.</summary>
    internal PosteriorSample With(IReadOnlyList<string> parameterNames, SamplerDiagnostics diagnostics) =>
        new(Chains, Draws, parameterNames, _values, diagnostics);

    /// <summary>Number of chains.</summary>
    public int Chains { get; }

    /// <summary>Draws per chain (post-warm-up).</summary>
    public int Draws { get; }

    /// <summary>Number of parameters per draw.</summary>
    public int Dimension { get; }

    /// <summary>The parameter names, one per dimension.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The sampler diagnostics (divergences, tree-depth hits, E-BFMI, step sizes, acceptance).</summary>
    public SamplerDiagnostics Diagnostics { get; }

    /// <summary>The per-parameter summary (mean, sd, 94 % HDI, R-hat, bulk/tail ESS, MCSE), in dimension order;
    /// computed on first access.</summary>
    public IReadOnlyList<ParameterSummary> Summary => _summary.Value;

    /// <summary>The value of parameter <paramref name="dimension"/> in draw <paramref name="draw"/> of chain <paramref name="chain"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public double this[int chain, int draw, int dimension]
    {
        get
        {
            CheckIndex(chain, Chains, nameof(chain));
            CheckIndex(draw, Draws, nameof(draw));
            CheckIndex(dimension, Dimension, nameof(dimension));
            return _values[(((chain * Draws) + draw) * Dimension) + dimension];
        }
    }

    /// <summary>All parameters of one draw.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public ReadOnlySpan<double> Draw(int chain, int draw)
    {
        CheckIndex(chain, Chains, nameof(chain));
        CheckIndex(draw, Draws, nameof(draw));
        return _values.AsSpan(((chain * Draws) + draw) * Dimension, Dimension);
    }

    /// <summary>All draws of parameter <paramref name="dimension"/>, chains concatenated (chain 0's draws first).</summary>
    /// <returns>A new array of <see cref="Chains"/>·<see cref="Draws"/> values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is out of range.</exception>
    public double[] Values(int dimension)
    {
        CheckIndex(dimension, Dimension, nameof(dimension));
        var result = new double[Chains * Draws];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = _values[(i * Dimension) + dimension];
        }

        return result;
    }

    /// <summary>The draws of parameter <paramref name="dimension"/> as one array per chain (the input of
    /// <see cref="PosteriorDiagnostics"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is out of range.</exception>
    public double[][] ChainValues(int dimension)
    {
        CheckIndex(dimension, Dimension, nameof(dimension));
        var result = new double[Chains][];
        for (int c = 0; c < Chains; c++)
        {
            var chain = new double[Draws];
            int offset = c * Draws * Dimension;
            for (int d = 0; d < Draws; d++)
            {
                chain[d] = _values[offset + (d * Dimension) + dimension];
            }

            result[c] = chain;
        }

        return result;
    }

    private ParameterSummary[] ComputeSummary()
    {
        // Parameters are independent and each result goes to its own slot, so the summary is the same at any parallelism.
        var summary = new ParameterSummary[Dimension];
        Parallel.For(0, Dimension, k => summary[k] = PosteriorDiagnostics.Summarize(ParameterNames[k], ChainValues(k)));
        return summary;
    }

    private static void CheckIndex(int index, int count, string name)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(name, index, $"{name} must be in [0, {count - 1}]; it was {index}.");
        }
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<string> CheckNames(IReadOnlyList<string> parameterNames)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        Guard.Positive(parameterNames.Count, "parameterNames.Count");
        var copy = new string[parameterNames.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = string.IsNullOrWhiteSpace(parameterNames[i])
                ? throw new ArgumentException($"parameterNames[{i}] must be a non-empty name.", nameof(parameterNames))
                : parameterNames[i];
        }

        return Array.AsReadOnly(copy);
    }

    private static double[] Checked(ReadOnlySpan<double> values, int chains, int draws, int dimension)
    {
        Guard.Positive(chains, nameof(chains));
        Guard.InRange(draws, 4, int.MaxValue, nameof(draws));
        if (values.Length != (long)chains * draws * dimension)
        {
            throw new ArgumentException(
                $"values must hold chains × draws × dimension = {(long)chains * draws * dimension} numbers; it has {values.Length}.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            Guard.Finite(values[i], nameof(values));
        }

        return values.ToArray();
    }
}
