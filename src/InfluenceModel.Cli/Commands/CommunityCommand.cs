using System.ComponentModel;
using InfluenceModel.Charts;
using InfluenceModel.Community;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>`influence community`: the community ROI curve for inputs from a JSON file (or the defaults).</summary>
internal sealed class CommunityCommand(IAnsiConsole console) : Command<CommunityCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-i|--input <FILE>")]
        [Description("JSON file of CommunityRoiInputs (camelCase names, e.g. {\"horizon\": 24, \"costPerTicket\": 12}); missing properties keep their defaults, unknown ones are rejected. Default: the built-in defaults.")]
        public string? Input { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("Output format: table, json or csv.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("-c|--chart <FILE>")]
        [Description("Also write the chart (company effort and community-resolved share over time) to this .png or .svg file.")]
        public string? Chart { get; init; }

        public override ValidationResult Validate() =>
            Format is "table" or "json" or "csv"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--format must be table, json or csv; it was '{Format}'.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ChartOption.Check(settings.Chart);

        CommunityRoiInputs inputs = settings.Input is null ? CommunityRoiInputs.Default : CommunityReport.ReadInputs(settings.Input);
        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(inputs, cancellationToken);
        switch (settings.Format)
        {
            case "json":
                CommunityReport.WriteJson(console.Profile.Out.Writer, curve);
                break;
            case "csv":
                CommunityReport.WriteCsv(console.Profile.Out.Writer, curve);
                break;
            default:
                CommunityReport.WriteTable(console, curve);
                break;
        }

        if (settings.Chart is { } path)
        {
            CommunityRoiChart.Save(curve, path);
            if (settings.Format == "table")
            {
                console.MarkupLineInterpolated($"chart: {Path.GetFullPath(path)}");
            }
        }

        return CliApp.ExitOk;
    }
}
