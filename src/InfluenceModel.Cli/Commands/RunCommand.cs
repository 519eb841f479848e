using System.ComponentModel;
using InfluenceModel.Campaigns;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>`influence run scenario.json`: validates and simulates a user's scenario; writes the report; `--format json` prints the result.</summary>
internal sealed class RunCommand(IAnsiConsole console) : Command<RunCommand.Settings>
{
    public sealed class Settings : CampaignRunSettings
    {
        [CommandArgument(0, "[SCENARIO]")]
        [Description("The scenario JSON file (schema: docs/campaign-scenario.schema.json; example: docs/examples/campaign.json). Required unless --print-default.")]
        public string? Scenario { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (headline numbers on the console) or json (the whole result on stdout, for machines).")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--print-default")]
        [Description("Print the built-in scenario (the source article's setting, every part spelled out) as JSON on stdout and stop: a file to edit and run.")]
        public bool PrintDefault { get; init; }

        public override ValidationResult Validate()
        {
            if (!PrintDefault && string.IsNullOrWhiteSpace(Scenario))
            {
                return ValidationResult.Error("a scenario file is required: influence run <SCENARIO> (start from: influence run --print-default > scenario.json).");
            }

            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.PrintDefault)
        {
            console.Profile.Out.Writer.WriteLine(CampaignScenario.Default.ToJson());
            return CliApp.ExitOk;
        }

        bool json = settings.Format.ToUpperInvariant() switch
        {
            "TABLE" => false,
            "JSON" => true,
            _ => throw new CliInputException($"--format must be table or json; it was '{settings.Format}'."),
        };
        CampaignScenario scenario = ValidateCommand.Load(settings.Scenario!);
        return Execute(console, scenario, settings, json, cancellationToken);
    }

    /// <summary>Shared by `demo` and `run`: validate, simulate, report.</summary>
    public static int Execute(IAnsiConsole console, CampaignScenario scenario, CampaignRunSettings settings, bool json, CancellationToken cancellationToken)
    {
        SimulationOptions options = settings.Options(scenario);
        Campaign campaign = scenario.Build(cancellationToken);
        CampaignResult result = CampaignReport.Simulate(console, campaign, options, showProgress: !json, cancellationToken);
        (string md, string html) = CampaignReport.Write(campaign, result, Path.GetFullPath(settings.Out));
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(result.ToJson());
            return CliApp.ExitOk;
        }

        CampaignReport.WriteSummary(console, campaign, result);
        console.MarkupLineInterpolated($"report: {md}");
        console.MarkupLineInterpolated($"report: {html}");
        return CliApp.ExitOk;
    }
}
