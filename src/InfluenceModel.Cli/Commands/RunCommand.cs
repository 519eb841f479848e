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
        [Description("The scenario JSON file (schema: https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/campaign-scenario.schema.json; example: https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/examples/campaign.json). Required unless --print-default.")]
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
        CampaignScenario scenario = InputFile.ReadScenario(settings.Scenario!, "<SCENARIO>");
        return Execute(console, scenario, settings, json, cancellationToken);
    }

    /// <summary>
    /// Shared by `demo` and `run`: check the report folder, validate, simulate (progress on stderr), write the report
    /// files under temporary names and rename them only when all are written, then print.
    /// </summary>
    public static int Execute(IAnsiConsole console, CampaignScenario scenario, CampaignRunSettings settings, bool json, CancellationToken cancellationToken)
    {
        string folder = OutputFiles.CheckFolder(settings.Out, "--out", CampaignReport.Files);
        SimulationOptions options = settings.Options(scenario);
        Campaign campaign;
        try
        {
            campaign = scenario.Build(cancellationToken);
        }
        catch (ScenarioValidationException ex) when (ex.Problems.Count > 0)
        {
            throw new CliInputException([.. ex.Problems.Select(p => p.ToString())]);
        }

        CampaignResult result = CampaignReport.Simulate(campaign, options, cancellationToken);
        string md, html;
        using (var outputs = new OutputFiles())
        {
            (md, html) = CampaignReport.Write(campaign, result, folder, outputs, cancellationToken);
            outputs.Commit(cancellationToken);
        }

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
