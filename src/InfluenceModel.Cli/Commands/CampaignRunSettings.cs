using System.ComponentModel;
using InfluenceModel.Campaigns;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>Options shared by `demo` and `run`: where the report goes and how many runs.</summary>
internal class CampaignRunSettings : CommandSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for report.md, report.html and the charts.")]
    [DefaultValue("out")]
    public string Out { get; init; } = "out";

    [CommandOption("-n|--simulations <N>")]
    [Description("Monte-Carlo runs (1 to 100,000,000, SimulationOptions' bounds). Default: the scenario's simulation.simulations.")]
    public int? Simulations { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Random seed; the same seed gives the same numbers at any parallelism. Default: the scenario's simulation.seed.")]
    public ulong? Seed { get; init; }

    [CommandOption("--parallelism <N>")]
    [Description(CommonOptions.ParallelismDescription)]
    [DefaultValue(-1)]
    public int Parallelism { get; init; } = -1;

    public override Spectre.Console.ValidationResult Validate() =>
        (CommonOptions.CheckSimulations(Simulations) ?? CommonOptions.CheckParallelism(Parallelism)) is { } error
            ? Spectre.Console.ValidationResult.Error(error)
            : Spectre.Console.ValidationResult.Success();

    /// <summary>The simulation options: the scenario's own (<see cref="CampaignScenario.Simulation"/>), overridden by the command line; bounds are <see cref="SimulationOptions"/>'s.</summary>
    public SimulationOptions Options(CampaignScenario scenario)
    {
        // Validate() has checked both ranges (CommonOptions), so these assignments cannot throw.
        return scenario.Simulation with
        {
            Simulations = Simulations ?? scenario.Simulation.Simulations,
            Seed = Seed ?? scenario.Simulation.Seed,
            MaxDegreeOfParallelism = Parallelism,
        };
    }
}
