using InfluenceModel.Internal;

namespace InfluenceModel;

/// <summary>
/// Options shared by every Monte-Carlo model of the library: how many independent runs, the random seed and the
/// degree of parallelism.
/// </summary>
/// <remarks>
/// <para>
/// Results are reproducible: the same inputs and the same <see cref="Seed"/> give bit-identical results whatever
/// <see cref="MaxDegreeOfParallelism"/> is, because every simulation index draws from its own random stream derived
/// from (<see cref="Seed"/>, index), never from a per-thread generator.
/// </para>
/// <para>This type is immutable and thread-safe. Validation happens in the property initialisers.</para>
/// </remarks>
public sealed record SimulationOptions
{
    private readonly int _simulations = 10_000;
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>The default options: 10,000 simulations, seed 0, all cores.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>
    /// Number of independent Monte-Carlo runs (simulated cascades, simulated years, …). Range 1 to 100,000,000;
    /// default 10,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 100,000,000.</exception>
    public int Simulations
    {
        get => _simulations;
        init => _simulations = Guard.InRange(value, 1, 100_000_000, nameof(Simulations));
    }

    /// <summary>The random seed. Any value; default 0. Same seed ⇒ same result.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The largest number of threads used, or -1 (the default) for all cores. Range -1 or 1 to 1,024. It never changes
    /// the result, only the time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0, below -1 or above 1,024.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = Guard.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>The number of threads actually used: <see cref="MaxDegreeOfParallelism"/>, or the core count for -1.</summary>
    internal int EffectiveParallelism => _maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : _maxDegreeOfParallelism;
}
