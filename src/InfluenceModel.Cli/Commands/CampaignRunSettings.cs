using System.ComponentModel;
using InfluenceModel.Campaigns;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>Options shared by `demo` and `run`: where the report goes and how many runs.</summary>
internal class CampaignRunSettings : CommandSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for report.md, report.html and the charts. Default: out.")]
    [DefaultValue("out")]
    public string Out { get; init; } = "out";

    [CommandOption("-n|--simulations <N>")]
    [Description("Monte-Carlo runs (1 to 100,000). Default: the scenario's simulation.simulations.")]
    public int? Simulations { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Random seed. Default: the scenario's simulation.seed.")]
    public ulong? Seed { get; init; }

    [CommandOption("--parallelism <N>")]
    [Description("Largest number of threads (-1 = all cores). It never changes the numbers. Default: -1.")]
    [DefaultValue(-1)]
    public int Parallelism { get; init; } = -1;

    /// <summary>The simulation options: the scenario's, overridden by the command line.</summary>
    public SimulationOptions Options(CampaignScenario scenario)
    {
        int simulations = Simulations ?? scenario.Simulation.Simulations;
        if (simulations is < 1 or > 100_000)
        {
            throw new CliInputException($"--simulations must be in [1, 100000]; it was {simulations}.");
        }

        if (Parallelism == 0 || Parallelism < -1 || Parallelism > 1024)
        {
            throw new CliInputException($"--parallelism must be -1 or in [1, 1024]; it was {Parallelism}.");
        }

        return new SimulationOptions { Simulations = simulations, Seed = Seed ?? scenario.Simulation.Seed, MaxDegreeOfParallelism = Parallelism };
    }
}
