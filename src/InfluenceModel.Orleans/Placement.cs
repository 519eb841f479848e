using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace InfluenceModel.Orleans;

/// <summary>
/// Places partition grains round-robin over the compatible silos in address order: the grain key ends with
/// "/{partition}/{generation}", and the grain goes to silo (partition + generation) mod silos, so a run's partitions are
/// spread evenly and a partition re-created after a failure (next generation) moves to another silo.
/// </summary>
[Serializable]
internal sealed class PartitionPlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static PartitionPlacement Instance { get; } = new();
}

/// <summary>Marks a grain class as placed by <see cref="PartitionPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class PartitionPlacementAttribute : PlacementAttribute
{
    public PartitionPlacementAttribute()
        : base(PartitionPlacement.Instance)
    {
    }
}

/// <summary>The director of <see cref="PartitionPlacement"/>.</summary>
internal sealed class PartitionPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        SiloAddress[] silos = [.. context.GetCompatibleSilos(target).OrderBy(s => s.ToString(), StringComparer.Ordinal)];
        string key = target.GrainIdentity.Key.ToString();
        string[] parts = key.Split('/');
        long slot = parts.Length >= 2
            && long.TryParse(parts[^2], System.Globalization.CultureInfo.InvariantCulture, out long partition)
            && long.TryParse(parts[^1], System.Globalization.CultureInfo.InvariantCulture, out long generation)
            ? partition + generation
            : (uint)key.GetHashCode(StringComparison.Ordinal);
        return Task.FromResult(silos[(int)(slot % silos.Length)]);
    }
}
