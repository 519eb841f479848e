using InfluenceModel.Community;
using InfluenceModel.Diffusion;
using InfluenceModel.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfluenceModel.DependencyInjection;

/// <summary>Registers the library's model services in a host app's <see cref="IServiceCollection"/>.</summary>
public static class InfluenceModelServiceCollectionExtensions
{
    /// <summary>Registers every model service of the library with the default options; see <see cref="AddInfluenceModel(IServiceCollection, Action{InfluenceModelOptions}?)"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="InfluenceModelOptions"/> is already registered by the factory overload.</exception>
    public static IServiceCollection AddInfluenceModel(this IServiceCollection services) => AddInfluenceModel(services, (Action<InfluenceModelOptions>?)null);

    /// <summary>
    /// Registers every model service of the library as a singleton (they are stateless and thread-safe) with
    /// <c>TryAdd</c>, so a host app's own registration wins. Calling it twice is harmless: a second
    /// <paramref name="configure"/> updates the options registered by the first call.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional callback that sets library-wide defaults (seed, parallelism, simulations).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="InfluenceModelOptions"/> is already registered by the factory overload.</exception>
    public static IServiceCollection AddInfluenceModel(this IServiceCollection services, Action<InfluenceModelOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ServiceDescriptor? registered = services.FirstOrDefault(d => d.ServiceType == typeof(InfluenceModelOptions) && !d.IsKeyedService);
        if (registered is not null && registered.ImplementationInstance is not InfluenceModelOptions)
        {
            throw new InvalidOperationException("InfluenceModelOptions is registered by a factory (AddInfluenceModel(sp => ...)); configure it there, not with AddInfluenceModel(o => ...).");
        }

        var options = registered?.ImplementationInstance as InfluenceModelOptions;
        if (options is null)
        {
            options = new InfluenceModelOptions();
            services.AddSingleton(options);
        }

        configure?.Invoke(options);
        return AddModelServices(services);
    }

    /// <summary>
    /// Registers every model service of the library (as <see cref="AddInfluenceModel(IServiceCollection, Action{InfluenceModelOptions}?)"/>
    /// does) with the options taken from the container at first resolution — the <c>IOptions&lt;T&gt;</c> pattern
    /// without a dependency on Microsoft.Extensions.Options:
    /// <c>services.AddOptions&lt;InfluenceModelOptions&gt;().Bind(configuration.GetSection("InfluenceModel"));
    /// services.AddInfluenceModel(sp =&gt; sp.GetRequiredService&lt;IOptions&lt;InfluenceModelOptions&gt;&gt;().Value);</c>
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">Returns the library-wide defaults (called once, when the first model service is resolved); must not return null.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="InfluenceModelOptions"/> is already registered (by an earlier
    /// <c>AddInfluenceModel</c> call); or, at resolution, <paramref name="options"/> returned null.</exception>
    public static IServiceCollection AddInfluenceModel(this IServiceCollection services, Func<IServiceProvider, InfluenceModelOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (services.Any(d => d.ServiceType == typeof(InfluenceModelOptions) && !d.IsKeyedService))
        {
            throw new InvalidOperationException("InfluenceModelOptions is already registered (AddInfluenceModel was called before); call one AddInfluenceModel overload once.");
        }

        services.AddSingleton(sp => options(sp) ?? throw new InvalidOperationException("The InfluenceModelOptions factory returned null."));
        return AddModelServices(services);
    }

    private static IServiceCollection AddModelServices(IServiceCollection services)
    {
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
        services.TryAddSingleton<Opinions.IOpinionSimulator>(sp => new Opinions.OpinionSimulatorService(Defaults(sp)));
        services.TryAddSingleton<MediaMix.IMediaMixFitter>(sp => new MediaMix.MediaMixFitter(new MediaMix.MediaMixFitOptions { Nuts = sp.GetRequiredService<InfluenceModelOptions>().Sampling }));
        return services;
    }

    private static SimulationOptions Defaults(IServiceProvider services) => services.GetRequiredService<InfluenceModelOptions>().Simulation;
}
