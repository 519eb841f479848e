using InfluenceModel.Networks;

namespace InfluenceModel.Seeding;

/// <summary>
/// The seeding service for host apps (registered by <c>AddInfluenceModel</c>); it forwards to
/// <see cref="InfluenceMaximizer.Select"/>.
/// </summary>
public interface IInfluenceMaximizer
{
    /// <inheritdoc cref="InfluenceMaximizer.Select"/>
    SeedSelection SelectSeeds(SocialGraph graph, SeedingRequest request);
}

/// <summary>The default <see cref="IInfluenceMaximizer"/>: stateless, thread-safe.</summary>
internal sealed class InfluenceMaximizerService : IInfluenceMaximizer
{
    public SeedSelection SelectSeeds(SocialGraph graph, SeedingRequest request) => InfluenceMaximizer.Select(graph, request);
}
