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
    [Description("Monte-Carlo runs (1 to 100,000,000, SimulationOptions' bounds). Default: the scenario's simulation.simulations.")]
    public int? Simulations { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Random seed. Default: the scenario's simulation.seed.")]
    public ulong? Seed { get; init; }

    [CommandOption("--parallelism <N>")]
    [Description("Largest number of threads (-1 = all cores). It never changes the numbers. Default: -1.")]
    [DefaultValue(-1)]
    public int Parallelism { get; init; } = -1;

    /// <summary>The simulation options: the scenario's own (<see cref="CampaignScenario.Simulation"/>), overridden by the command line; bounds are <see cref="SimulationOptions"/>'s.</summary>
    public SimulationOptions Options(CampaignScenario scenario)
    {
        try
        {
            return scenario.Simulation with
            {
                Simulations = Simulations ?? scenario.Simulation.Simulations,
                Seed = Seed ?? scenario.Simulation.Seed,
                MaxDegreeOfParallelism = Parallelism,
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            string option = ex.ParamName == nameof(SimulationOptions.Simulations) ? "--simulations" : "--parallelism";
            throw new CliInputException($"{option} {ex.Message.Split(" (Parameter", 2)[0][(ex.ParamName?.Length ?? 0)..].Trim()}");
        }
    }
}
