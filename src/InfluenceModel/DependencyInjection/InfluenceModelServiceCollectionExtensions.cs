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
        // Model services: one line per model, each interface → its service, built with the host's defaults as plain
        // SimulationOptions (domain types never see InfluenceModelOptions). Read at first resolution, so a later
        // configure still counts. The campaign service gets the host's budget, reserve and community models.
        services.TryAddSingleton<ISpreadEstimator>(sp => new SpreadEstimatorService(Defaults(sp)));
        services.TryAddSingleton<IInfluenceMaximizer>(sp => new InfluenceMaximizerService(Defaults(sp)));
        services.TryAddSingleton<ICommunityRoiCalculator, CommunityRoiCalculatorService>();
        services.TryAddSingleton<Budgeting.IBudgetSimulator>(sp => new Budgeting.BudgetSimulatorService(Defaults(sp)));
        services.TryAddSingleton<Budgeting.IReserveOptimizer>(sp => new Budgeting.ReserveOptimizerService(Defaults(sp)));
        services.TryAddSingleton<Campaigns.ICampaignSimulator>(sp => new Campaigns.CampaignSimulatorService(
            Defaults(sp), sp.GetRequiredService<Budgeting.IBudgetSimulator>(), sp.GetRequiredService<Budgeting.IReserveOptimizer>(), sp.GetRequiredService<ICommunityRoiCalculator>()));
        services.TryAddSingleton<Channels.IBudgetAllocator, Channels.BudgetAllocatorService>();
        services.TryAddSingleton<Channels.IChannelSelector, Channels.ChannelSelectorService>();
        services.TryAddSingleton<Channels.IResponseCurveFitter, Channels.ResponseCurveFitterService>();
        services.TryAddSingleton<Inference.INutsSampler>(sp => new Inference.NutsSamplerService(sp.GetRequiredService<InfluenceModelOptions>().Sampling));
        services.TryAddSingleton<MediaMix.IMediaMixFitter>(sp => new MediaMix.MediaMixFitter(new MediaMix.MediaMixFitOptions { Nuts = sp.GetRequiredService<InfluenceModelOptions>().Sampling }));
        return services;
    }

    private static SimulationOptions Defaults(IServiceProvider services) => services.GetRequiredService<InfluenceModelOptions>().Simulation;
}
