using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;
using InfluenceModel.Diffusion;
using InfluenceModel.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace InfluenceModel.Orleans;

/// <summary>Silo configuration for InfluenceModel's grains.</summary>
public static class InfluenceModelSiloExtensions
{
    /// <summary>
    /// Makes the silo host InfluenceModel's partitions: the per-silo graph cache (each graph loaded once, by path) and the
    /// placement that spreads a run's partitions over the silos. Call it on every silo of the cluster.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISiloBuilder AddInfluenceModel(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SiloGraphs>();
        builder.Services.AddSingleton<SiloCampaigns>();
        builder.AddPlacementDirector<PartitionPlacement, PartitionPlacementDirector>();
        return builder;
    }
}

/// <summary>Client registration of the cluster façades.</summary>
public static class InfluenceModelClusterServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IInfluenceMaximizer"/>, <see cref="ISpreadEstimator"/>, <see cref="IBudgetSimulator"/>,
    /// <see cref="IReserveOptimizer"/> and <see cref="ICampaignSimulator"/> as the cluster façades
    /// (<see cref="ClusterInfluenceMaximizer"/>, <see cref="ClusterSpreadEstimator"/>, <see cref="ClusterBudgetSimulator"/>,
    /// <see cref="ClusterReserveOptimizer"/>, <see cref="ClusterCampaignSimulator"/>) over the host's Orleans
    /// <c>IClusterClient</c> (register it with <c>UseOrleansClient</c>), as singletons.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="graph">Where the silos find the graph of the requests.</param>
    /// <param name="cluster">Partitions, silo threads and attempts; null for <see cref="InfluenceClusterOptions.Default"/>.</param>
    /// <param name="defaults">The simulation options used when a call passes none; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="graph"/> is null.</exception>
    public static IServiceCollection AddInfluenceModelCluster(this IServiceCollection services, ClusterGraph graph, InfluenceClusterOptions? cluster = null, SimulationOptions? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(graph);
        services.AddSingleton<IInfluenceMaximizer>(sp => new ClusterInfluenceMaximizer(sp.GetRequiredService<IClusterClient>(), graph, cluster, defaults));
        services.AddSingleton<ISpreadEstimator>(sp => new ClusterSpreadEstimator(sp.GetRequiredService<IClusterClient>(), graph, cluster, defaults));
        services.AddSingleton<IBudgetSimulator>(sp => new ClusterBudgetSimulator(sp.GetRequiredService<IClusterClient>(), cluster, defaults));
        services.AddSingleton<IReserveOptimizer>(sp => new ClusterReserveOptimizer(sp.GetRequiredService<IClusterClient>(), cluster, defaults));
        services.AddSingleton<ICampaignSimulator>(sp => new ClusterCampaignSimulator(sp.GetRequiredService<IClusterClient>(), cluster, defaults));
        return services;
    }
}
