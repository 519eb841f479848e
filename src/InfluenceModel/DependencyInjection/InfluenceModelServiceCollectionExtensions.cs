using InfluenceModel.Community;
using InfluenceModel.Diffusion;
using InfluenceModel.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfluenceModel.DependencyInjection;

/// <summary>Registers the library's model services in a host app's <see cref="IServiceCollection"/>.</summary>
public static class InfluenceModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers every model service of the library as a singleton (they are stateless and thread-safe) with
    /// <c>TryAdd</c>, so a host app's own registration wins. Calling it twice is harmless: a second
    /// <paramref name="configure"/> updates the options registered by the first call.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional callback that sets library-wide defaults (seed, parallelism, simulations).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddInfluenceModel(this IServiceCollection services, Action<InfluenceModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.FirstOrDefault(d => d.ServiceType == typeof(InfluenceModelOptions))?.ImplementationInstance as InfluenceModelOptions;
        if (options is null)
        {
            options = new InfluenceModelOptions();
            services.TryAddSingleton(options);
        }

        configure?.Invoke(options);
        // Model services: one line per model, each behind its interface.
        services.TryAddSingleton<ICommunityRoiCalculator, CommunityRoiCalculator>();
        services.TryAddSingleton<Budgeting.IBudgetSimulator, Budgeting.BudgetSimulator>();
        services.TryAddSingleton<Budgeting.IReserveOptimizer, Budgeting.ReserveOptimizer>();
        services.TryAddSingleton<Campaigns.ICampaignSimulator, Campaigns.CampaignSimulator>();
        services.TryAddSingleton<ISpreadEstimator>(sp => new MonteCarloSpreadEstimator(sp.GetRequiredService<InfluenceModelOptions>().Simulation));
        services.TryAddSingleton<IInfluenceMaximizer, InfluenceMaximizerService>();
        services.TryAddSingleton<Channels.IBudgetAllocator, Channels.BudgetAllocator>();
        services.TryAddSingleton<Channels.IChannelSelector, Channels.ChannelSelector>();
        services.TryAddSingleton<Inference.INutsSampler>(sp => new Inference.NutsSamplerService(sp.GetRequiredService<InfluenceModelOptions>().Sampling));
        services.TryAddSingleton<MediaMix.IMediaMixFitter>(sp => new MediaMix.MediaMixFitter(new MediaMix.MediaMixFitOptions { Nuts = sp.GetRequiredService<InfluenceModelOptions>().Sampling }));
        return services;
    }
}
