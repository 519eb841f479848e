namespace InfluenceModel.Orleans;

/// <summary>How a client spreads a run over the cluster. The results never depend on these settings.</summary>
public sealed record InfluenceClusterOptions
{
    /// <summary>The default options: one partition per active silo, all of each silo's cores, 4 attempts per call.</summary>
    public static InfluenceClusterOptions Default { get; } = new();

    /// <summary>
    /// Partitions of each RR-set collection, and twice this many chunks of Monte-Carlo simulations; 0 (default) for one
    /// per active silo at the start of each run. Range [0, 4096].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 4096].</exception>
    public int Partitions
    {
        get;
        init => field = value is >= 0 and <= 4096 ? value : throw new ArgumentOutOfRangeException(nameof(Partitions), value, $"Partitions must be in [0, 4096] (0: one per active silo); it was {value}.");
    }

    /// <summary>Threads each partition uses on its silo; 0 (default) for the silo's processor count. Range [0, 1024].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 1024].</exception>
    public int SiloParallelism
    {
        get;
        init => field = value is >= 0 and <= 1024 ? value : throw new ArgumentOutOfRangeException(nameof(SiloParallelism), value, $"SiloParallelism must be in [0, 1024] (0: the silo's processor count); it was {value}.");
    }

    /// <summary>
    /// Attempts of one partition call before the run fails (default 4, range [1, 100]): after a failure (its silo
    /// stopped or died) the partition is re-created on another silo from its index ranges and greedy picks, which gives
    /// the same sets and counts, and the call is repeated.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [1, 100].</exception>
    public int MaxAttempts
    {
        get;
        init => field = value is >= 1 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), value, $"MaxAttempts must be in [1, 100]; it was {value}.");
    } = 4;
}
