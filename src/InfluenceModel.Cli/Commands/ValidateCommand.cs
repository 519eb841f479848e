using System.ComponentModel;
using System.Globalization;
using InfluenceModel.Campaigns;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>`influence validate scenario.json`: lists every problem with its JSON path; exit 2 when the scenario is invalid.</summary>
internal sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("The scenario JSON file (schema: https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/campaign-scenario.schema.json).")]
        public string Scenario { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScenarioProblem> problems = InputFile.ValidateScenario(settings.Scenario, "<SCENARIO>");
        if (problems.Count == 0)
        {
            CampaignScenario scenario = InputFile.ReadScenario(settings.Scenario, "<SCENARIO>");
            console.Profile.Out.Writer.WriteLine($"{ErrorText.Escape(settings.Scenario)}: valid ({scenario.Channels.Count} channels, {scenario.Phases.Sum(p => p.Periods)} periods, {scenario.Population.Consumers.ToString("N0", CultureInfo.InvariantCulture)} consumers).");
            return CliApp.ExitOk;
        }

        console.Profile.Out.Writer.WriteLine($"{ErrorText.Escape(settings.Scenario)}: {problems.Count} problem(s):");
        foreach (ScenarioProblem problem in problems)
        {
            console.Profile.Out.Writer.WriteLine("  " + ErrorText.Clean(problem.ToString()));
        }

        return CliApp.ExitBadInput;
    }
}
