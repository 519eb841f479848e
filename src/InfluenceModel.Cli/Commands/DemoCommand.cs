using System.ComponentModel;
using InfluenceModel.Campaigns;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>
/// `influence demo`: the main job on the built-in default scenario (the source article's campaign on 10,000 consumers):
/// simulates it with a progress bar, prints the headline numbers and writes report.md, report.html and the charts to
/// ./out (adoption by mechanism, spend against adoptions, channel response curves, reserve value, community ROI).
/// </summary>
internal sealed class DemoCommand(IAnsiConsole console) : Command<DemoCommand.Settings>
{
    public sealed class Settings : CampaignRunSettings
    {
        [CommandOption("--consumers <N>")]
        [Description("The number of consumers (ConsumerPopulation's bounds: 10 to 10,000,000) for a quicker or bigger run. Default: the built-in scenario's 10,000.")]
        public int? Consumers { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        CampaignScenario scenario = CampaignScenario.Default;
        if (settings.Consumers is { } consumers)
        {
            // The option is the user's name for the population size: check it against ConsumerPopulation's own bound.
            try
            {
                _ = scenario.Population with { Consumers = consumers };
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException($"--consumers {ScenarioProblems.MessageOf(ex)}.");
            }

            // A smaller population keeps the employee pool and the ambassadors inside it.
            int employees = Math.Clamp(scenario.Ambassadors.Employees, 0, Math.Max(0, consumers));
            scenario = scenario with
            {
                // The average degree must stay below the population (10 consumers allow a degree of at most 9).
                Population = scenario.Population with { Consumers = consumers, AverageDegree = Math.Min(scenario.Population.AverageDegree, consumers - 1) },
                Ambassadors = scenario.Ambassadors with { Employees = employees, Count = Math.Min(scenario.Ambassadors.Count, employees) },
            };
        }

        _ = OutputFiles.CheckFolder(settings.Out, "--out", CampaignReport.Files);
        console.Write(new Rule("[bold]InfluenceModel demo: a social influence marketing campaign[/]").LeftJustified());
        console.MarkupLine("A brand chooses among a Facebook page, a CEO blog, a wiki, a MySpace page, a YouTube channel and magazine websites, " +
            "runs an employee brand-ambassador program, keeps a reserve, and grows a user community. Defaults and sources: https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/campaign.md.");
        return RunCommand.Execute(console, scenario, settings, json: false, cancellationToken);
    }
}
