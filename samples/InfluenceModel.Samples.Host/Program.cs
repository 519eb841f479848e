// A host app: InfluenceModelOptions bound from configuration (appsettings.json, environment variables such as
// InfluenceModel__Simulation__Seed=9, command line) with the host's own Options package, handed to the library, then the
// model services injected. The library itself depends on neither Microsoft.Extensions.Options nor Configuration.
using InfluenceModel;
using InfluenceModel.Community;
using InfluenceModel.DependencyInjection;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Services.AddOptions<InfluenceModelOptions>().Bind(builder.Configuration.GetSection("InfluenceModel"));
builder.Services.AddInfluenceModel(sp => sp.GetRequiredService<IOptions<InfluenceModelOptions>>().Value);
using IHost host = builder.Build();

InfluenceModelOptions options = host.Services.GetRequiredService<InfluenceModelOptions>();
Console.WriteLine($"bound: {options.Simulation.Simulations} simulations, seed {options.Simulation.Seed}, parallelism {options.Simulation.MaxDegreeOfParallelism}; NUTS {options.Sampling.Chains} chains × {options.Sampling.Draws} draws");

var roi = host.Services.GetRequiredService<ICommunityRoiCalculator>().Compute(CommunityRoiInputs.Default);
Console.WriteLine($"community NPV {roi.NetPresentValue:N0}, payback period {roi.PaybackPeriod}");

var graph = GraphGenerators.BarabasiAlbert(1_000, 3, seed: 2).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
SpreadEstimate spread = host.Services.GetRequiredService<ISpreadEstimator>().Estimate(new SpreadRequest(graph, new IndependentCascade(), [0, 1, 2]));
SpreadEstimate expected = SpreadEstimator.Estimate(new SpreadRequest(graph, new IndependentCascade(), [0, 1, 2]), new SimulationOptions { Simulations = 2000, Seed = 7 });
Console.WriteLine($"spread of 3 seeds: {spread.Spread} (the configured runs: n = {spread.Spread.Count})");

bool ok = options.Simulation.Simulations == 2000 && options.Sampling.Chains == 2 && spread.Spread.Count == 2000 && spread.Spread == expected.Spread;
Console.WriteLine(ok ? "host sample: OK (configuration bound and used)" : "host sample: CONFIGURATION NOT USED");
return ok ? 0 : 1;
